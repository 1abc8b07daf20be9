import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { startBotProcess, stopProcess, waitForStatus, type BotProcess } from '../helpers/processes.js';
import { freePort, redisAvailable, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { mentionEvent } from '../helpers/slack-payloads.js';

const available = redisAvailable();
if (!available.ok) console.warn(available.why);

describe.skipIf(!available.ok)('two bot processes behind a load balancer, sharing one Redis (Slack HTTP mode)', () => {
  let fake: FakeSlack;
  let redis: TestRedis;
  const replicas: { proc: BotProcess; base: string }[] = [];

  beforeAll(async () => {
    fake = await FakeSlack.start();
    redis = await startTestRedis();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const proc = startBotProcess({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        REDIS_URL: redis.url,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      });
      const base = `http://127.0.0.1:${port}`;
      await waitForStatus(`${base}/readyz`, 200, 15_000, proc);
      replicas.push({ proc, base });
    }
  }, 40_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => stopProcess(r.proc)));
    await fake?.close();
    await redis?.stop?.();
  });

  it('a follow-up in a thread is answered by the other replica with the first one\'s context, and a duplicate delivery to the other replica is dropped', async () => {
    const a = replicas[0]!;
    const b = replicas[1]!;
    const first = mentionEvent('S3 vs EC2');
    expect((await fake.sendEvent(`${a.base}/slack/events`, fake.eventEnvelope(first))).status).toBe(200);
    await fake.waitFor(() => fake.posted().length === 1, 'the first answer');
    expect(fake.posted()[0]).toMatchObject({ thread_ts: first.ts });

    const followUp = fake.eventEnvelope(mentionEvent('what about pricing?', { thread_ts: first.ts as string }));
    expect((await fake.sendEvent(`${b.base}/slack/events`, followUp)).status).toBe(200);
    await fake.waitFor(() => fake.posted().length === 2, 'the follow-up answer');
    const answer = JSON.stringify(fake.posted()[1]);
    expect(answer).toContain('Amazon S3 vs Amazon EC2: Pricing');

    // The same delivery again, retried by Slack to the other replica.
    expect((await fake.sendEvent(`${a.base}/slack/events`, followUp, { retryNum: 1 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 800));
    expect(fake.posted()).toHaveLength(2);
  });

  it('both replicas report metrics and shut down cleanly on SIGTERM within 10 seconds', async () => {
    const metrics = await (await fetch(`${replicas[1]!.base}/metrics`)).text();
    expect(metrics).toMatch(/awsbot_questions_total\{platform="slack",intent="compare"\} 1/);
    for (const r of replicas.splice(0)) {
      const { code, ms } = await stopProcess(r.proc);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(10_000);
    }
  });
});
