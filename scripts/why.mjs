#!/usr/bin/env node
// Shows what retrieval made of a question: its terms, cues and the best candidates with scores.
//   npm run build && node scripts/why.mjs "how long does sqs keep messages"
import { createUnderstander } from '../dist/core/understanding/understand.js';
import { loadKnowledge } from '../dist/knowledge/load.js';

const u = createUnderstander(loadKnowledge());
for (const q of process.argv.slice(2)) {
  const reading = u.understand(q);
  const r = u.retriever.retrieve({ text: reading.text, services: reading.intent === 'recommend' ? [] : reading.services, aspect: reading.aspect });
  console.log(`\n${q}\n  intent ${reading.intent} services [${reading.services}] aspect ${reading.aspect} cues [${[...r.cues]}] terms [${r.terms}]`);
  for (const m of [r.best, ...r.others].filter(Boolean)) console.log(`  ${m.score.toFixed(2)} conf ${m.confidence.toFixed(3)} ${m.candidate.id} (${m.candidate.kind}; ${m.candidate.services})`);
}
