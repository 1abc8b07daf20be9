/** Answers about one service: an overview, or one aspect in detail. */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect } from '../../knowledge/schema.js';
import { aspectLabel, docsOf, factsOf, notCoveredNote, profileOf, shortName, uniqueLinks } from './facts.js';
import { suggestFollowUps } from './follow-ups.js';
import type { Answer, Link, Section } from './types.js';

const OVERVIEW: readonly { aspect: Aspect; heading: string; n: number }[] = [
  { aspect: 'use_cases', heading: 'What it is for', n: 3 },
  { aspect: 'features', heading: 'Key features', n: 3 },
  { aspect: 'pricing', heading: 'Pricing', n: 3 },
];
const GOOD_TO_KNOW: readonly Aspect[] = ['management', 'scalability', 'durability', 'limits'];

export function describeService(k: Knowledge, id: string, aspect: Aspect | null): Answer {
  const entry = k.byId.get(id)!;
  const name = shortName(k, id);
  const profile = profileOf(k, id);
  const followUps = suggestFollowUps(k, [id], aspect);
  if (!profile) {
    return {
      kind: 'describe',
      title: aspect ? `${name}: ${aspectLabel(k, aspect)}` : name,
      summary: entry.purpose,
      sections: [],
      notes: [notCoveredNote(k, [id])!],
      sources: [{ title: `${name} on aws.amazon.com`, url: entry.url }],
      followUps,
    };
  }
  const sources: Link[] = [];
  if (aspect) {
    const { bullets, sources: cited } = factsOf(profile, aspect, 6);
    sources.push(...cited);
    return {
      kind: 'describe',
      title: `${name}: ${aspectLabel(k, aspect)}`,
      summary: profile.aspects[aspect].summary,
      sections: [{ heading: aspectLabel(k, aspect), bullets }],
      notes: [],
      sources: uniqueLinks([...sources, ...docsOf(profile)], 4),
      followUps,
    };
  }
  const sections: Section[] = OVERVIEW.map(({ aspect: a, heading, n }) => {
    const { bullets, sources: cited } = factsOf(profile, a, n);
    sources.push(...cited);
    return { heading, bullets };
  });
  sections.push({ heading: 'Good to know', bullets: GOOD_TO_KNOW.map((a) => `${aspectLabel(k, a)}: ${profile.aspects[a].summary}`) });
  return {
    kind: 'describe',
    title: `${name}`,
    summary: entry.purpose,
    sections,
    notes: [],
    sources: uniqueLinks([...docsOf(profile), ...sources], 5),
    followUps,
  };
}
