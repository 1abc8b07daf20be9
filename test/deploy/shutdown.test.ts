/** Graceful shutdown that a slow or half-sent HTTP request (slowloris) cannot hold up. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { startRouteServer } from '../../src/observability/route-server.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { startBotProcess, stopProcess, waitForStatus } from '../helpers/processes.js';
import { freePort, redisAvailable, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { mentionEvent } from '../helpers/slack-payloads.js';

/** Opens a connection and sends the start of a request whose headers never end. */
function slowloris(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n');
      resolve({ socket, closed });
    });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.resume(); // read what the server sends (a 408), so that its closing is seen
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

describe.skipIf(!redisAvailable().ok)('shutdown with a stalled HTTP request open (Slack HTTP mode, Redis, misses file)', () => {
  let fake: FakeSlack;
  let redis: TestRedis;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await fake?.close();
    await redis?.stop?.();
  });

  it('given a half-sent request and an answer in flight, when SIGTERM arrives, then the answer is posted, misses flushed, Redis closed, and the exit is 0 within 10 s', async () => {
    const port = await freePort();
    const misses = join(mkdtempSync(join(tmpdir(), 'awsbot-misses-')), 'misses.jsonl');
    const proc = startBotProcess({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
      MISSES_FILE: misses,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForStatus(`${base}/readyz`, 200, 25_000, proc);
      await proc.waitForLog((l) => String(l.msg).startsWith('conversation context and de-duplication shared in Redis') || String(l.msg).startsWith('Redis connected'), 'Redis in use');
      const stalled = [await slowloris(port), await slowloris(port)];
      // A question the bot does not understand (a miss), its answer slowed by a rate limit: in flight at SIGTERM.
      fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
      await fake.sendEvent(`${base}/slack/events`, fake.eventEnvelope(mentionEvent('zxqv blorptangle wumpus')));
      await fake.waitFor(() => fake.callsOf('chat.postMessage').length >= 1, 'the first, rate-limited post', 15_000);
      const { code, ms } = await stopProcess(proc);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(10_000);
      expect(fake.posted().length).toBeGreaterThanOrEqual(1);
      expect(readFileSync(misses, 'utf8')).toContain('zxqv blorptangle wumpus');
      expect(proc.logs().some((l) => l.msg === 'Redis connection closed')).toBe(true);
      expect(proc.logs().find((l) => l.msg === 'stopped')).toMatchObject({ exitCode: 0 });
      // The stalled connections were closed by the server, not left to the client.
      await Promise.all(stalled.map((s) => s.closed));
    } finally {
      await stopProcess(proc, 'SIGKILL');
    }
  }, 60_000);
});

describe('the HTTP server on its own', () => {
  it('given a request whose headers never end, then the server closes it once the header time is up, and answers others meanwhile', async () => {
    const server = await startRouteServer([{ path: '/healthz', method: 'GET', handler: (_req, res) => res.end('ok') }], '127.0.0.1', 0, silentLogger(), { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    try {
      const { closed } = await slowloris(server.address.port);
      expect(await (await fetch(`http://127.0.0.1:${server.address.port}/healthz`)).text()).toBe('ok');
      await closed; // the server's own time limit (checked every second) closes it; without one, this would wait for ever
    } finally {
      await server.close();
    }
  });
});
