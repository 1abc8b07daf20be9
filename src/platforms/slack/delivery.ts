/**
 * Slack delivers an event again when it was not acknowledged in time (X-Slack-Retry-Num, or
 * retry_attempt in Socket Mode), and the same message can arrive as more than one event. Bolt does
 * not de-duplicate; this does, by event id and by message, through the shared DedupeStore.
 */
import type { DedupeStore } from '../../core/dedupe-store.js';

export interface Delivery {
  eventId?: string;
  channel: string;
  ts: string;
}

/** True only for the first delivery of this event and of this message. */
export async function isFirstDelivery(dedupe: DedupeStore, d: Delivery): Promise<boolean> {
  const newEvent = d.eventId ? await dedupe.firstSeen(`slack:event:${d.eventId}`) : true;
  const newMessage = await dedupe.firstSeen(`slack:message:${d.channel}:${d.ts}`);
  return newEvent && newMessage;
}
