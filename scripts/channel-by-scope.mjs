#!/usr/bin/env node
// Channel questions split by what they name (issue 11: services beyond the first twenty): each
// question is asked as channel-eval.mjs does and counted under "outside" (names only services beyond
// the first twenty), "first" (names one of the first twenty) or "none" (names no service: mostly
// follow-ups and needs).   npm run build && node scripts/channel-by-scope.mjs test/eval/channel/round8.jsonl
import { createBot } from '../dist/core/bot.js';
import { loadKnowledge } from '../dist/knowledge/load.js';
import { readChannelQuestions, firstScreen } from '../dist/cli/channel-score.js';
import { renderText } from '../dist/render/text.js';
import { buildLexicon } from '../dist/core/understanding/lexicon.js';
import { findMentions } from '../dist/core/understanding/mentions.js';
import { tokenize } from '../dist/core/understanding/text.js';
const FIRST = new Set('s3 ec2 lambda ebs efs glacier rds aurora dynamodb elasticache redshift cloudfront ecs eks fargate lightsail elastic-beanstalk sqs sns kinesis'.split(' '));
const k = loadKnowledge(); const bot = createBot(k); const lex = buildLexicon(k);
const tally = { outside: [0, 0], first: [0, 0], none: [0, 0] };
for (const file of process.argv.slice(2)) {
  for (const row of readChannelQuestions(file)) {
    const r = await bot.ask(row.text, row.conversation ? `o-${row.conversation}` : `o-${row.id}`);
    const ok = row.must.every((m) => new RegExp(m, 'i').test(firstScreen(renderText(r.answer, { width: 100, color: false }))));
    const ids = [...new Set(findMentions(lex, tokenize(row.text)).services.map((m) => m.id))];
    const cls = ids.length === 0 ? 'none' : ids.some((i) => FIRST.has(i)) ? 'first' : 'outside';
    tally[cls][0]++; if (ok) tally[cls][1]++;
  }
}
for (const [c, [n, p]] of Object.entries(tally)) console.log(c, `${p}/${n}`, (100 * p / n).toFixed(1) + '%');
