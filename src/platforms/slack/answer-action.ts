/**
 * The follow-up action that rebuilds an answer, so "Post to channel" can carry the answer itself in
 * its button value: stateless, valid after a restart and on any replica.
 */
import { encodeAction, MAX_ACTION_LENGTH } from '../../core/answer/actions.js';
import type { Understanding } from '../../core/understanding/understanding.js';

/** Undefined for answers no action can rebuild (clarifying questions, recommendations, small talk). */
export function answerAction(u: Understanding): string | undefined {
  if (u.clarify) return undefined;
  if (u.intent !== 'compare' && u.intent !== 'describe' && u.intent !== 'list_services' && u.intent !== 'help') return undefined;
  const action = encodeAction({ intent: u.intent, services: u.services, aspect: u.aspect });
  return action.length <= MAX_ACTION_LENGTH ? action : undefined;
}

/** Only comparisons and descriptions are answers to /aws-compare; anything else shows the usage. */
export function isComparisonAnswer(u: Understanding): boolean {
  return !u.clarify && (u.intent === 'compare' || u.intent === 'describe') && u.services.length > 0;
}
