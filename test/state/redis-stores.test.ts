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

  it('a message claimed by one replica is a repeat for the other, while it is answered and after', async () => {
    const claim = await a.claims.claim('slack:message:C1:1.2');
    expect(claim).toBeDefined();
    expect(await b.claims.claim('slack:message:C1:1.2')).toBeUndefined();
    await claim!.done();
    expect(await b.claims.claim('slack:message:C1:1.2')).toBeUndefined();
    expect(await a.claims.claim('slack:message:C1:1.2')).toBeUndefined();
  });

  it('given many replicas claiming the same messages at the same moment, then each message has exactly one winner', async () => {
    const stores = [a, b, a, b, a, b];
    for (let round = 0; round < 50; round++) {
      const key = `slack:message:C2:${round}`;
      const won = await Promise.all(stores.map((s) => s.claims.claim(key)));
      expect(won.filter(Boolean)).toHaveLength(1);
    }
  });

  it('given a replica that died mid-answer (claimed, never done), then the message is free again once the lease ends, and only then', async () => {
    const leased = await connectRedisStores({ url: redis.url, logger: capturingLogger().logger, ttlMs: 60_000, prefix, claims: { leaseMs: 300 } });
    try {
      expect(await leased.claims.claim('discord:message:42')).toBeDefined(); // and the process "crashes": no done()
      expect(await b.claims.claim('discord:message:42')).toBeUndefined();
      await new Promise((r) => setTimeout(r, 450)); // the lease itself is what is under test
      const retry = await b.claims.claim('discord:message:42');
      expect(retry).toBeDefined();
      await retry!.done();
      expect(await leased.claims.claim('discord:message:42')).toBeUndefined();
    } finally {
      await leased.close();
    }
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
    expect(await s.claims.claim('E1')).toBeDefined();
    expect(await s.claims.claim('E1')).toBeUndefined();
    expect(s.healthy()).toBe(false);
    const outages = lines.filter((l) => String(l.msg).startsWith('Redis unavailable'));
    expect(outages).toHaveLength(1);
    await s.close();
  });
});

describe.skipIf(!redisBinaryAvailable())('on a Redis where KEYS is disabled (as hardened set-ups do)', () => {
  it('counts conversations with SCAN, never KEYS (which blocks Redis while it walks every key)', async () => {
    const own = await startTestRedis({ own: true, args: ['--rename-command', 'KEYS', ''] });
    const s = await connectRedisStores({ url: own.url, logger: capturingLogger().logger, ttlMs: 60_000, prefix: 'scan:' });
    try {
      for (let i = 0; i < 25; i++) await s.conversations.set(`k${i}`, turn);
      expect(await s.conversations.size()).toBe(25);
      expect(s.healthy()).toBe(true);
    } finally {
      await s.close();
      await own.stop!();
    }
  });
});
