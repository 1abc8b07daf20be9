/**
 * Part 5: growth. Synthetic catalogs of 20, 200 and 2,000 services (bench/lib/synthetic.mjs,
 * written to a temporary folder and removed afterwards), each measured in its own process pinned
 * to one CPU; then 1, 10,000 and 1,000,000 remembered conversations with the store's bound raised,
 * and 1,000,000 conversations into the bot's default store to show that its bound holds.
 * Prints one JSON line.
 *
 * Usage: node bench/parts/growth.mjs [--sizes 20,200,2000] [--conversations 1,10000,1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msSince, nowNs, progress, runJson, script } from '../lib/common.mjs';
import { makeKnowledgeDir } from '../lib/synthetic.mjs';

const list = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : dflt).split(',').map(Number);
};
const SIZES = list('sizes', '20,200,2000');
const CONVERSATIONS = list('conversations', '1,10000,1000000');
const CPU = 1;

const root = mkdtempSync(join(tmpdir(), 'awsbot-bench-'));
const catalogs = [];
const conversations = [];
try {
  for (const size of SIZES) {
    progress(`growth: generating a catalog of ${size} services`);
    const t = nowNs();
    const { dir } = makeKnowledgeDir(root, size);
    const generateMs = msSince(t);
    progress(`growth: measuring the catalog of ${size} services`);
    const r = await runJson(script('bench/parts/growth-catalog.mjs'), [dir], { cpu: CPU, nodeFlags: ['--expose-gc'], timeoutMs: 120_000 });
    catalogs.push({ ...r, generateMs });
  }
  for (const count of CONVERSATIONS) {
    progress(`growth: ${count.toLocaleString('en-US')} conversations (bound raised to ${count.toLocaleString('en-US')})`);
    conversations.push(await runJson(script('bench/parts/conversations.mjs'), [String(count)], { cpu: CPU, nodeFlags: ['--expose-gc'], timeoutMs: 120_000 }));
  }
  const most = Math.max(...CONVERSATIONS);
  progress(`growth: ${most.toLocaleString('en-US')} conversations into the default store`);
  conversations.push(await runJson(script('bench/parts/conversations.mjs'), [String(most), '--default-bound'], { cpu: CPU, nodeFlags: ['--expose-gc'], timeoutMs: 120_000 }));
} finally {
  rmSync(root, { recursive: true, force: true });
}

process.stdout.write(`${JSON.stringify({ catalogs, conversations })}\n`);
