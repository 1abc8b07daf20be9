/**
 * A local stand-in for Slack's Web API, for the load benchmark only: answers auth.test and
 * chat.postMessage (every other method gets {"ok":true}) at once, and counts what was posted, per
 * channel and thread, so the benchmark can check that every event got its answer exactly once.
 *   GET  /_stats  → { calls: {method: n}, posts, apologies, lastPostAt, threads: {"channel thread_ts": n} }
 *   POST /_reset  → forgets everything counted
 * Listens on 127.0.0.1 only; prints {"port": n} when ready.
 */
import { createServer } from 'node:http';

const BOT_USER = process.env.BENCH_BOT_USER ?? 'U0BENCHBOT';
let calls = {};
let threads = new Map();
let posts = 0;
let apologies = 0;
let lastPostAt = 0;

function reset() {
  calls = {};
  threads = new Map();
  posts = 0;
  apologies = 0;
  lastPostAt = 0;
}

function parseBody(raw, type) {
  if (!raw) return {};
  if (type.includes('application/json')) return JSON.parse(raw);
  return Object.fromEntries(new URLSearchParams(raw));
}

const server = createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/_stats') {
      const cpu = process.cpuUsage();
      return send(200, { calls, posts, apologies, lastPostAt, cpuUs: cpu.user + cpu.system, threads: Object.fromEntries(threads) });
    }
    if (url.pathname === '/_reset') {
      reset();
      return send(200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    calls[method] = (calls[method] ?? 0) + 1;
    let body;
    try {
      body = parseBody(raw, String(req.headers['content-type'] ?? ''));
    } catch {
      return send(200, { ok: false, error: 'invalid_json' });
    }
    switch (method) {
      case 'auth.test':
        return send(200, { ok: true, url: 'https://bench.slack.invalid/', team: 'bench', user: 'awsbot', team_id: 'T0BENCH', user_id: BOT_USER, bot_id: 'B0BENCHBOT' });
      case 'chat.postMessage': {
        posts++;
        lastPostAt = Date.now();
        if (String(body.text ?? '').startsWith('Sorry, I couldn')) apologies++;
        const key = `${body.channel} ${body.thread_ts ?? '-'}`;
        threads.set(key, (threads.get(key) ?? 0) + 1);
        return send(200, { ok: true, channel: body.channel, ts: `${Math.floor(Date.now() / 1000)}.${String(posts).padStart(6, '0')}` });
      }
      default:
        return send(200, { ok: true });
    }
  });
});

server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
// The benchmark holds our stdin open; when it goes away, so do we.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
