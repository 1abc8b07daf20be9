/**
 * Remembers which events were already handled, so a retried or duplicated delivery is answered
 * once. In memory by default (bounded, with expiry); a shared store (Redis) implements the same
 * interface when several replicas run.
 */
export interface DedupeStore {
  /** True the first time `key` is seen within `ttlMs`; false for every repeat. */
  firstSeen(key: string, ttlMs?: number): Promise<boolean>;
}

export class MemoryDedupeStore implements DedupeStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly defaultTtlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSeen(key: string, ttlMs = this.defaultTtlMs): Promise<boolean> {
    const t = this.now();
    const until = this.seen.get(key);
    if (until !== undefined && until > t) return false;
    this.seen.delete(key);
    this.seen.set(key, t + ttlMs);
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }
}
