/** Redis that is not there at start-up: the bot starts without it, keeps connecting, and uses it once it arrives. */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { startBotProcess, stopProcess, waitForStatus } from '../helpers/processes.js';
import { freePort, redisBinaryAvailable, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { mentionEvent } from '../helpers/slack-payloads.js';

describe.skipIf(!redisBinaryAvailable())('Redis slow to come up', () => {
  let fake: FakeSlack;
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(async () => {
    await fake?.close();
    await redis?.stop?.();
  });

  it('given Redis unreachable at start-up, then the bot is ready without it, switches to it when it arrives (saying so, truthfully), and its claims are then shared', async () => {
    const redisPort = await freePort();
    const prefix = `test-${randomUUID()}:`;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const proc = startBotProcess({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_KEY_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    try {
      await waitForStatus(`${base}/readyz`, 200, 25_000, proc);
      // Redis arrives only now, well after the start-up.
      redis = await startTestRedis({ own: true, port: redisPort });
      await proc.waitForLog((l) => l.msg === 'Redis connected: conversation context and de-duplication shared with other replicas', 'the switch to Redis', 15_000);
      const event = mentionEvent('what is S3?');
      await fake.sendEvent(`${base}/slack/events`, fake.eventEnvelope(event));
      await fake.waitFor(() => fake.posted().length === 1, 'the answer', 10_000);
      // The claim of that message is in Redis: another replica would drop a retry of it.
      const client = createClient({ url: redis.url });
      await client.connect();
      try {
        const key = `${prefix}claim:slack:message:${String(event.channel)}:${String(event.ts)}`;
        expect(await client.exists(key)).toBe(1);
      } finally {
        await client.close();
      }
      // What the logs said is true: no fallback "for good", and no "back" from a client nobody uses.
      const said = proc.logs().map((l) => String(l.msg));
      expect(said.filter((m) => /Redis/.test(m))).not.toContain('Redis is back: shared context restored');
      expect(said.some((m) => /keeping context in this process only/.test(m))).toBe(false);
      expect((await stopProcess(proc)).code).toBe(0);
    } finally {
      await stopProcess(proc, 'SIGKILL');
    }
  }, 60_000);
});

describe('compose.yaml', () => {
  it('starts awsbot once Redis answers its health check', async () => {
    const { readFileSync } = await import('node:fs');
    const compose = readFileSync(new URL('../../compose.yaml', import.meta.url), 'utf8');
    const top = (name: string) => compose.search(new RegExp(`^  ${name}:$`, 'm'));
    const awsbot = compose.slice(top('awsbot'), top('redis'));
    const redisService = compose.slice(top('redis'));
    expect(awsbot).toMatch(/depends_on:\n\s+redis:\n\s+condition: service_healthy/);
    expect(redisService).toMatch(/healthcheck:\n\s+test: \["CMD", "redis-cli", "ping"\]/);
  });
});
