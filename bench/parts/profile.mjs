/**
 * Where awsbot's time goes: a V8 CPU profile (node --cpu-prof) of the bot answering the held-out
 * questions for a fixed time, on one CPU, summarised as self time per function (compiled
 * dist/ file and line; the source is the .ts of the same name under src/).
 * Prints one JSON line: the top functions and the share of samples in each.
 *
 * Usage: node bench/parts/profile.mjs [--ms 2500]
 *   (it re-runs itself under --cpu-prof in a temporary folder and reads the profile back)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, dist, heldOutQuestions, nodeCommand } from '../lib/common.mjs';

const msAt = process.argv.indexOf('--ms');
const MS = msAt >= 0 ? Number(process.argv[msAt + 1]) : 2500;

if (process.argv.includes('--child')) {
  const { loadKnowledge } = await dist('knowledge/load.js');
  const { createBot } = await dist('core/bot.js');
  const bot = createBot(loadKnowledge());
  const questions = await heldOutQuestions();
  for (const q of questions) bot.answerNow(q); // warm-up
  const end = performance.now() + MS;
  let n = 0;
  while (performance.now() < end) for (const q of questions) (bot.answerNow(q), n++);
  process.stdout.write(`${JSON.stringify({ answered: n })}\n`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'awsbot-prof-'));
  try {
    const self = fileURLToPath(import.meta.url);
    const [cmd, argv] = nodeCommand([self, '--child', '--ms', String(MS)], { cpu: 1, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
    const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`profiled run failed: ${r.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const timeById = new Map();
    profile.samples.forEach((id, i) => timeById.set(id, (timeById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFunction = new Map();
    let total = 0;
    for (const node of profile.nodes) {
      const t = timeById.get(node.id) ?? 0;
      total += t;
      const url = node.callFrame.url;
      let where;
      if (url.includes('/dist/')) where = `dist/${relative(DIST, fileURLToPath(url))}:${node.callFrame.lineNumber + 1}`;
      else if (url.includes('node_modules')) where = url.slice(url.lastIndexOf('node_modules/') + 13).split('/').slice(0, 2).join('/');
      else where = node.callFrame.functionName ? 'node' : '(runtime)';
      const name = `${node.callFrame.functionName || '(anonymous)'} ${where}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + t);
    }
    const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, t]) => ({ name, share: t / total }));
    process.stdout.write(`${JSON.stringify({ ms: MS, answered: JSON.parse(r.stdout.trim().split('\n').pop()).answered, top })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
