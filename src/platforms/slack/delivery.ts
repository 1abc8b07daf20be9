/**
 * Slack delivers an event again when it was not acknowledged in time (X-Slack-Retry-Num, or
 * retry_attempt in Socket Mode), and the same message can arrive as more than one event, at more
 * than one replica at once. Bolt does not de-duplicate; this does, with one atomic claim per message
 * (its channel and ts: the event id changes between two events about one message, the message does not).
 */
import type { Claim, ClaimStore } from '../../state/claims.js';

export interface Delivery {
  channel: string;
  ts: string;
}

export function deliveryKey(d: Delivery): string {
  return `slack:message:${d.channel}:${d.ts}`;
}

/** A claim for the first delivery of this message; undefined for every repeat (here or on another replica). */
export function claimDelivery(claims: ClaimStore, d: Delivery): Promise<Claim | undefined> {
  return claims.claim(deliveryKey(d));
}
