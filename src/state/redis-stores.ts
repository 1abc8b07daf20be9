/**
 * Conversation context and event de-duplication in Redis, so that several replicas answer
 * follow-ups and drop duplicate deliveries whichever replica gets them. The stores are usable at
 * once: the client connects in the background (and keeps trying, however long Redis takes), and
 * every command goes to Redis as soon as it is connected. While Redis is not there, at start-up or
 * later, the bot keeps answering: context reads come back empty, message claims fall back to this
 * process's memory. Each change is logged once, and only what is true: "connected" the first
 * time, "unavailable" when it goes away, "back" when the same client reconnects.
 */
import { createClient } from '@redis/client';
import type { ConversationStore } from './conversation-store.js';
import type { Turn } from '../core/understanding/understanding.js';
import type { Logger } from '../log.js';
import { DEFAULT_DONE_TTL_MS, DEFAULT_LEASE_MS, MemoryClaimStore, type ClaimStore, type ClaimTimes } from './claims.js';

export interface RedisStoresOptions {
  url: string;
  logger: Logger;
  /** Idle time after which a conversation is forgotten. */
  ttlMs: number;
  /** Key prefix, so several bots can share one Redis. */
  prefix?: string;
  /** How long one command may take before it counts as a failure. */
  commandTimeoutMs?: number;
  /** Lease and memory of message claims. */
  claims?: ClaimTimes;
}

export interface RedisStores {
  conversations: ConversationStore;
  /** One decision per message, shared by every replica. */
  claims: ClaimStore;
  /** True while Redis answers. */
  healthy(): boolean;
  close(): Promise<void>;
}

/** Opens the stores and resolves once Redis has answered (tests, tools). */
export async function connectRedisStores(o: RedisStoresOptions): Promise<RedisStores> {
  const stores = openRedisStores(o);
  await stores.connected;
  return stores;
}

/** The stores, at once; the client connects in the background and they use Redis from then on. */
export function openRedisStores(o: RedisStoresOptions): RedisStores & { connected: Promise<void> } {
  const prefix = o.prefix ?? 'awsbot:';
  const log = o.logger.child({ component: 'redis' });
  const client = createClient({
    url: o.url,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
    disableOfflineQueue: true,
  });
  let state: 'connecting' | 'up' | 'down' = 'connecting';
  let toldNotYet = false;
  const markDown = (err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    if (state === 'connecting') {
      if (!toldNotYet) log.warn({ err: reason }, 'Redis not reachable yet: context and de-duplication stay in this process until it is; still connecting');
      toldNotYet = true;
      return;
    }
    if (state === 'up') log.error({ err: reason }, 'Redis unavailable: answering without shared context until it is back');
    state = 'down';
  };
  const markUp = () => {
    if (state === 'connecting') log.info('Redis connected: conversation context and de-duplication shared with other replicas');
    if (state === 'down') log.info('Redis is back: shared context restored');
    state = 'up';
  };
  client.on('error', markDown);
  client.on('ready', markUp);
  log.info('connecting to Redis in the background');
  // Retries (reconnectStrategy) until Redis answers; rejects only if the client is closed first.
  const connected = client.connect().then(
    () => undefined,
    (err: unknown) => {
      if (state === 'connecting') log.warn({ err: err instanceof Error ? err.message : String(err) }, 'stopped connecting to Redis');
    },
  );

  const timeoutMs = o.commandTimeoutMs ?? 500;
  const guarded = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    if (!client.isReady) {
      markDown(new Error('not connected'));
      return fallback;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis command took over ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      markUp();
      return result;
    } catch (err) {
      markDown(err);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  };

  const leaseMs = o.claims?.leaseMs ?? DEFAULT_LEASE_MS;
  const doneTtlMs = o.claims?.doneTtlMs ?? DEFAULT_DONE_TTL_MS;
  const local = new MemoryClaimStore({ leaseMs, doneTtlMs });
  const conversations: ConversationStore = {
    async get(key) {
      const raw = await guarded(() => client.get(`${prefix}conv:${key}`), null);
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as Turn;
      } catch {
        return undefined;
      }
    },
    async set(key, turn) {
      await guarded(() => client.set(`${prefix}conv:${key}`, JSON.stringify(turn), { expiration: { type: 'PX', value: o.ttlMs } }), null);
    },
    /** For metrics and tests: counted with SCAN in batches (KEYS would block Redis while it walks every key). */
    async size() {
      if (!client.isReady) return 0;
      try {
        let n = 0;
        for await (const keys of client.scanIterator({ MATCH: `${prefix}conv:*`, COUNT: 1000 })) n += keys.length;
        return n;
      } catch {
        return 0;
      }
    },
  };
  // One key per message, set only if absent (SET NX): exactly one delivery, on one replica, wins it.
  const claims: ClaimStore = {
    async claim(key) {
      const redisKey = `${prefix}claim:${key}`;
      const result = await guarded(() => client.set(redisKey, 'answering', { expiration: { type: 'PX', value: leaseMs }, condition: 'NX' }), undefined);
      // Redis down: this replica's own memory still drops its own repeats.
      if (result === undefined) return local.claim(key);
      if (result !== 'OK') return undefined;
      return {
        done: async () => {
          await guarded(() => client.set(redisKey, 'done', { expiration: { type: 'PX', value: doneTtlMs } }), null);
        },
      };
    },
  };
  return {
    conversations,
    claims,
    connected,
    healthy: () => client.isReady,
    async close() {
      try {
        if (client.isReady) await client.close();
        else client.destroy(); // still connecting, or reconnecting: stop trying
      } catch {
        client.destroy();
      }
      log.info('Redis connection closed');
    },
  };
}
