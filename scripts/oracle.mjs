#!/usr/bin/env node
// For each channel question the bot misses: is there a bank entry whose text carries every key
// fact (an "oracle" entry), and where does retrieval rank it? Splits ranking misses from content
// misses.   npm run build && node scripts/oracle.mjs test/eval/channel/round4.jsonl
import { createBot } from '../dist/core/bot.js';
import { readChannelQuestions, scoreChannel } from '../dist/cli/channel-score.js';
import { loadKnowledge } from '../dist/knowledge/load.js';
import { createUnderstander } from '../dist/core/understanding/understand.js';

const k = loadKnowledge();
const bot = createBot(k);
const u = createUnderstander(k);
const textOf = (e) => [e.lead, ...e.steps, e.command ?? '', ...e.caveats, ...(e.flips ?? [])].join('\n');
let ranking = 0, content = 0;
for (const file of process.argv.slice(2).filter((a) => a.endsWith('.jsonl'))) {
  const rows = readChannelQuestions(file);
  const s = await scoreChannel(bot, rows, file);
  for (const m of s.misses) {
    const row = rows.find((r) => r.id === m.id);
    const oracles = k.bank.filter((e) => row.must.every((re) => new RegExp(re, 'i').test(textOf(e)))).map((e) => e.id);
    const reading = u.understand(row.text);
    const r = u.retriever.retrieve({ text: reading.text, services: reading.intent === 'recommend' ? [] : reading.services, aspect: reading.aspect });
    const top = [r.best, ...r.others].filter(Boolean).map((x) => `${x.candidate.id}@${x.confidence.toFixed(2)}`);
    if (oracles.length) ranking++; else content++;
    console.log(`${oracles.length ? 'RANK' : 'NONE'} ${m.id} [${m.kind}] ${row.text.slice(0, 80)}\n    oracle: ${oracles.slice(0, 4).join(' ')}\n    top: ${top.join(' ')}`);
  }
}
console.log(`ranking misses ${ranking}, content misses ${content}`);
