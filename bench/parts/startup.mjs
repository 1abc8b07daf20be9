/**
 * Part 3: start-up and memory.
 *  - `awsbot ask "…"` (bin/awsbot, the installed command): time from spawning the process to its
 *    first printed output (the answer), and to its exit; median of several runs after one
 *    unmeasured warm-up (file cache), the commands taking turns; for a question naming services and
 *    for one naming none (which builds the classifier on first use).
 *  - `node bin/awsbot.cjs ask "…"` (Node started directly, with the environment as it is) and bare
 *    `node -e ""` the same way, the latter also without NODE_EXTRA_CA_CERTS: the part of start-up
 *    that is Node's own, and what that variable costs it (bin/awsbot drops it for `ask`).
 *  - the time to import the heaviest dependencies and the project's modules, each in a fresh process.
 *  - rss-probe.mjs for awsbot and each peer: resident memory after loading the knowledge and
 *    building (training) the system and answering both questions, the time that building took, and
 *    process start → first answer.
 * Prints one JSON line.
 *
 * Usage: node bench/parts/startup.mjs [--runs 7]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { median, progress, ROOT, runJson, script } from '../lib/common.mjs';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 11;
// Two kinds of question: one that names services (no classifier needed), and one that names none
// (the intent classifier and the need matcher are built on first use, so this one pays for them).
const QUESTION = 'What is the difference between S3 and EC2?';
const NEED_QUESTION = 'Where should I store nightly database backups cheaply?';

/** The environment without NODE_EXTRA_CA_CERTS. */
const { NODE_EXTRA_CA_CERTS, ...NO_EXTRA_CERTS } = process.env;

/** Spawns `command args…` (by default Node); resolves with ms to the first stdout byte and to exit, and the output. */
function timeProcess(args, command = process.execPath, env = process.env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let first;
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (c) => {
      first ??= performance.now() - t0;
      out += c;
    });
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const exit = performance.now() - t0;
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}: ${err.slice(-300)}`));
      resolve({ firstMs: first ?? exit, exitMs: exit, out });
    });
  });
}

/** Runs each command RUNS times, taking turns (so a busy moment of the machine touches all alike). */
async function interleaved(commands) {
  for (const c of commands) await timeProcess(c.args, c.command, c.env); // warm-up: file cache, not counted
  const runs = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [j, c] of commands.entries()) {
      progress(`start-up: ${c.label} run ${i + 1}/${RUNS}`);
      const r = await timeProcess(c.args, c.command, c.env);
      if (c.check && !c.check(r.out)) throw new Error(`${c.label}: unexpected output: ${r.out.slice(0, 200)}`);
      runs[j].push(r);
    }
  }
  return runs.map((rs) => ({
    runs: RUNS,
    firstMs: median(rs.map((r) => r.firstMs)),
    exitMs: median(rs.map((r) => r.exitMs)),
    minFirstMs: Math.min(...rs.map((r) => r.firstMs)),
    maxFirstMs: Math.max(...rs.map((r) => r.firstMs)),
  }));
}

const AWSBOT = join(ROOT, 'bin/awsbot');
const [ask, askNeed, askDirect, bareNode, bareNodeNoCerts] = await interleaved([
  { label: 'awsbot ask (services named)', command: AWSBOT, args: ['ask', QUESTION], check: (out) => /S3/.test(out) && /EC2/.test(out) },
  { label: 'awsbot ask (no service named)', command: AWSBOT, args: ['ask', NEED_QUESTION], check: (out) => out.trim().length > 0 },
  { label: 'node bin/awsbot.cjs ask (services named)', args: [join(ROOT, 'bin/awsbot.cjs'), 'ask', QUESTION], check: (out) => /S3/.test(out) && /EC2/.test(out) },
  { label: 'node -e ""', args: ['-e', 'process.stdout.write("x")'] },
  { label: 'node -e "" without NODE_EXTRA_CA_CERTS', args: ['-e', 'process.stdout.write("x")'], env: NO_EXTRA_CERTS },
]);

// What importing costs, each in a fresh process (median of 3): the heaviest dependencies alone, then
// the whole core and the whole `ask` command.
const imports = [];
for (const [label, spec] of [
  ['zod', 'zod'],
  ["natural's Bayes classifier (with apparatus, sylvester)", 'natural/lib/natural/classifiers/bayes_classifier.js'],
  ['dist/core/bot.js (the whole core)', './dist/core/bot.js'],
  ['dist/cli/ask.js (the whole `ask` command)', './dist/cli/ask.js'],
]) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const r = await timeProcess(['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(spec)}); process.stdout.write(String(performance.now() - t));`]);
    samples.push(Number(r.out));
  }
  progress(`start-up: import ${spec}`);
  imports.push({ label, ms: median(samples) });
}

const probes = {};
for (const system of ['awsbot', 'bayes', 'nlpjs-exact', 'nlpjs']) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    progress(`memory: ${system} probe ${i + 1}/3`);
    samples.push(await runJson(script('bench/parts/rss-probe.mjs'), [system]));
  }
  const med = (key) => median(samples.map((s) => s[key]));
  probes[system] = {
    rss: med('rss'),
    heapUsed: med('heapUsed'),
    importMs: med('importMs'),
    loadMs: med('loadMs'),
    buildMs: med('buildMs'),
    firstAnswerMs: med('firstAnswerMs'),
    needAnswerMs: med('needAnswerMs'),
    startToAnswerMs: med('answeredMs'),
  };
}

process.stdout.write(`${JSON.stringify({ question: QUESTION, needQuestion: NEED_QUESTION, extraCerts: NODE_EXTRA_CA_CERTS !== undefined, ask, askNeed, askDirect, bareNode, bareNodeNoCerts, imports, probes })}\n`);
