/**
 * Memory soak (not in CI): the production entry point (dist/main.js, Slack HTTP mode, everything
 * as `npm start` runs it: metrics, claims, the conversation store) answers signed app_mention
 * events at a steady rate for a long time, each a new message in its own thread (so the claim and
 * conversation maps fill to their bounds), its Web API pointed at bench/slack/fake-web-api.mjs.
 * Every sample period the process's own /metrics gives its resident memory and V8 heap in use, and
 * its --trace-gc output the heap still live after the latest full (mark-compact) collection: heap
 * in use swings with garbage not yet collected, the live heap after a full GC is what a leak grows.
 * At the end: a table over time, the growth of the last third against the middle third, and whether
 * memory plateaus; exit code 1 when it does not, or when an event went unanswered.
 *
 * Usage: npm run bench -- --soak [--minutes 10] [--rate 100] [--sample-s 30]
 *        (or: npm run build && node bench/parts/soak.mjs --minutes 10 --rate 100)
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Agent, request } from 'node:http';
import { DIST, heldOutQuestions, script as benchScript } from '../lib/common.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MINUTES = arg('minutes', 10);
const RATE = arg('rate', 100);
const SAMPLE_S = arg('sample-s', 30);
const SECRET = randomBytes(24).toString('hex');
const BOT_USER = 'U0BENCHBOT';
const children = [];
const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
process.on('exit', stopAll);

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function startChild(file, args, env) {
  const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return child;
}

async function firstJsonLine(child) {
  let buf = '';
  for await (const chunk of child.stdout) {
    buf += chunk;
    const nl = buf.indexOf('\n');
    if (nl >= 0) return JSON.parse(buf.slice(0, nl));
  }
  throw new Error('child exited before printing its port');
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });
function post(port, path, body, headers) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
async function getJson(url) {
  return (await fetch(url)).json();
}
async function metricValue(base, name) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

const questions = await heldOutQuestions();
const fake = startChild(benchScript('bench/slack/fake-web-api.mjs'), [], { BENCH_BOT_USER: BOT_USER });
const fakePort = (await firstJsonLine(fake)).port;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const bot = spawn(process.execPath, ['--trace-gc', `${DIST}/main.js`], {
  env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-soak-0000', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(bot);
// "... Mark-Compact 180.2 (200.1) -> 95.3 (201.0) MB, ...": the heap live after the latest full GC.
let liveAfterFullGcMB = NaN;
let pendingOut = '';
bot.stdout.setEncoding('utf8');
bot.stdout.on('data', (chunk) => {
  pendingOut += chunk;
  const lines = pendingOut.split('\n');
  pendingOut = lines.pop();
  for (const line of lines) {
    const m = line.match(/Mark-Compact[^\d]*[\d.]+ \([\d.]+\) -> ([\d.]+) \(/);
    if (m) liveAfterFullGcMB = Number(m[1]);
    else if (line.startsWith('{')) process.stderr.write(`${line}\n`);
  }
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/readyz`)).status === 200) break;
  } catch {
    /* not yet */
  }
  if (i > 300) throw new Error('the bot did not become ready');
  await new Promise((r) => setTimeout(r, 100));
}

let sent = 0;
let failed = 0;
let channelSeq = 0;
const sendOne = () => {
  const n = sent++;
  const ts = `${1_900_000_000 + n}.000100`;
  const channel = `C${(channelSeq++ % 5000).toString(36).toUpperCase().padStart(6, '0')}`;
  const envelope = {
    token: 'x',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `EvSoak${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_mention', user: 'U0ASKER', text: `<@${BOT_USER}> ${questions[n % questions.length]}`, ts, event_ts: ts, channel, team: 'T0BENCH' },
  };
  const body = JSON.stringify(envelope);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const headers = { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
  // A kept-alive connection the server closed as idle just as it was reused fails with no status:
  // sent again once, as Slack would retry it.
  void post(port, '/slack/events', body, headers)
    .then((status) => (status === 0 ? post(port, '/slack/events', body, headers) : status))
    .then((status) => {
      if (status !== 200) failed++;
    });
};

const samples = [];
const sample = async (elapsedS) => {
  const stats = await getJson(`http://127.0.0.1:${fakePort}/_stats`);
  const rss = await metricValue(base, 'awsbot_process_resident_memory_bytes');
  const heap = await metricValue(base, 'awsbot_nodejs_heap_size_used_bytes');
  const s = { minute: Number((elapsedS / 60).toFixed(1)), sent, answered: Object.keys(stats.threads).length, failed, rssMB: Number((rss / 2 ** 20).toFixed(1)), heapMB: Number((heap / 2 ** 20).toFixed(1)), liveMB: liveAfterFullGcMB };
  samples.push(s);
  process.stderr.write(`${JSON.stringify(s)}\n`);
};

const t0 = Date.now();
const durationMs = MINUTES * 60_000;
await sample(0);
// A steady rate: every 10 ms, as many events as the schedule says are due.
const tick = setInterval(() => {
  const due = Math.floor(((Date.now() - t0) / 1000) * RATE);
  while (sent < due) sendOne();
}, 10);
const sampler = setInterval(() => void sample((Date.now() - t0) / 1000), SAMPLE_S * 1000);
await new Promise((r) => setTimeout(r, durationMs));
clearInterval(tick);
clearInterval(sampler);
// Let the last answers arrive, then a final sample.
for (let i = 0; i < 100; i++) {
  const stats = await getJson(`http://127.0.0.1:${fakePort}/_stats`);
  if (stats.posts >= sent) break;
  await new Promise((r) => setTimeout(r, 100));
}
await sample((Date.now() - t0) / 1000);

const third = Math.floor(samples.length / 3);
const mean = (xs, k) => xs.reduce((a, s) => a + s[k], 0) / xs.length;
const middle = samples.slice(third, 2 * third);
const last = samples.slice(2 * third);
const growth = (k) => Number((mean(last, k) - mean(middle, k)).toFixed(1));
const finalStats = await getJson(`http://127.0.0.1:${fakePort}/_stats`);
const result = {
  minutes: MINUTES,
  rate: RATE,
  sent,
  answered: Object.keys(finalStats.threads).length,
  posts: finalStats.posts,
  apologies: finalStats.apologies,
  failedRequests: failed,
  rssMB: { start: samples[0].rssMB, peak: Math.max(...samples.map((s) => s.rssMB)), end: samples.at(-1).rssMB, lastThirdMinusMiddleThird: growth('rssMB') },
  heapMB: { start: samples[0].heapMB, peak: Math.max(...samples.map((s) => s.heapMB)), end: samples.at(-1).heapMB, lastThirdMinusMiddleThird: growth('heapMB') },
  liveAfterFullGcMB: { first: samples.find((s) => !Number.isNaN(s.liveMB))?.liveMB, peak: Math.max(...samples.filter((s) => !Number.isNaN(s.liveMB)).map((s) => s.liveMB)), end: samples.at(-1).liveMB, lastThirdMinusMiddleThird: growth('liveMB') },
};
// Plateau: the last third is within 10% (or 5 MB) of the middle third.
const flat = (k) => growth(k) <= Math.max(5, 0.1 * mean(middle, k));
// Heap in use swings with uncollected garbage: the plateau verdict is on RSS and the live heap after full GCs.
result.plateau = { rss: flat('rssMB'), liveHeap: flat('liveMB'), heapInUse: flat('heapMB') };
console.log('\nminute  sent     answered  RSS MB  heap MB  live after full GC MB');
for (const s of samples) console.log(`${String(s.minute).padEnd(7)} ${String(s.sent).padEnd(8)} ${String(s.answered).padEnd(9)} ${String(s.rssMB).padEnd(7)} ${String(s.heapMB).padEnd(8)} ${s.liveMB}`);
console.log(JSON.stringify(result));
stopAll();
process.exit(result.plateau.rss && result.plateau.liveHeap && result.answered >= result.sent && failed === 0 ? 0 : 1);
