/**
 * Part 5 helper: one process per synthetic catalog (run with --expose-gc, pinned to one CPU).
 * Loads the knowledge dir, builds the bot, and reports: load and build time, heap and RSS that the
 * knowledge and bot add, per-question latency (understanding, and understanding plus answer) on the
 * held-out questions (repeatedly, and at first sight: each once, on a fresh bot), accuracy on the
 * held-out sets with this catalog, and whether questions about generated services are understood.
 * Prints one JSON line.
 *
 * Usage: node --expose-gc bench/parts/growth-catalog.mjs <knowledge dir> [--budget-ms 1200]
 *   (each timing also covers every held-out question at least once, capped at 15 s)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, firstSight, heldOutQuestions, heldOutRows, nowNs, percentile, warmUpQuestions } from '../lib/common.mjs';

const dir = process.argv[2];
const budgetAt = process.argv.indexOf('--budget-ms');
const BUDGET_MS = budgetAt >= 0 ? Number(process.argv[budgetAt + 1]) : 1200;
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

const { loadKnowledge } = await dist('knowledge/load.js');
const { createBot } = await dist('core/bot.js');
const { evaluate } = await dist('cli/evaluate.js');
const { buildAnswer } = await dist('core/answer/build.js');
const questions = await heldOutQuestions();
const files = await heldOutRows();

const settle = () => {
  for (let i = 0; i < 3; i++) globalThis.gc();
};
settle();
const before = process.memoryUsage();
let t = nowNs();
const knowledge = loadKnowledge(dir);
const loadMs = Number(nowNs() - t) / 1e6;
t = nowNs();
const bot = createBot(knowledge);
const buildMs = Number(nowNs() - t) / 1e6;
settle();
const after = process.memoryUsage();

/**
 * Times `fn` one question at a time for `budgetMs`, and at least one pass over every question
 * (so that p99 rests on all of them), but never longer than `capMs`.
 */
function timeFor(fn, budgetMs, capMs = 15_000) {
  const budget = BigInt(Math.round(budgetMs * 1e6));
  const cap = BigInt(Math.round(capMs * 1e6));
  const lat = [];
  const start = nowNs();
  let now = start;
  let i = 0;
  while ((now - start < budget || i < questions.length) && now - start < cap) {
    const t0 = now;
    fn(questions[i++ % questions.length]);
    now = nowNs();
    lat.push(Number(now - t0) / 1e6);
  }
  const sorted = Float64Array.from(lat).sort();
  return {
    count: lat.length,
    distinct: Math.min(lat.length, questions.length),
    qps: lat.length / (Number(now - start) / 1e9),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

// First sight before anything else has seen the held-out questions: fresh bots on this catalog.
const { times: _firstTimes, ...first } = await firstSight(() => createBot(knowledge), questions, await warmUpQuestions());

const understandFn = (q) => bot.understander.understand(q);
const fullFn = (q) => bot.answerNow(q);
timeFor(fullFn, BUDGET_MS / 3, 3000); // warm-up
const understand = timeFor(understandFn, BUDGET_MS);
const full = timeFor(fullFn, BUDGET_MS);

// Answer building alone, by intent: the median over the held-out readings (each built 5 times,
// its mean kept), so that one GC pause does not decide an intent with few readings.
const answerByIntent = {};
const readings = questions.map((q) => bot.understander.understand(q));
for (const u of readings) for (let i = 0; i < 5; i++) buildAnswer(knowledge, u); // warm-up
const perIntent = {};
for (const u of readings) {
  const t0 = nowNs();
  for (let i = 0; i < 5; i++) buildAnswer(knowledge, u);
  (perIntent[u.intent] ??= []).push(Number(nowNs() - t0) / 5e6);
}
for (const [intent, times] of Object.entries(perIntent)) {
  times.sort((a, b) => a - b);
  answerByIntent[intent] = { n: times.length, medianMs: times[times.length >> 1] };
}

let rows = 0;
let all = 0;
for (const f of files) {
  const r = await evaluate(bot, f.rows, `growth:${f.name}`);
  rows += r.rows;
  all += r.all;
}

// Questions about generated services: named by alias, and by one of their typos.
const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')).services.slice(20);
let asked = 0;
let understood = 0;
for (let i = 0; i + 1 < catalog.length && asked < 200; i += Math.max(2, Math.floor(catalog.length / 100))) {
  const a = catalog[i];
  const b = catalog[i + 1];
  const checks = [
    [`what is ${a.short}?`, 'describe', [a.id]],
    [`${a.id} vs ${b.misspellings[0] ?? b.id} pricing`, 'compare', [a.id, b.id]],
  ];
  for (const [text, intent, ids] of checks) {
    const u = bot.answerNow(text).understanding;
    asked++;
    if (u.intent === intent && u.services.length === ids.length && ids.every((id) => u.services.includes(id))) understood++;
  }
}

process.stdout.write(
  `${JSON.stringify({
    services: knowledge.catalog.length,
    loadMs,
    buildMs,
    heapAdded: after.heapUsed - before.heapUsed,
    rssAdded: after.rss - before.rss,
    rss: after.rss,
    understand,
    full,
    first,
    answerByIntent,
    accuracy: { rows, all },
    generatedQuestions: { asked, understood },
  })}\n`,
);
