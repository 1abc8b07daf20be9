/**
 * Part 1: understanding accuracy (intent, services, aspect, all three) on the held-out sets, for
 * awsbot and both peers, scored by the project's own evaluate() (src/cli/evaluate.ts).
 * Prints one JSON line.
 */
import { dist, heldOutRows, msSince, nowNs, progress } from '../lib/common.mjs';
import { trainBayesPeer, trainNlpjsPeer } from '../lib/peers.mjs';

const { loadKnowledge } = await dist('knowledge/load.js');
const { createBot } = await dist('core/bot.js');
const { evaluate } = await dist('cli/evaluate.js');

const knowledge = loadKnowledge();
const files = await heldOutRows();

let t = nowNs();
const awsbot = createBot(knowledge);
const awsbotMs = msSince(t);
t = nowNs();
const bayes = trainBayesPeer(knowledge);
const bayesMs = msSince(t);
t = nowNs();
const nlpjs = await trainNlpjsPeer(knowledge);
const nlpjsMs = msSince(t);
t = nowNs();
const nlpjsExact = await trainNlpjsPeer(knowledge, { threshold: 1 });
const nlpjsExactMs = msSince(t);

const systems = [
  { id: 'awsbot', name: 'awsbot', bot: awsbot, trainMs: awsbotMs },
  { id: 'bayes', name: bayes.name, bot: bayes, trainMs: bayesMs },
  { id: 'nlpjs', name: nlpjs.name, bot: nlpjs, trainMs: nlpjsMs },
  { id: 'nlpjs-exact', name: nlpjsExact.name, bot: nlpjsExact, trainMs: nlpjsExactMs },
];

const result = { systems: [] };
for (const s of systems) {
  progress(`accuracy: ${s.name}`);
  const perFile = [];
  const total = { rows: 0, intent: 0, services: 0, aspect: 0, all: 0 };
  for (const f of files) {
    // evaluate() only calls bot.ask(text, conversation): the peers provide exactly that.
    const r = await evaluate(s.bot, f.rows, `${s.id}:${f.name}`);
    perFile.push({ file: f.name, rows: r.rows, intent: r.intent, services: r.services, aspect: r.aspect, all: r.all, misses: r.misses.slice(0, 5) });
    for (const key of Object.keys(total)) total[key] += r[key];
  }
  result.systems.push({ id: s.id, name: s.name, trainMs: s.trainMs, files: perFile, total });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
