#!/usr/bin/env node
// Plays one conversation and shows what each turn was read as and which answer was chosen:
//   npm run build && node scripts/converse.mjs "sqs vs sns" "which one keeps messages" "and how long"
import { createBot } from '../dist/core/bot.js';
import { loadKnowledge } from '../dist/knowledge/load.js';
import { renderText } from '../dist/render/text.js';

const bot = createBot(loadKnowledge());
for (const q of process.argv.slice(2)) {
  const { answer, understanding: u } = await bot.ask(q, 'converse');
  console.log(`\n> ${q}\n  ${u.intent} [${u.services}] ${u.aspect} followUp=${u.followUp} match=${u.match ? `${u.match.id} ${u.match.confidence}` : '-'}`);
  console.log(renderText(answer, { width: 100, color: false }).split('\n').filter((l) => l.trim()).slice(0, 6).map((l) => `  | ${l}`).join('\n'));
}
