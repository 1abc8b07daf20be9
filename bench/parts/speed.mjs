/**
 * Part 2: questions per second and per-question latency of understanding, and of understanding
 * plus answer building, for awsbot and the peers, on the same questions in the same process.
 * The orchestrator pins this process to one CPU (taskset), so "per second" means on one core.
 *
 * Every held-out question, shuffled once with a fixed seed (so any prefix is a fair sample), is
 * asked in turn, one call timed at a time. Each system and mode gets the same time budget per
 * round; they take turns over several rounds (machine noise hits all of them alike), after a warm-up.
 * Prints one JSON line.
 *
 * Usage: node bench/parts/speed.mjs [--round-ms 600] [--rounds 5] [--warmup-ms 500]
 */
import { dist, firstSight, heldOutQuestions, nowNs, percentile, progress, warmUpQuestions } from '../lib/common.mjs';
import { trainBayesPeer, trainNlpjsPeer } from '../lib/peers.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUND_MS = arg('round-ms', 600);
const ROUNDS = arg('rounds', 5);
const WARMUP_MS = arg('warmup-ms', 500);

const { loadKnowledge } = await dist('knowledge/load.js');
const { createBot } = await dist('core/bot.js');
const { buildAnswer } = await dist('core/answer/build.js');

const knowledge = loadKnowledge();
const bot = createBot(knowledge);
const bayes = trainBayesPeer(knowledge);
const nlpjs = await trainNlpjsPeer(knowledge);
const nlpjsExact = await trainNlpjsPeer(knowledge, { threshold: 1 });

// A fixed-seed shuffle (mulberry32) of every held-out question.
const questions = await heldOutQuestions();
let seed = 0x5eed;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = questions.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [questions[i], questions[j]] = [questions[j], questions[i]];
}

// awsbot at first sight, before anything in this process has seen the held-out questions: a fresh
// bot, each question once (the timed loops below repeat them, so memos and caches are warm there).
progress('speed: awsbot first sight');
const { times: _firstTimes, ...first } = await firstSight(() => createBot(knowledge), questions, await warmUpQuestions());

const peerFull = (p) => (p.async ? async (q) => buildAnswer(knowledge, await p.understand(q)) : (q) => buildAnswer(knowledge, p.understand(q)));
const systems = [
  { id: 'awsbot', name: 'awsbot', async: false, understand: (q) => bot.understander.understand(q), full: (q) => bot.answerNow(q) },
  { id: 'bayes', name: bayes.name, async: false, understand: (q) => bayes.understand(q), full: peerFull(bayes) },
  { id: 'nlpjs-exact', name: nlpjsExact.name, async: true, understand: (q) => nlpjsExact.understand(q), full: peerFull(nlpjsExact) },
  { id: 'nlpjs', name: nlpjs.name, async: true, understand: (q) => nlpjs.understand(q), full: peerFull(nlpjs) },
];

/** Runs `fn` over the questions for `budgetMs`, from position `state.next`; appends latencies (ms). */
async function timed(fn, isAsync, budgetMs, state) {
  const budget = BigInt(Math.round(budgetMs * 1e6));
  const start = nowNs();
  let t = start;
  let n = 0;
  while (t - start < budget) {
    const q = questions[state.next];
    state.next = (state.next + 1) % questions.length;
    const t0 = t;
    if (isAsync) await fn(q);
    else fn(q);
    t = nowNs();
    state.latencies.push(Number(t - t0) / 1e6);
    state.seen = Math.min(questions.length, state.seen + 1);
    n++;
  }
  state.count += n;
  state.ns += Number(t - start);
}

const MODES = ['understand', 'full'];
const fresh = () => ({ next: 0, latencies: [], count: 0, ns: 0, seen: 0 });
const states = Object.fromEntries(MODES.map((mode) => [mode, Object.fromEntries(systems.map((s) => [s.id, fresh()]))]));
for (const mode of MODES) for (const s of systems) await timed(s[mode], s.async, WARMUP_MS, fresh());
// Modes and systems take turns within every round, so that the machine's noise falls on all alike.
for (let r = 0; r < ROUNDS; r++) {
  for (const mode of MODES) {
    const order = systems.map((_, i) => systems[(i + r) % systems.length]);
    for (const s of order) {
      progress(`speed: round ${r + 1}/${ROUNDS} ${mode} ${s.name}`);
      await timed(s[mode], s.async, ROUND_MS, states[mode][s.id]);
    }
  }
}
const results = {};
for (const mode of MODES) {
  results[mode] = systems.map((s) => {
    const st = states[mode][s.id];
    const sorted = Float64Array.from(st.latencies).sort();
    return {
      id: s.id,
      name: s.name,
      count: st.count,
      seconds: st.ns / 1e9,
      qps: st.count / (st.ns / 1e9),
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
      distinctQuestions: st.seen,
    };
  });
}

// awsbot's slowest questions (understanding + answer): each asked 5 times, the median kept.
const perQuestion = questions.map((q) => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = nowNs();
    bot.answerNow(q);
    times.push(Number(nowNs() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { text: q, ms: times[2], words: q.split(/\s+/).length };
});
perQuestion.sort((a, b) => b.ms - a.ms);
const slowShare = (n) => perQuestion.slice(0, n).reduce((a, x) => a + x.ms, 0) / perQuestion.reduce((a, x) => a + x.ms, 0);
const slowest = {
  top: perQuestion.slice(0, 8),
  over1ms: perQuestion.filter((x) => x.ms > 1).length,
  shareOfTimeInSlowest5pct: slowShare(Math.ceil(perQuestion.length * 0.05)),
  medianWordsSlowest5pct: perQuestion.slice(0, Math.ceil(perQuestion.length * 0.05)).map((x) => x.words).sort((a, b) => a - b)[Math.ceil(perQuestion.length * 0.05) >> 1],
  medianWordsAll: [...perQuestion].sort((a, b) => a.words - b.words)[perQuestion.length >> 1].words,
};

process.stdout.write(`${JSON.stringify({ questions: questions.length, roundMs: ROUND_MS, rounds: ROUNDS, warmupMs: WARMUP_MS, results, first, slowest })}\n`);
