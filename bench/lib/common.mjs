/**
 * Shared by every benchmark part: paths, the compiled project (dist/), statistics, tables, and
 * running a part in its own process so one part's heap and JIT state never colour another's.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

/** The repository (where bench/ lives, and git). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
/**
 * The project as measured: a snapshot of the compiled project taken when the run starts (see
 * run.mjs), so that a rebuild by someone else during the run cannot mix two versions; the
 * repository itself when a part runs alone.
 */
export const ROOT = process.env.AWSBOT_BENCH_ROOT || REPO;
export const DIST = join(ROOT, 'dist');
export const INTENTS = join(ROOT, 'intents');
export const EVAL_FILES = [join(ROOT, 'test/eval/heldout.jsonl'), join(ROOT, 'test/eval/fresh.jsonl')];

/** Imports a compiled module of the project, e.g. dist('core/bot.js'). */
export function dist(path) {
  return import(pathToFileURL(join(DIST, path)).href);
}

// ------------------------------------------------------------------ statistics

/** Percentile (0..100) of an ascending-sorted numeric array, nearest-rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const nowNs = () => process.hrtime.bigint();
export const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// ------------------------------------------------------------------ formatting

export const fmt = {
  int: (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–'),
  n1: (n) => (Number.isFinite(n) ? n.toFixed(1) : '–'),
  n2: (n) => (Number.isFinite(n) ? n.toFixed(2) : '–'),
  n3: (n) => (Number.isFinite(n) ? n.toFixed(3) : '–'),
  pct: (x, n) => (n > 0 ? `${((100 * x) / n).toFixed(1)}%` : '–'),
  bytes: (b) => (!Number.isFinite(b) ? '–' : Math.abs(b) < 1024 * 1024 ? `${(b / 1024).toFixed(1)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`),
  mb: (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '–'),
  us: (ms) => (Number.isFinite(ms) ? `${(ms * 1000).toFixed(1)} µs` : '–'),
  /** A latency given in ms: µs below 1 ms, ms above. */
  lat: (ms) => (!Number.isFinite(ms) ? '–' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`),
  ms: (ms) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : '–'),
  x: (r) => (Number.isFinite(r) ? `${r.toFixed(r < 10 ? 2 : 1)}×` : '–'),
};

/** A Markdown table (also readable in a terminal). */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

// ------------------------------------------------------------------ machine

export function machine() {
  const cpus = os.cpus();
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench', ':!BENCHMARKS.md'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    /* not a git checkout */
  }
  let cgroupCpus;
  try {
    const [quota, period] = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(/\s+/);
    if (quota !== 'max') cgroupCpus = Number(quota) / Number(period);
  } catch {
    /* no cgroup v2 limit */
  }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    cgroupCpus,
    memory: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    commit: dirty ? `${commit} (with uncommitted changes)` : commit,
  };
}

// ------------------------------------------------------------------ child processes

/** True when `taskset` can pin a process to one CPU here. */
let tasksetOk;
export function canPin() {
  if (tasksetOk === undefined) {
    try {
      execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
      tasksetOk = true;
    } catch {
      tasksetOk = false;
    }
  }
  return tasksetOk;
}

/** The command line that runs `node args…`, pinned to `cpu` when given and possible. */
export function nodeCommand(args, { cpu, nodeFlags = [] } = {}) {
  const node = [process.execPath, ...nodeFlags, ...args];
  return cpu !== undefined && canPin() ? ['taskset', ['-c', String(cpu), ...node]] : [node[0], node.slice(1)];
}

/** A script of bench/, by its path from the repository root, e.g. script('bench/parts/speed.mjs'). */
export const script = (path) => join(REPO, path);

/**
 * Runs a part script in its own process and returns the JSON it prints on its last stdout line.
 * Its other output (progress) goes to our stderr. Bounded: killed after `timeoutMs`.
 */
export function runJson(script, args = [], { cpu, nodeFlags = [], timeoutMs = 180_000, env } = {}) {
  const [cmd, argv] = nodeCommand([script, ...args], { cpu, nodeFlags });
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], env: env ?? process.env });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} ${args.join(' ')} exited with ${code}: ${out.slice(-500)}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${script} printed no JSON result: ${out.slice(-500)}`));
      }
    });
  });
}

/** Progress on stderr, so that stdout of a part stays its JSON result. */
export function progress(msg) {
  process.stderr.write(`  · ${msg}\n`);
}

/** Rows of the held-out sets, as the project's own `awsbot eval` reads them. */
export async function heldOutRows() {
  const { readLabelled } = await dist('cli/evaluate.js');
  return EVAL_FILES.map((file) => ({ file, name: file.split('/').pop(), rows: readLabelled(file) }));
}

/** Other questions (test/eval/dev.jsonl) to warm the JIT with before a "first sight" pass. */
export async function warmUpQuestions() {
  const { readLabelled } = await dist('cli/evaluate.js');
  try {
    return readLabelled(join(ROOT, 'test/eval/dev.jsonl')).map((r) => r.text);
  } catch {
    return [];
  }
}

/**
 * "First sight": each question asked once, by a freshly built bot whose per-bot caches (typo memo
 * and the like) have never seen them; the JIT is warmed on other questions with another bot, and
 * the fresh bot has answered those other questions once (so what it builds on first use is built).
 * Also watches garbage collection and involuntary context switches meanwhile, to tell which of the
 * slowest calls a GC pause overlapped or the kernel switched out.
 * Returns { times (ms per question, in order), count, qps, p50, p90, p99, max, gc }.
 */
export async function firstSight(makeBot, questions, warmUp) {
  const { PerformanceObserver, performance } = await import('node:perf_hooks');
  const warm = makeBot();
  for (let i = 0; i < 3; i++) for (const q of warmUp) warm.answerNow(q);
  // A fresh bot that has answered only other questions once: whatever it builds on first use is
  // built, and none of the measured questions has been seen.
  const bot = makeBot();
  for (const q of warmUp) bot.answerNow(q);
  const pauses = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries().map((e) => ({ start: e.startTime, end: e.startTime + e.duration }))));
  observer.observe({ entryTypes: ['gc'] });
  const spans = questions.map((q) => {
    const switches = process.resourceUsage().involuntaryContextSwitches;
    const start = performance.now();
    bot.answerNow(q);
    const end = performance.now();
    return { start, end, preempted: process.resourceUsage().involuntaryContextSwitches > switches };
  });
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the GC entries arrive
  observer.disconnect();
  const times = spans.map((s) => s.end - s.start);
  const sorted = Float64Array.from(times).sort();
  const slowest = spans.map((s, i) => ({ ...s, ms: times[i] })).sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(spans.length / 100)));
  const during = pauses.filter((p) => p.end >= spans[0].start && p.start <= spans[spans.length - 1].end);
  return {
    times,
    count: times.length,
    qps: times.length / (times.reduce((a, b) => a + b, 0) / 1000),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    gc: {
      pauses: during.length,
      totalMs: during.reduce((a, p) => a + p.end - p.start, 0),
      maxMs: Math.max(0, ...during.map((p) => p.end - p.start)),
      slowest: slowest.length,
      slowestWithGc: slowest.filter((c) => during.some((p) => p.start < c.end && p.end > c.start)).length,
      // The process was switched out by the kernel (another process wanted the CPU) during the call.
      slowestPreempted: slowest.filter((c) => c.preempted).length,
      preemptedCalls: spans.filter((c) => c.preempted).length,
    },
  };
}

/** The questions the speed parts time: every held-out text, in file order. */
export async function heldOutQuestions() {
  return (await heldOutRows()).flatMap((f) => f.rows.map((r) => r.text));
}
