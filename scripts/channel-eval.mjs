#!/usr/bin/env node
// Scores channel-question files in one process (fast, for tuning), with the same rule as
// ../shared/eval/channel-score.mjs: a turn passes when every `must` regex matches the first 20
// non-blank lines of the terminal answer. Conversations share one conversation id, in order.
//   npm run build && node scripts/channel-eval.mjs test/eval/channel/round1.jsonl [--show]
import { createBot } from '../dist/core/bot.js';
import { readChannelQuestions, scoreChannel } from '../dist/cli/channel-score.js';
import { loadKnowledge } from '../dist/knowledge/load.js';

const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.jsonl'));
const show = args.includes('--show');
const bot = createBot(loadKnowledge());
let total = 0;
let passed = 0;
for (const file of files) {
  const s = await scoreChannel(bot, readChannelQuestions(file), file);
  if (show) for (const m of s.misses) console.log(`miss ${m.id} [${m.kind}] ${m.text.slice(0, 90)} | missing: ${m.missing.join(' , ').slice(0, 140)}`);
  console.log(`${file}: ${Object.entries(s.byKind).map(([k, v]) => `${k} ${v.ok}/${v.n}`).join(', ')}`);
  console.log(`${file}: answered on the first screen ${s.passed}/${s.rows} (${((100 * s.passed) / s.rows).toFixed(1)}%)`);
  total += s.rows;
  passed += s.passed;
}
if (files.length > 1) console.log(`all: ${passed}/${total} (${((100 * passed) / total).toFixed(1)}%)`);
