import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { startBotProcess, stopProcess, waitForStatus, type BotProcess, type LogLine } from '../helpers/processes.js';
import { freePort, redisAvailable, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { directMessageEvent, mentionEvent } from '../helpers/slack-payloads.js';

const available = redisAvailable();
if (!available.ok) console.warn(available.why);

/** What a replica decided about one delivery: it answered it, or it dropped it as a repeat. */
const decision = (l: LogLine) => l.msg === 'answering' || l.msg === 'repeated delivery ignored';

describe.skipIf(!available.ok)('two bot processes behind a load balancer, sharing one Redis (Slack HTTP mode)', () => {
  let fake: FakeSlack;
  let redis: TestRedis;
  const replicas: { proc: BotProcess; base: string }[] = [];
  const decisionsFor = (eventId: string) => replicas.flatMap((r) => r.proc.logs().filter((l) => decision(l) && l.event_id === eventId));

  beforeAll(async () => {
    fake = await FakeSlack.start();
    redis = await startTestRedis();
    const ports = [await freePort(), await freePort()];
    // Other test runs may share this Redis: both replicas use keys of this run's own.
    const prefix = `test-${randomUUID()}:`;
    const env = (port: number) => ({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    for (const port of ports) replicas.push({ proc: startBotProcess(env(port)), base: `http://127.0.0.1:${port}` });
    await Promise.all(replicas.map((r) => waitForStatus(`${r.base}/readyz`, 200, 30_000, r.proc)));
  }, 45_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => stopProcess(r.proc)));
    await fake?.close();
    await redis?.stop?.();
  });

  /** Resolves when the replicas together logged `count` decisions about this event. */
  const decided = (eventId: string, count: number) => fake.waitFor(() => decisionsFor(eventId).length >= count, `${count} decisions about ${eventId}`, 10_000);

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

    // The same delivery again, retried by Slack to the other replica: it decides, and the decision is "repeat".
    expect((await fake.sendEvent(`${a.base}/slack/events`, followUp, { retryNum: 1 })).status).toBe(200);
    await decided(String(followUp.event_id), 2);
    expect(decisionsFor(String(followUp.event_id)).map((l) => l.msg).sort()).toEqual(['answering', 'repeated delivery ignored']);
    expect(fake.posted()).toHaveLength(2);
  });

  it('given the same event and its retry delivered at the same moment to both replicas, many times, then every question is answered exactly once', async () => {
    const rounds = 40;
    const before = fake.posted().length;
    const questions: { eventId: string; channel: string; ts: string }[] = [];
    for (let i = 0; i < rounds; i++) {
      // Half mentions in a channel, half DMs (each in its own DM, so each answer is traceable to its question).
      const event = i % 2 === 0 ? mentionEvent(`what is S3? (${i})`) : directMessageEvent(`what is EC2? (${i})`, { channel: `D0RACE${i}` });
      const envelope = fake.eventEnvelope(event);
      const eventId = String(envelope.event_id);
      questions.push({ eventId, channel: String(event.channel), ts: String(event.ts) });
      const deliveries = replicas.flatMap((r) => [
        fake.sendEvent(`${r.base}/slack/events`, envelope),
        fake.sendEvent(`${r.base}/slack/events`, envelope, { retryNum: 1, retryReason: 'http_timeout' }),
      ]);
      for (const res of await Promise.all(deliveries)) expect(res.status).toBe(200);
    }
    // Every delivery was decided on (4 per question) before anything is counted.
    for (const q of questions) await decided(q.eventId, 4);
    // ...and every answer decided on was posted (an answer is logged as "answering" before it is posted).
    const answering = questions.flatMap((q) => decisionsFor(q.eventId).filter((l) => l.msg === 'answering')).length;
    await fake.waitFor(() => fake.posted().length - before >= answering, `${answering} answers posted`);
    const unanswered: string[] = [];
    const twice: string[] = [];
    for (const q of questions) {
      const answers = fake.posted().slice(before).filter((p) => p.channel === q.channel && (q.channel.startsWith('D') || p.thread_ts === q.ts));
      const decidedToAnswer = decisionsFor(q.eventId).filter((l) => l.msg === 'answering').length;
      if (decidedToAnswer === 0 || answers.length === 0) unanswered.push(q.eventId);
      if (decidedToAnswer > 1 || answers.length > 1) twice.push(q.eventId);
    }
    expect({ unanswered, twice }).toEqual({ unanswered: [], twice: [] });
    expect(fake.posted().length - before).toBe(rounds);
  }, 60_000);

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
