/**
 * awsbot's Slack adapter in HTTP mode (src/platforms/slack, startSlack), for the load benchmark:
 * the real bot, the real adapter, the real request signing; its Web API URL points at the local
 * fake (bench/slack/fake-web-api.mjs). Logs at info level, as in production, into /dev/null.
 * Extra routes for the benchmark: GET /bench/usage (this process's CPU time, memory and event-loop
 * delay), POST /bench/loop-delay/reset, and
 * POST /bench/profile/start, /bench/profile/stop (a V8 CPU profile of the window in between).
 * Prints {"port": n} when listening on 127.0.0.1; stops on SIGTERM.
 *
 * Env: BENCH_API_URL (the fake Web API), BENCH_SIGNING_SECRET.
 */
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import { dist } from '../lib/common.mjs';

const { loadConfig } = await dist('config.js');
const { loadKnowledge } = await dist('knowledge/load.js');
const { createBot } = await dist('core/bot.js');
const { createLogger } = await dist('log.js');
const { startSlack } = await dist('platforms/slack/app.js');

const config = loadConfig({
  SLACK_BOT_TOKEN: 'xoxb-bench-0000',
  SLACK_SIGNING_SECRET: process.env.BENCH_SIGNING_SECRET,
  SLACK_API_URL: process.env.BENCH_API_URL,
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'info',
});
const logger = createLogger(config.logLevel, pino.destination({ dest: '/dev/null', sync: false }));
const bot = createBot(loadKnowledge());

// Event-loop delay since the last reset (POST /bench/loop-delay/reset): how long a ready socket may wait.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const loopResetRoute = {
  path: '/bench/loop-delay/reset',
  method: ['POST'],
  handler: (_req, res) => {
    loopDelay.reset();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  },
};

const usageRoute = {
  path: '/bench/usage',
  method: ['GET'],
  handler: (_req, res) => {
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    const elu = performance.eventLoopUtilization();
    const delay = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    res.end(JSON.stringify({ at: performance.now(), cpuUs: cpu.user + cpu.system, rss: mem.rss, heapUsed: mem.heapUsed, elu, loopDelay: delay }));
  },
};

// POST /bench/profile/start and /bench/profile/stop: a V8 CPU profile of a load window only.
const inspector = new Session();
inspector.connect();
const post = (method) => new Promise((resolve, reject) => inspector.post(method, (err, result) => (err ? reject(err) : resolve(result))));
const profileRoute = (action) => ({
  path: `/bench/profile/${action}`,
  method: ['POST'],
  handler: async (_req, res) => {
    try {
      let body = { ok: true };
      if (action === 'start') {
        await post('Profiler.enable');
        await post('Profiler.start');
      } else body = (await post('Profiler.stop')).profile;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  },
});

const slack = await startSlack({ config, bot, logger, customRoutes: [usageRoute, loopResetRoute, profileRoute('start'), profileRoute('stop')] });
if (slack.mode !== 'http' || !slack.address) throw new Error(`expected HTTP mode, got ${slack.mode}`);
process.stdout.write(`${JSON.stringify({ port: slack.address.port })}\n`);

process.on('SIGTERM', () => {
  slack.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
// The benchmark holds our stdin open; when it goes away, so do we.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
