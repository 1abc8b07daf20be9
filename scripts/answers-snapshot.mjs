#!/usr/bin/env node
// Dumps every answer the bot gives to the channel question sets, for checking that a change
// (e.g. a speed-up) leaves every answer as it was: run before and after, then `diff` the files.
// Questions are asked as scripts/channel-eval.mjs asks them (one bot; turns of a conversation share
// its id, in order). Each answer is written as its rendered text (width 100, no colour) and its
// JSON. Two bots answer: one on the validated knowledge (loadKnowledge) and one as `awsbot ask`
// starts (openKnowledge, the build-time snapshots); their answers are compared too.
//   npm run build && node scripts/answers-snapshot.mjs out.txt [files.jsonl…]
//   (files default to test/eval/channel/*.jsonl and ../shared/eval/channel-sample.jsonl)
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot } from '../dist/core/bot.js';
import { readChannelQuestions } from '../dist/cli/channel-score.js';
import { loadKnowledge } from '../dist/knowledge/load.js';
import { openKnowledge } from '../dist/knowledge/snapshot.js';
import { renderText } from '../dist/render/text.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const out = args.find((a) => !a.endsWith('.jsonl')) ?? 'answers.txt';
let files = args.filter((a) => a.endsWith('.jsonl'));
if (files.length === 0) {
  const dir = join(root, 'test/eval/channel');
  files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
  const shared = join(root, '../shared/eval/channel-sample.jsonl');
  if (existsSync(shared)) files.push(shared);
}

async function dump(bot) {
  const lines = [];
  for (const file of files) {
    const name = file.split('/').slice(-2).join('/');
    for (const r of readChannelQuestions(file)) {
      const reply = await bot.ask(r.text, `${file}:${r.conversation ?? r.id}`);
      lines.push(`### ${name} ${r.id} ${r.text}`);
      lines.push(renderText(reply.answer, { width: 100, color: false }));
      lines.push(JSON.stringify(reply.answer));
    }
  }
  return lines.join('\n');
}

const validated = await dump(createBot(loadKnowledge()));
const snapshot = await dump(createBot(await openKnowledge()));
writeFileSync(out, `${validated}\n`);
if (snapshot !== validated) {
  writeFileSync(`${out}.snapshot`, `${snapshot}\n`);
  console.error(`answers differ between the validated knowledge and the snapshot: diff ${out} ${out}.snapshot`);
  process.exitCode = 1;
}
console.error(`${files.length} files → ${out}`);
