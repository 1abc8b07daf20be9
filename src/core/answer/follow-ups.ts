/** Suggested next questions, as buttons: other aspects of the same services, or a related comparison. */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect } from '../../knowledge/schema.js';
import { encodeAction } from './actions.js';
import { aspectLabel, plainName, relatedServices } from './facts.js';
import type { FollowUp } from './types.js';

/** Aspects most asked after a general answer, in order. */
const NEXT_ASPECTS: readonly Aspect[] = ['pricing', 'use_cases', 'limits', 'scalability', 'performance', 'security', 'durability', 'management', 'features'];

/**
 * Buttons after an answer. An overview (no aspect) offers every aspect in depth, since it shows each
 * only briefly; an aspect answer offers the next few aspects and the overview.
 */
export function suggestFollowUps(k: Knowledge, services: readonly string[], aspect: Aspect | null, max = 4): FollowUp[] {
  if (services.length === 0) return [];
  const intent = services.length > 1 ? 'compare' : 'describe';
  const out: FollowUp[] = [];
  const aspects = aspect ? (services.length === 1 ? max - 2 : max - 1) : NEXT_ASPECTS.length;
  for (const a of NEXT_ASPECTS) {
    if (a === aspect) continue;
    out.push({ label: aspectLabel(k, a), action: encodeAction({ intent, services: [...services], aspect: a }) });
    if (out.length >= aspects) break;
  }
  if (aspect) out.push({ label: 'Overview', action: encodeAction({ intent, services: [...services], aspect: null }) });
  const first = services[0]!;
  const peers = relatedServices(k, first, services).slice(0, services.length === 1 ? 2 : 1);
  for (const peer of peers) {
    const ids = services.length === 1 ? [first, peer] : [first, peer];
    out.push({ label: `Compare with ${plainName(k, peer)}`, action: encodeAction({ intent: 'compare', services: ids, aspect }) });
  }
  return aspect ? out.slice(0, max + 1) : out;
}
