/**
 * Part 3 helper: one process that loads the knowledge, builds one system (awsbot or a peer),
 * answers a question naming services and then one naming none (awsbot builds its classifier and
 * need matcher on first use), and reports its resident memory and where its start-up time went
 * (performance.now() counts from the process's start). Prints one JSON line.
 *
 * Usage: node bench/parts/rss-probe.mjs awsbot|bayes|nlpjs|nlpjs-exact
 */
import { dist } from '../lib/common.mjs';

const system = process.argv[2] ?? 'awsbot';
const QUESTION = 'What is the difference between S3 and EC2?';
// Names no service: needs the intent classifier and the need matcher (which awsbot builds on first use).
const NEED_QUESTION = 'Where should I store nightly database backups cheaply?';
const marks = { moduleStartMs: performance.now() };

const { loadKnowledge } = await dist('knowledge/load.js');
const { buildAnswer } = await dist('core/answer/build.js');
let createBot;
let peers;
if (system === 'awsbot') ({ createBot } = await dist('core/bot.js'));
else peers = await import('../lib/peers.mjs');
marks.importedMs = performance.now();

const knowledge = loadKnowledge();
marks.loadedMs = performance.now();

let answer;
if (system === 'awsbot') {
  const bot = createBot(knowledge);
  answer = (q) => bot.ask(q);
} else if (system === 'bayes') {
  const peer = peers.trainBayesPeer(knowledge);
  answer = async (q) => buildAnswer(knowledge, peer.understand(q));
} else {
  const peer = await peers.trainNlpjsPeer(knowledge, { threshold: system === 'nlpjs-exact' ? 1 : 0.8 });
  answer = async (q) => buildAnswer(knowledge, await peer.understand(q));
}
marks.builtMs = performance.now();
if (!(await answer(QUESTION))) throw new Error('no answer');
marks.answeredMs = performance.now();
if (!(await answer(NEED_QUESTION))) throw new Error('no answer');
marks.needAnsweredMs = performance.now();

const mem = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    system,
    ...marks,
    importMs: marks.importedMs - marks.moduleStartMs,
    loadMs: marks.loadedMs - marks.importedMs,
    buildMs: marks.builtMs - marks.loadedMs,
    firstAnswerMs: marks.answeredMs - marks.builtMs,
    needAnswerMs: marks.needAnsweredMs - marks.answeredMs,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    heapTotal: mem.heapTotal,
    external: mem.external,
  })}\n`,
);
