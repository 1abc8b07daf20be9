import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { connectRedisStores, type RedisStores } from '../../src/state/redis-stores.js';
import { redisAvailable, redisBinaryAvailable, startTestRedis, type TestRedis } from '../helpers/redis.js';

const available = redisAvailable();
if (!available.ok) console.warn(available.why);
const turn = { intent: 'compare' as const, services: ['s3', 'ec2'], aspect: null };

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

describe.skipIf(!available.ok)('conversation context and de-duplication in Redis (two replicas)', () => {
  let redis: TestRedis;
  let a: RedisStores;
  let b: RedisStores;
  const prefix = `test:${randomUUID()}:`;
  beforeAll(async () => {
    redis = await startTestRedis();
    a = await connectRedisStores({ url: redis.url, logger: capturingLogger().logger, ttlMs: 60_000, prefix });
    b = await connectRedisStores({ url: redis.url, logger: capturingLogger().logger, ttlMs: 60_000, prefix });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop?.();
  });

  it('a turn remembered by one replica is read by the other', async () => {
    await a.conversations.set('slack:T1:C1:1700000000.000100', turn);
    expect(await b.conversations.get('slack:T1:C1:1700000000.000100')).toEqual(turn);
    expect(await b.conversations.get('slack:T1:C1:other')).toBeUndefined();
  });

  it('an event seen by one replica is a duplicate for the other', async () => {
    expect(await a.dedupe.firstSeen('Ev123')).toBe(true);
    expect(await b.dedupe.firstSeen('Ev123')).toBe(false);
    expect(await a.dedupe.firstSeen('Ev123')).toBe(false);
  });

  it('context expires after the idle time', async () => {
    const short = await connectRedisStores({ url: redis.url, logger: capturingLogger().logger, ttlMs: 100, prefix });
    await short.conversations.set('k', turn);
    expect(await short.conversations.get('k')).toEqual(turn);
    await new Promise((r) => setTimeout(r, 250));
    expect(await short.conversations.get('k')).toBeUndefined();
    await short.close();
  });
});

describe.skipIf(!redisBinaryAvailable())('when Redis goes away', () => {
  it('keeps answering: context is lost, duplicates still dropped locally, nothing throws, logged once', async () => {
    const own = await startTestRedis({ own: true });
    const { logger, lines } = capturingLogger();
    const s = await connectRedisStores({ url: own.url, logger, ttlMs: 60_000 });
    await s.conversations.set('k', turn);
    await own.stop!();
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 5; i++) {
      expect(await s.conversations.get('k')).toBeUndefined();
      await expect(s.conversations.set('k', turn)).resolves.toBeUndefined();
    }
    expect(await s.dedupe.firstSeen('E1')).toBe(true);
    expect(await s.dedupe.firstSeen('E1')).toBe(false);
    expect(s.healthy()).toBe(false);
    const outages = lines.filter((l) => String(l.msg).startsWith('Redis unavailable'));
    expect(outages).toHaveLength(1);
    await s.close();
  });
});
