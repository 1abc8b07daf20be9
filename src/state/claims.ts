/**
 * One decision per delivered message, whichever replica receives it and however often: the first
 * delivery claims the message for a short lease and answers it; the claim becomes "done" once the
 * answer is posted. Every other delivery (a retry, a duplicate, the same message to another
 * replica) is a repeat while the claim is live or done. If the process dies mid-answer, the lease
 * expires and the platform's next retry is answered.
 */

/** A message this process is handling. */
export interface Claim {
  /** The message was answered (or given up on with an apology): repeats are dropped for `doneTtlMs`. */
  done(): Promise<void>;
}

export interface ClaimStore {
  /** A claim when this caller must handle `key`; undefined when it was handled, or is being handled, elsewhere. */
  claim(key: string): Promise<Claim | undefined>;
}

export interface ClaimTimes {
  /** How long a claim lasts without being marked done (a crash mid-answer frees the message after this). Default 30 s. */
  leaseMs?: number;
  /** How long a handled message is remembered as handled. Default 1 hour (Slack retries for about 6 minutes). */
  doneTtlMs?: number;
}

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_DONE_TTL_MS = 60 * 60_000;

/** Claims in this process's memory: one replica, or a replica while Redis is away. Bounded. */
export class MemoryClaimStore implements ClaimStore {
  private readonly until = new Map<string, number>();
  private readonly leaseMs: number;
  private readonly doneTtlMs: number;

  constructor(
    times: ClaimTimes = {},
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {
    this.leaseMs = times.leaseMs ?? DEFAULT_LEASE_MS;
    this.doneTtlMs = times.doneTtlMs ?? DEFAULT_DONE_TTL_MS;
  }

  async claim(key: string): Promise<Claim | undefined> {
    return this.claimSync(key);
  }

  claimSync(key: string): Claim | undefined {
    const t = this.now();
    const until = this.until.get(key);
    if (until !== undefined && until > t) return undefined;
    this.set(key, t + this.leaseMs);
    return {
      done: async () => {
        this.set(key, this.now() + this.doneTtlMs);
      },
    };
  }

  private set(key: string, until: number): void {
    this.until.delete(key);
    this.until.set(key, until);
    while (this.until.size > this.maxEntries) this.until.delete(this.until.keys().next().value as string);
  }
}
