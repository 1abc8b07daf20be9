/** Need-based answers: the best-fitting service first, with the reason, and what else fits. */
import type { Knowledge } from '../../knowledge/load.js';
import type { Understanding } from '../understanding/understanding.js';
import { encodeAction } from './actions.js';
import { docsOf, profileOf, shortName, uniqueLinks } from './facts.js';
import type { Answer, FollowUp, Section } from './types.js';

export function recommendServices(k: Knowledge, u: Understanding): Answer {
  const need = k.needs.find((n) => n.id === u.needs[0]?.id);
  const picks = need ? need.picks : u.services.map((service) => ({ service, why: k.byId.get(service)!.purpose }));
  const [first, ...others] = picks;
  if (!first) {
    return {
      kind: 'recommend',
      title: 'Which service fits?',
      summary: 'I could not match that need to a service I know. Try describing what you want to store, run or connect.',
      sections: [],
      notes: [],
      sources: [],
      followUps: [{ label: 'List services', action: encodeAction({ intent: 'list_services', services: [], aspect: null }) }],
    };
  }
  const sections: Section[] = [{ heading: `Best fit: ${shortName(k, first.service)}`, bullets: [first.why] }];
  if (others.length > 0) {
    sections.push({ heading: 'Also consider', bullets: others.map((o) => `${shortName(k, o.service)}: ${o.why}`) });
  }
  const alternatives = u.needs.slice(1).filter((n) => n.score >= 0.5);
  const followUps: FollowUp[] = [
    { label: `About ${shortName(k, first.service)}`, action: encodeAction({ intent: 'describe', services: [first.service], aspect: null }) },
    { label: `${shortName(k, first.service)} pricing`, action: encodeAction({ intent: 'describe', services: [first.service], aspect: 'pricing' }) },
  ];
  if (others[0]) {
    followUps.push({
      label: `Compare with ${shortName(k, others[0].service)}`,
      action: encodeAction({ intent: 'compare', services: [first.service, others[0].service], aspect: null }),
    });
  }
  const notes = alternatives.length > 0 ? [`If you meant something else: ${alternatives.map((a) => k.needs.find((n) => n.id === a.id)?.label).filter(Boolean).join('; ')}.`] : [];
  return {
    kind: 'recommend',
    title: need ? upperFirst(need.label) : 'Recommended services',
    summary: `${shortName(k, first.service)} is the best fit${others.length > 0 ? `; ${others.map((o) => shortName(k, o.service)).join(' and ')} may fit too` : ''}.`,
    sections,
    notes,
    sources: uniqueLinks(picks.flatMap((p) => {
      const profile = profileOf(k, p.service);
      return profile ? docsOf(profile).slice(0, 1) : [{ title: shortName(k, p.service), url: k.byId.get(p.service)!.url }];
    }), 4),
    followUps,
  };
}

/** A need's label as a title: "Run a job on a schedule…", "A managed MySQL or PostgreSQL database". */
export function upperFirst(label: string): string {
  return label ? label[0]!.toUpperCase() + label.slice(1) : label;
}
