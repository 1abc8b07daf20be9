#!/usr/bin/env node
// Scores channel-question files in one process (fast, for tuning), with the same rule as
// ../shared/eval/channel-score.mjs: a turn passes when every `must` regex matches the first 20
// non-blank lines of the terminal answer. Conversations share one conversation id, in order.
//   npm run build && node scripts/channel-eval.mjs test/eval/channel/round1.jsonl [--show] [--lines 20]
import { readFileSync } from 'node:fs';
import { createBot } from '../dist/core/bot.js';
import { loadKnowledge } from '../dist/knowledge/load.js';
import { renderText } from '../dist/render/text.js';

const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.jsonl'));
const LINES = Number(args[args.indexOf('--lines') + 1]) || 20;
const show = args.includes('--show');
const bot = createBot(loadKnowledge());
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

let total = 0;
let passed = 0;
for (const file of files) {
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const byKind = {};
  let pass = 0;
  for (const r of rows) {
    const conversation = r.conversation ? `${file}:${r.conversation}` : `${file}:${r.id}`;
    let text = '';
    try {
      const reply = await bot.ask(r.text, conversation);
      text = strip(renderText(reply.answer, { width: 100, color: false }));
    } catch (err) {
      text = `ERROR ${err.message}`;
    }
    const screen = text.split('\n').filter((l) => l.trim() !== '').slice(0, LINES).join('\n');
    const missed = r.must.filter((m) => !new RegExp(m, 'i').test(screen));
    const ok = missed.length === 0;
    const k = (byKind[r.kind] ??= { n: 0, ok: 0 });
    k.n++;
    k.ok += ok;
    pass += ok;
    if (!ok && show) console.log(`miss ${r.id} [${r.kind}] ${r.text.slice(0, 90)} | missing: ${missed.join(' , ').slice(0, 140)}`);
  }
  console.log(`${file}: ${Object.entries(byKind).map(([k, v]) => `${k} ${v.ok}/${v.n}`).join(', ')}`);
  console.log(`${file}: answered on the first screen ${pass}/${rows.length} (${((100 * pass) / rows.length).toFixed(1)}%)`);
  total += rows.length;
  passed += pass;
}
if (files.length > 1) console.log(`all: ${passed}/${total} (${((100 * passed) / total).toFixed(1)}%)`);
