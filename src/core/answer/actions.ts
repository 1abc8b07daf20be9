/**
 * Follow-up actions carried by buttons: a compact, self-contained encoding of a question
 * ("compare|ec2,s3|pricing"), so a click still works after a restart, on any replica.
 */
import { ASPECTS } from '../../knowledge/names.js';
import type { Aspect, Intent } from '../../knowledge/schema.js';

export interface Action {
  intent: Extract<Intent, 'compare' | 'describe' | 'list_services' | 'help'>;
  services: string[];
  aspect: Aspect | null;
}

const INTENTS = new Set(['compare', 'describe', 'list_services', 'help']);
/** Discord custom ids hold 100 characters; keep well under. */
export const MAX_ACTION_LENGTH = 90;

export function encodeAction(a: Action): string {
  return `${a.intent}|${a.services.join(',')}|${a.aspect ?? ''}`;
}

/** Parses an action string from a button; undefined for anything malformed or unknown. */
export function decodeAction(raw: unknown, knownService: (id: string) => boolean): Action | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_ACTION_LENGTH) return undefined;
  const [intent, services = '', aspect = ''] = raw.split('|');
  if (!intent || !INTENTS.has(intent)) return undefined;
  const ids = services ? services.split(',') : [];
  if (!ids.every(knownService)) return undefined;
  if (aspect && !(ASPECTS as readonly string[]).includes(aspect)) return undefined;
  if (intent === 'compare' && (ids.length < 2 || ids.length > 3)) return undefined;
  if (intent === 'describe' && ids.length !== 1) return undefined;
  return { intent: intent as Action['intent'], services: ids, aspect: (aspect || null) as Aspect | null };
}
