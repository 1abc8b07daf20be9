/**
 * Comparisons of two or three services, generated from their profiles; a curated pair note, where
 * one exists, leads with the key differences and when to pick which.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect } from '../../knowledge/schema.js';
import { aspectLabel, docsOf, factsOf, notCoveredNote, pairNote, profileOf, shortName, uniqueLinks, type Focus } from './facts.js';
import { suggestFollowUps } from './follow-ups.js';
import type { Answer, Column, Link, Section } from './types.js';

const SIDE_BY_SIDE: readonly { aspect: Aspect; heading: string; n: number }[] = [
  { aspect: 'use_cases', heading: 'Use cases', n: 3 },
  { aspect: 'features', heading: 'Features', n: 3 },
  { aspect: 'pricing', heading: 'Pricing', n: 3 },
];
/** Aspects that generated "key differences" draw on when no curated note exists. */
const DIFFERENCE_ASPECTS: readonly Aspect[] = ['management', 'scalability', 'pricing', 'durability', 'performance'];

export function compareServices(k: Knowledge, ids: readonly string[], aspect: Aspect | null, focus: Focus = new Set()): Answer {
  const names = ids.map((id) => shortName(k, id));
  const title = names.join(' vs ');
  const note = pairNote(k, ids);
  const notes: string[] = [];
  const missing = notCoveredNote(k, ids);
  if (missing) notes.push(missing);
  const sources: Link[] = [];
  const followUps = suggestFollowUps(k, ids, aspect);
  const profiles = ids.map((id) => profileOf(k, id));

  if (aspect) {
    const columns: Column[] = ids.map((_, i) => {
      const p = profiles[i];
      if (!p) return { heading: names[i]!, bullets: ['Not covered yet.'] };
      const { bullets, sources: cited } = factsOf(p, aspect, 4, focus);
      sources.push(...cited);
      return { heading: names[i]!, bullets: [p.aspects[aspect].summary, ...bullets.slice(0, 3)] };
    });
    const sections: Section[] = [{ heading: aspectLabel(k, aspect), columns }];
    if (note && (aspect === 'use_cases' || aspect === 'pricing')) {
      sections.push({ heading: 'When to choose which', bullets: note.choose.map((c) => c.when) });
    }
    return {
      kind: 'compare',
      title: `${title}: ${aspectLabel(k, aspect)}`,
      summary: note?.summary,
      sections,
      notes,
      sources: uniqueLinks([...sources, ...(note?.sources ?? [])], 5),
      followUps,
    };
  }

  const sections: Section[] = [
    {
      heading: 'Purpose',
      columns: ids.map((id, i) => ({ heading: names[i]!, bullets: [k.byId.get(id)!.purpose] })),
    },
  ];
  for (const { aspect: a, heading, n } of SIDE_BY_SIDE) {
    if (profiles.every((p) => !p)) break;
    sections.push({
      heading,
      columns: ids.map((_, i) => {
        const p = profiles[i];
        if (!p) return { heading: names[i]!, bullets: ['Not covered yet.'] };
        const { bullets, sources: cited } = factsOf(p, a, n);
        sources.push(...cited);
        return { heading: names[i]!, bullets };
      }),
    });
  }
  sections.push({ heading: 'Key differences', bullets: note ? note.differences : generatedDifferences(k, ids) });
  const choose = note ? note.choose.map((c) => c.when) : generatedChoice(k, ids);
  if (choose.length > 0) sections.push({ heading: 'When to choose which', bullets: choose });
  if (note && note.together.length > 0) sections.push({ heading: 'Using them together', bullets: note.together });

  const summary =
    note?.summary ?? ids.map((id, i) => `${names[i]}: ${lowerFirst(k.byId.get(id)!.purpose)}`).join(' ');
  return {
    kind: 'compare',
    title,
    summary,
    sections,
    notes,
    sources: uniqueLinks([...(note?.sources ?? []), ...profiles.flatMap((p) => (p ? docsOf(p).slice(0, 2) : [])), ...sources], 6),
    followUps,
  };
}

function lowerFirst(s: string): string {
  return s.length > 1 && /[A-Z][a-z]/.test(s.slice(0, 2)) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function generatedDifferences(k: Knowledge, ids: readonly string[]): string[] {
  const out: string[] = [];
  const categories = ids.map((id) => k.byId.get(id)!.category);
  if (new Set(categories).size > 1) {
    out.push(`Different kinds of service: ${ids.map((id, i) => `${shortName(k, id)} is ${categories[i]}`).join(', ')}.`);
  }
  for (const a of DIFFERENCE_ASPECTS) {
    const parts = ids.map((id) => {
      const p = profileOf(k, id);
      return p ? `${shortName(k, id)}: ${p.aspects[a].summary}` : undefined;
    });
    if (parts.every(Boolean)) out.push(`${aspectLabel(k, a)} — ${parts.join(' | ')}`);
  }
  if (out.length === 0) out.push(...ids.map((id) => `${shortName(k, id)}: ${k.byId.get(id)!.purpose}`));
  return out;
}

function generatedChoice(k: Knowledge, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const p = profileOf(k, id);
    return p ? [`Pick ${shortName(k, id)} when: ${lowerFirst(p.aspects.use_cases.summary)}`] : [];
  });
}
