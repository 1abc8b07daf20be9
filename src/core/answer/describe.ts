/** Answers about one service: an overview, or one aspect in detail. */
import type { Knowledge } from '../../knowledge/load.js';
import { ASPECTS, type Aspect } from '../../knowledge/schema.js';
import { aspectLabel, docsOf, factsOf, notCoveredNote, profileOf, relevance, shortName, uniqueLinks, type Focus } from './facts.js';
import { suggestFollowUps } from './follow-ups.js';
import type { Answer, Link, Section } from './types.js';

const OVERVIEW: readonly { aspect: Aspect; heading: string; n: number }[] = [
  { aspect: 'use_cases', heading: 'What it is for', n: 3 },
  { aspect: 'features', heading: 'Key features', n: 3 },
  { aspect: 'pricing', heading: 'Pricing', n: 3 },
];
const GOOD_TO_KNOW: readonly Aspect[] = ['management', 'scalability', 'durability', 'limits'];

export function describeService(k: Knowledge, id: string, aspect: Aspect | null, focus: Focus = new Set()): Answer {
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
    const { bullets, sources: cited } = factsOf(profile, aspect, 6, focus);
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
  const sections: Section[] = [];
  // A specific question ("is DynamoDB strongly consistent?") gets the facts that answer it first.
  const best = ASPECTS.flatMap((a) => profile.aspects[a].facts.map((f) => ({ f, r: relevance(f, focus) })))
    .filter((x) => x.r >= 2)
    .sort((a, b) => b.r - a.r)
    .slice(0, 2);
  if (best.length > 0) {
    sections.push({ heading: 'Most relevant', bullets: best.map((x) => x.f.text) });
    sources.push(...best.map((x) => profile.sources[x.f.source]!).filter(Boolean));
  }
  sections.push(...OVERVIEW.map(({ aspect: a, heading, n }) => {
    const { bullets, sources: cited } = factsOf(profile, a, n);
    sources.push(...cited);
    return { heading, bullets };
  }));
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
