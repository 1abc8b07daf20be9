/**
 * Where conversations remember their last turn, so follow-ups ("what about pricing?") resolve.
 * One small interface: in memory by default; a shared store (Redis) can implement it for replicas.
 */
import type { Turn } from '../core/understanding/understanding.js';

export interface ConversationStore {
  get(key: string): Promise<Turn | undefined>;
  set(key: string, turn: Turn): Promise<void>;
  /** How many conversations are remembered right now (for metrics and tests). */
  size(): Promise<number>;
  close?(): Promise<void>;
}

export interface MemoryStoreOptions {
  /** Idle time after which a conversation is forgotten. Default 30 minutes. */
  ttlMs?: number;
  /** The most conversations remembered; the least recently used go first. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

/** A bounded LRU map with idle expiry: memory stays flat whatever the number of users. */
export class MemoryConversationStore implements ConversationStore {
  private readonly entries = new Map<string, { turn: Turn; at: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  getSync(key: string): Turn | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (this.now() - e.at > this.ttlMs) return undefined;
    this.entries.set(key, e); // most recently used last
    return e.turn;
  }

  setSync(key: string, turn: Turn): void {
    this.entries.delete(key);
    this.entries.set(key, { turn, at: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  async get(key: string): Promise<Turn | undefined> {
    return this.getSync(key);
  }

  async set(key: string, turn: Turn): Promise<void> {
    this.setSync(key, turn);
  }

  async size(): Promise<number> {
    return this.entries.size;
  }
}
