#!/usr/bin/env node
// Everyday words the typo corrector would read as a service: runs every word of the answer bank's
// phrasings, leads and steps and of the labelled sets through the mention finder and lists those it
// corrects to a service. Candidates for NEAR_MISS_WORDS (src/core/understanding/language.ts).
//   npm run build && node scripts/near-misses.mjs
import { loadKnowledge } from '../dist/knowledge/load.js';
import { buildLexicon } from '../dist/core/understanding/lexicon.js';
import { findMentions } from '../dist/core/understanding/mentions.js';
import { tokenize } from '../dist/core/understanding/text.js';
import fs from 'node:fs';
const k = loadKnowledge(); const lex = buildLexicon(k);
const words = new Map();
const add = (t) => { for (const w of tokenize(t)) if (w.length >= 4 && /^[a-z]+$/.test(w)) words.set(w, (words.get(w) ?? 0) + 1); };
for (const e of k.bank) { e.questions.forEach(add); add(e.lead); e.steps.forEach(add); }
for (const f of fs.readdirSync(new URL('../test/eval/', import.meta.url))) if (f.endsWith('.jsonl')) for (const l of fs.readFileSync(new URL('../test/eval/' + f, import.meta.url), 'utf8').split('\n')) { try { add(JSON.parse(l).text); } catch {} }
const hits = [];
for (const [w, n] of words) {
  const m = findMentions(lex, [w]);
  const c = m.services.find((s) => s.correctedFrom);
  if (c) hits.push(`${w} -> ${c.id} (${n})`);
}
console.log(hits.sort().join('\n'));
