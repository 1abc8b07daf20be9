/**
 * Part 4: load through Slack HTTP mode. Three processes, all on 127.0.0.1:
 *  - bench/slack/server.mjs: awsbot's Slack adapter (startSlack, HTTP mode, signed requests),
 *    pinned to CPU 0 when taskset is available;
 *  - bench/slack/fake-web-api.mjs: the Web API it posts answers to, counting chat.postMessage
 *    per channel and thread;
 *  - this process: autocannon sending signed app_mention events (each its own channel thread, a
 *    unique event id, a held-out question), with the fake on CPU 1 (bench/run.mjs starts this
 *    process pinned there).
 * Phases (each bounded in count and time; every request times out after 3 s, Slack's limit):
 *  1. paced: the target rate for a fixed number of events, through several autocannon runs with
 *     overallRate, started evenly across a second (one run would send each second in one burst);
 *  2. saturation: no pacing, a fixed number of connections, for a fixed duration.
 * After each phase the answers still being posted are awaited (bounded), then every event is
 * checked: the fake must have received exactly the messages that event's answer renders to in its
 * thread (no event lost, none answered twice), and no apology.
 * Then a shorter saturation run under the V8 profiler (started and stopped through the adapter
 * process's /bench/profile routes) shows where its CPU goes, by component; its own throughput is
 * not reported (profiling costs).
 * Prints one JSON line.
 *
 * Usage: node bench/parts/slack-load.mjs [--rate 500] [--paced-s 10] [--sat-s 10] [--connections 50]
 *        [--paced-connections 100] [--paced-instances 20] [--profile-s 5 (0: no profile)] [--dump FILE]
 */
import { createHmac, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { canPin, DIST, dist, heldOutQuestions, nodeCommand, percentile, progress, REPO, script as benchScript } from '../lib/common.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RATE = arg('rate', 500);
const PACED_S = arg('paced-s', 10);
const SAT_S = arg('sat-s', 10);
const SAT_CONNECTIONS = arg('connections', 50);
const PACED_CONNECTIONS = arg('paced-connections', 100);
const PACED_INSTANCES = arg('paced-instances', 20);
const PROFILE_S = arg('profile-s', 5);
// --dump FILE: every acknowledgement as "phase, ms since the phase started, latency ms, status, nth
// response on its connection" (for digging).
const DUMP = process.argv.includes('--dump') ? process.argv[process.argv.indexOf('--dump') + 1] : undefined;
const dump = [];
const responsesOf = new WeakMap(); // autocannon client → responses so far on its connection
const ACK_LIMIT_S = 3;
const DRAIN_LIMIT_MS = 30_000;
const SERVER_CPU = 0;
const LOAD_CPU = 1;

const BOT_USER = 'U0BENCHBOT';
const SECRET = randomBytes(24).toString('hex');
const children = [];

function startChild(script, { cpu, env, nodeFlags = [] }) {
  const [cmd, argv] = nodeCommand([benchScript(script)], { cpu, nodeFlags });
  // stdin stays open as a lifeline: the child exits when it closes, so it never outlives this process.
  const child = spawn(cmd, argv, { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 20 s`)), 20_000);
    child.on('exit', (code) => reject(new Error(`${script} exited early (${code})`)));
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, ...JSON.parse(line) });
      }
    });
  });
}

function stopChildren() {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      setTimeout(() => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL'), 3000).unref();
    }
  }
}
process.on('exit', stopChildren);

/** Stops the children and waits for them (bounded), so that their CPU time is counted as ours. */
function stopChildrenAndWait() {
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
  stopChildren();
  return Promise.race([Promise.all(exited), sleep(5000)]);
}

function httpJson(port, path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, timeout: 10_000 }, (res) => {
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (raw += c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(raw));
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${path} timed out`)));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const summary = (values) => {
  const sorted = Float64Array.from(values).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
};

// ------------------------------------------------------------------ what each event should get

const { loadKnowledge } = await dist('knowledge/load.js');
const { createBot } = await dist('core/bot.js');
const { renderAnswer } = await dist('render/slack/blocks.js');
const questions = await heldOutQuestions();
const localBot = createBot(loadKnowledge());
// Each event is the first message of its own thread: no context, so the answer is answerNow's.
const texts = questions.map((q) => `<@${BOT_USER}> ${q}`);
const expectedPages = texts.map((t) => renderAnswer(localBot.answerNow(t).answer).length);

// ------------------------------------------------------------------ processes

progress('slack load: starting the fake Web API and the Slack adapter');
const api = await startChild('bench/slack/fake-web-api.mjs', { cpu: LOAD_CPU, env: { BENCH_BOT_USER: BOT_USER } });
const startServer = () =>
  startChild('bench/slack/server.mjs', {
    cpu: SERVER_CPU,
    env: { BENCH_API_URL: `http://127.0.0.1:${api.port}/api/`, BENCH_SIGNING_SECRET: SECRET },
  });
const slack = await startServer();

// ------------------------------------------------------------------ one phase

let seq = 0;
const runId = Date.now().toString(36);

async function phase(name, options) {
  await httpJson(api.port, '/_reset', 'POST');
  const api0 = await httpJson(api.port, '/_stats');
  const sent = new Map(); // "channel ts" → question index
  const latencies = [];
  // The first request on each new connection, apart: it waits for the adapter to accept the connection.
  const firstOnConnection = [];
  const laterOnConnection = [];
  await httpJson(slack.port, '/bench/loop-delay/reset', 'POST');
  const usage0 = await httpJson(slack.port, '/bench/usage');
  const load0 = process.cpuUsage();
  const wall0 = performance.now();
  const startedAt = Date.now();

  const setupRequest = (req) => {
    const n = seq++;
    const qi = n % texts.length;
    const channel = `C0BENCH${String(n % 40).padStart(2, '0')}`;
    const ts = `${1_700_000_000 + Math.floor(n / 1000)}.${String(n % 1_000_000).padStart(6, '0')}`;
    sent.set(`${channel} ${ts}`, qi);
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      token: 'bench',
      team_id: 'T0BENCH',
      api_app_id: 'A0BENCH',
      type: 'event_callback',
      event_id: `Ev${runId}${n}`,
      event_time: now,
      event: { type: 'app_mention', user: 'U0ASKER', team: 'T0BENCH', text: texts[qi], ts, event_ts: ts, channel },
      authorizations: [{ team_id: 'T0BENCH', user_id: BOT_USER, is_bot: true }],
    });
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${now}:${body}`).digest('hex')}`;
    return {
      ...req,
      method: 'POST',
      path: '/slack/events',
      body,
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(now), 'x-slack-signature': signature },
    };
  };

  progress(`slack load: ${name} (${JSON.stringify(options)})`);
  // This process's own event-loop delay: autocannon times requests here, so a stalled loop would
  // inflate the latencies it reports.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  // `instances` autocannon runs, started evenly across one second, share the load: autocannon
  // releases a paced connection's quota at the start of each of its seconds, so one run alone
  // would send the whole second's events in one burst.
  const instances = options.instances ?? 1;
  const { instances: _ignored, ...cannon } = options;
  const share = (total) => (total === undefined ? undefined : Math.max(1, Math.round(total / instances)));
  const runs = [];
  for (let i = 0; i < instances; i++) {
    if (i > 0) await sleep(1000 / instances);
    const instance = autocannon({
      url: `http://127.0.0.1:${slack.port}`,
      timeout: ACK_LIMIT_S,
      requests: [{ setupRequest }],
      ...cannon,
      connections: instances > 1 ? Math.max(1, Math.round(cannon.connections / instances)) : cannon.connections,
      overallRate: share(cannon.overallRate),
      amount: share(cannon.amount),
    });
    // Bounded whatever happens: a paced phase that cannot keep its pace is stopped at its time cap.
    const capS = cannon.amount ? cannon.duration : cannon.duration + 5;
    const guard = setTimeout(() => instance.stop(), capS * 1000);
    instance.on('response', (client, status, _bytes, ms) => {
      const nth = (responsesOf.get(client) ?? 0) + 1;
      responsesOf.set(client, nth);
      if (status >= 200 && status < 300) {
        latencies.push(ms);
        (nth === 1 ? firstOnConnection : laterOnConnection).push(ms);
      }
      if (DUMP) dump.push(`${name}\t${(performance.now() - wall0).toFixed(1)}\t${ms.toFixed(2)}\t${status}\t${nth}`);
    });
    runs.push(instance.then((r) => (clearTimeout(guard), r)));
  }
  const parts = await Promise.all(runs);
  loopDelay.disable();
  const sum = (key) => parts.reduce((a, r) => a + (r[key] ?? 0), 0);
  const result = { '2xx': sum('2xx'), non2xx: sum('non2xx'), errors: sum('errors'), timeouts: sum('timeouts'), latency: { p99: Math.max(...parts.map((r) => r.latency.p99)) } };
  // The rate the runs sustained together: each run's acknowledged events over its own duration,
  // added up (they overlap but for the stagger of under a second at start and end).
  const sustained = parts.reduce((a, r) => a + r['2xx'] / r.duration, 0);
  const loadSeconds = (performance.now() - wall0) / 1000;
  const usage1 = await httpJson(slack.port, '/bench/usage');
  const load1 = process.cpuUsage(load0);

  // Answers still being built or posted: wait until the counts stop moving (bounded).
  const expectedPosts = [...sent.values()].reduce((a, qi) => a + expectedPages[qi], 0);
  let stats = await httpJson(api.port, '/_stats');
  const drainStart = performance.now();
  let stableSince = performance.now();
  let lastPosts = stats.posts;
  while (stats.posts < expectedPosts && performance.now() - drainStart < DRAIN_LIMIT_MS) {
    await sleep(200);
    stats = await httpJson(api.port, '/_stats');
    if (stats.posts !== lastPosts) {
      lastPosts = stats.posts;
      stableSince = performance.now();
    } else if (performance.now() - stableSince > 5000) break; // nothing more is coming
  }
  await sleep(500); // anything late (a double) shows up in this window
  stats = await httpJson(api.port, '/_stats');
  const usage2 = await httpJson(slack.port, '/bench/usage');

  let answered = 0;
  let lost = 0;
  let doubled = 0;
  let partial = 0;
  for (const [key, qi] of sent) {
    const got = stats.threads[key] ?? 0;
    if (got === 0) lost++;
    else if (got === expectedPages[qi]) answered++;
    else if (got > expectedPages[qi]) doubled++;
    else partial++;
  }
  const unexpected = Object.keys(stats.threads).filter((k) => !sent.has(k)).length;
  const sorted = Float64Array.from(latencies).sort();
  const answerSeconds = (stats.lastPostAt - startedAt) / 1000;
  return {
    name,
    options,
    sent: sent.size,
    acked: result['2xx'],
    // Requests written but not yet answered when a timed phase stopped (still answered: see posts).
    inFlightAtStop: sent.size - result['2xx'] - result.non2xx - result.timeouts,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    loadSeconds,
    ackedPerSecond: sustained,
    ackedOverWholePhase: result['2xx'] / loadSeconds,
    ack: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
      autocannonP99: result.latency.p99,
      over3s: latencies.filter((l) => l > ACK_LIMIT_S * 1000).length,
    },
    ackByConnection: {
      first: { count: firstOnConnection.length, ...summary(firstOnConnection), over100ms: firstOnConnection.filter((l) => l > 100).length },
      later: { count: laterOnConnection.length, ...summary(laterOnConnection), over100ms: laterOnConnection.filter((l) => l > 100).length },
    },
    posts: stats.posts,
    expectedPosts,
    answered,
    lost,
    doubled,
    partial,
    unexpected,
    apologies: stats.apologies,
    answerSeconds,
    answeredPerSecond: answered / answerSeconds,
    drainSeconds: Math.max(0, (stats.lastPostAt - startedAt) / 1000 - loadSeconds),
    serverCpu: (usage1.cpuUs - usage0.cpuUs) / 1e6 / ((usage1.at - usage0.at) / 1000),
    serverCpuWithDrain: (usage2.cpuUs - usage0.cpuUs) / 1e6 / ((usage2.at - usage0.at) / 1000),
    serverRss: usage2.rss,
    serverHeapUsed: usage2.heapUsed,
    serverLoopDelay: usage1.loopDelay,
    serverCpuMsPerEvent: (usage2.cpuUs - usage0.cpuUs) / 1000 / Math.max(1, sent.size),
    serverEventLoopBusy: (usage1.elu.active - usage0.elu.active) / (usage1.elu.active + usage1.elu.idle - usage0.elu.active - usage0.elu.idle),
    fakeApiCpu: (stats.cpuUs - api0.cpuUs) / 1e6 / ((performance.now() - wall0) / 1000),
    loadGeneratorCpu: (load1.user + load1.system) / 1e6 / loadSeconds,
    loadGeneratorLoopDelay: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
}

const phases = [];
let profile;
try {
  // Warm-up: JIT, connection pools, the dedupe and conversation maps; not reported.
  // Warm-up in the paced phase's own shape (its connections, its rate), so that connection pools
  // and JIT state are those of the load being measured.
  const pacedShape = { instances: PACED_INSTANCES, connections: PACED_CONNECTIONS, overallRate: RATE };
  await phase('warm-up', { ...pacedShape, amount: RATE * 2, duration: 6 });
  phases.push(await phase('paced', { ...pacedShape, amount: RATE * PACED_S, duration: PACED_S * 2 }));
  phases.push(await phase('saturation', { connections: SAT_CONNECTIONS, duration: SAT_S }));
  if (PROFILE_S > 0) {
    await httpJson(slack.port, '/bench/profile/start', 'POST');
    const run = await phase('profiled saturation', { connections: SAT_CONNECTIONS, duration: PROFILE_S });
    profile = { events: run.sent, ...summariseProfile(await httpJson(slack.port, '/bench/profile/stop', 'POST')) };
  }
} finally {
  await stopChildrenAndWait();
}

/** Self time of the adapter process by component, from its V8 CPU profile; idle time left out. */
function summariseProfile(prof) {
  const time = new Map();
  prof.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const ours = `${pathToFileURL(DIST).href}/`;
  const component = (frame) => {
    const url = frame.url;
    if (!url) {
      if (frame.functionName === '(idle)') return undefined;
      if (frame.functionName === '(garbage collector)') return 'garbage collection';
      return 'Node.js runtime (HTTP server, fetch client, streams, crypto)';
    }
    if (url.startsWith(`${ours}core/`)) return 'awsbot: understanding and answer building (dist/core)';
    if (url.startsWith(`${ours}render/`) || url.startsWith(`${ours}platforms/`)) return 'awsbot: Slack adapter and Block Kit rendering (dist/platforms, dist/render)';
    if (url.startsWith(ours)) return 'awsbot: other';
    if (url.includes('node_modules/@slack/')) return 'Slack SDK (@slack/bolt, @slack/web-api)';
    if (url.includes('node_modules/')) {
      const rest = url.slice(url.lastIndexOf('node_modules/') + 13).split('/');
      const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
      return ['pino', 'sonic-boom', 'thread-stream', 'fast-redact', 'quick-format-unescaped', 'on-exit-leak-free', 'safe-stable-stringify'].includes(name)
        ? 'logging (pino)'
        : `other libraries (${['zod', 'natural', 'apparatus'].includes(name) ? 'zod, natural' : 'Slack SDK dependencies'})`;
    }
    return 'Node.js runtime (HTTP server, fetch client, streams, crypto)';
  };
  const totals = new Map();
  let busy = 0;
  let all = 0;
  for (const node of prof.nodes) {
    const t = time.get(node.id) ?? 0;
    all += t;
    const c = component(node.callFrame);
    if (!c) continue;
    busy += t;
    totals.set(c, (totals.get(c) ?? 0) + t);
  }
  return {
    idleShare: 1 - busy / all,
    components: [...totals].sort((a, b) => b[1] - a[1]).map(([name, t]) => ({ name, share: t / busy })),
  };
}

if (DUMP) writeFileSync(DUMP, `${dump.join('\n')}\n`);
process.stdout.write(`${JSON.stringify({ rate: RATE, pinned: canPin(), serverCpu: SERVER_CPU, loadCpu: LOAD_CPU, ackLimitS: ACK_LIMIT_S, phases, profile })}\n`);
process.exit(0);
