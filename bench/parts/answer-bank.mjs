/**
 * Part 6: the answer bank. Loads the real knowledge, then banks grown to about 2,000 and 4,000
 * entries (the real entries plus copies whose phrasings are reworded by dropping and reordering
 * words, so the index sees new documents, not duplicates), each measured in this one process after
 * forced GC: the time to build the bot and answer a first question (index build included), heap
 * added, and per-question latency (understanding, retrieval and the answer) over the channel
 * questions of test/eval/channel, each asked on a fresh conversation. Ratios are to the real bank
 * in the same run. Prints one JSON line.
 *
 * Usage: node --expose-gc bench/parts/answer-bank.mjs [--sizes 2000,4000]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, nowNs, msSince, percentile, ROOT } from '../lib/common.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const at = process.argv.indexOf('--sizes');
const SIZES = (at >= 0 ? process.argv[at + 1] : '2000,4000').split(',').map(Number);

const { loadKnowledge } = await dist('knowledge/load.js');
const { createBot } = await dist('core/bot.js');
const { buildAnswer } = await dist('core/answer/build.js');
const SLOWEST = 20;
const channelDir = join(ROOT, 'test/eval/channel');
const questions = readdirSync(channelDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(channelDir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text));

/** A reworded copy of a phrasing: deterministic, different words order and one word dropped. */
function reword(q, n) {
  const w = q.split(/\s+/);
  if (w.length > 3) w.splice(n % w.length, 1);
  const k = (n % (w.length - 1)) + 1;
  return [...w.slice(k), ...w.slice(0, k)].join(' ');
}

function grown(k, size) {
  const bank = [...k.bank];
  for (let n = 1; bank.length < size; n++) {
    for (const e of k.bank) {
      if (bank.length >= size) break;
      bank.push({ ...e, id: `${e.id}-copy${n}`, questions: e.questions.map((q, i) => reword(q, n + i)) });
    }
  }
  return { ...k, bank };
}

function heap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// Warm-up, not timed: the understanding sets' questions (test/eval/*.jsonl), none of them a channel
// question, on the bot about to be measured: the JIT compiles the hot paths and what the bot builds
// on first use (intent classifier, need matcher, typo tables) is built, as in a running bot.
const evalDir = join(ROOT, 'test/eval');
const warmQuestions = readdirSync(evalDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text))
  .filter((q) => !questions.includes(q));

/** Runs per question for the steady per-question cost (median of these). */
const REPEATS = 5;

async function measure(k) {
  const before = heap();
  const t = nowNs();
  const bot = createBot(k);
  await bot.ask('how long does sqs keep messages', 'warm');
  const buildMs = msSince(t);
  const heapAdded = heap() - before;
  let w = 0;
  for (const q of warmQuestions) await bot.ask(q, `warm${w++}`);
  heap();
  // Each question timed whole (bot.ask), and split: reading the question (understanding without
  // retrieval), retrieval (the retriever's retrieve()), building the answer (buildAnswer()). The
  // split runs the same steps bot.answerNow runs, on a second fresh conversation, timed apart.
  const retriever = bot.understander.retriever;
  const retrieve = retriever.retrieve;
  let retrieveMs = 0;
  retriever.retrieve = (query) => {
    const t2 = nowNs();
    try {
      return retrieve(query);
    } finally {
      retrieveMs += msSince(t2);
    }
  };
  // One question on no conversation: understanding (retrieval timed inside it), then the answer.
  const timedSplit = (q) => {
    retrieveMs = 0;
    const t3 = nowNs();
    const u = bot.understander.understand(q, undefined);
    const understandMs = msSince(t3);
    const t4 = nowNs();
    buildAnswer(k, u);
    return { understandMs, retrieveMs, answerMs: msSince(t4) };
  };
  const times = [];
  const split = [];
  let i = 0;
  for (const q of questions) {
    retrieveMs = 0;
    const t1 = nowNs();
    await bot.ask(q, `q${i}`);
    const total = msSince(t1);
    const askRetrieve = retrieveMs;
    times.push(total);
    const t = timedSplit(q);
    split.push({ text: q, total, retrieve: askRetrieve, read: t.understandMs - t.retrieveMs, answer: t.answerMs, retrieveAndAnswer: t.retrieveMs + t.answerMs });
    i++;
  }
  // The same split, each question REPEATS times in a row, its median kept: what the question itself
  // costs once the process is warm, without the one-off garbage-collection pause or preemption that
  // lands on a different question every run (the single pass above keeps those).
  const steady = [];
  for (const q of questions) {
    const runs = [];
    for (let r = 0; r < REPEATS; r++) {
      const t = timedSplit(q);
      runs.push(t.retrieveMs + t.answerMs);
    }
    runs.sort((a, b) => a - b);
    steady.push(runs[Math.floor(REPEATS / 2)]);
  }
  steady.sort((a, b) => a - b);
  retriever.retrieve = retrieve;
  times.sort((a, b) => a - b);
  const ra = split.map((s) => s.retrieveAndAnswer).sort((a, b) => a - b);
  const slowest = [...split].sort((a, b) => b.total - a.total).slice(0, SLOWEST);
  return {
    entries: k.bank.length,
    buildMs,
    heapAdded,
    warmup: warmQuestions.length,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    p99: percentile(times, 99),
    max: times.at(-1),
    over1ms: times.filter((x) => x > 1).length,
    questions: times.length,
    // Retrieval plus building the answer (issue 11's measure), from the split pass.
    retrieveAndAnswer: { p50: percentile(ra, 50), p90: percentile(ra, 90), p99: percentile(ra, 99), max: ra.at(-1), over1ms: ra.filter((x) => x > 1).length },
    // Per-question median of REPEATS runs.
    retrieveAndAnswerSteady: { p50: percentile(steady, 50), p90: percentile(steady, 90), p99: percentile(steady, 99), max: steady.at(-1), over1ms: steady.filter((x) => x > 1).length },
    slowest,
  };
}

const real = loadKnowledge();
const rows = [await measure(real)];
for (const size of SIZES) rows.push(await measure(grown(real, size)));
console.log(JSON.stringify({ rows }));
