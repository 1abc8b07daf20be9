/**
 * Comparisons of two or three services, answer first: a short summary, at most two short bullets
 * per service for each main aspect, the key differences, when to pick which and how they work
 * together. A curated pair note, where one exists, supplies the summary, differences and choices;
 * nothing is said twice (repeats.ts), and every aspect is one button away for depth.
 * A question with a constraint ("for a small team", "cheaper", "for a 20-minute job") leads with a
 * verdict instead (verdict.ts).
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect } from '../../knowledge/schema.js';
import { BRIEF_CHARS, briefOf, fullText, rankedFacts } from './brief.js';
import { categoryLabel } from './directory.js';
import { aspectLabel, docsOf, nameWords, notCoveredNote, pairNote, plainName, profileOf, shortName, uniqueLinks, type Focus } from './facts.js';
import { familyNotes } from './family.js';
import { suggestFollowUps } from './follow-ups.js';
import { Said } from './repeats.js';
import type { Answer, Column, Link, Section } from './types.js';
import { constraintOf, verdictAnswer } from './verdict.js';

/**
 * The rows of a general comparison. Key features also draws on the facts that profiles mark as
 * first for a newcomer (with a brief) in other aspects: S3's durability, its access control.
 */
const SIDE_BY_SIDE: readonly { aspect: Aspect; heading: string; marked: readonly Aspect[] }[] = [
  { aspect: 'use_cases', heading: 'Use cases', marked: [] },
  { aspect: 'features', heading: 'Key features', marked: ['durability', 'security', 'scalability', 'management', 'performance', 'limits'] },
  { aspect: 'pricing', heading: 'Pricing', marked: [] },
];
/** Aspects that generated "key differences" draw on when no curated note exists. */
const DIFFERENCE_ASPECTS: readonly Aspect[] = ['management', 'scalability', 'durability', 'performance', 'security', 'limits'];
/** Bullets per service in each side-by-side aspect: two for a pair, one for three services. */
const PER_SERVICE = (n: number) => (n <= 2 ? 2 : 1);
/** Bullets per service when the question is about one aspect. */
const PER_SERVICE_ASPECT = (n: number) => (n <= 2 ? 4 : 3);
const MAX_DIFFERENCES = 3;

export function compareServices(k: Knowledge, ids: readonly string[], aspect: Aspect | null, focus: Focus = new Set(), text = ''): Answer {
  const constraint = constraintOf(text);
  const answer = (constraint && verdictAnswer(k, ids, constraint, focus)) || (aspect ? compareAspect(k, ids, aspect, focus) : compareOverview(k, ids));
  answer.notes.unshift(...familyNotes(k, ids, text));
  return answer;
}

function compareAspect(k: Knowledge, ids: readonly string[], aspect: Aspect, focus: Focus): Answer {
  const names = ids.map((id) => shortName(k, id));
  const note = pairNote(k, ids);
  const said = new Said(nameWords(k));
  const sources: Link[] = [];
  const summary = note?.summary;
  if (summary) said.add(summary);
  const columns: Column[] = ids.map((id, i) => {
    const p = profileOf(k, id);
    if (!p) return { heading: names[i]!, bullets: ['Not covered yet.'] };
    const bullets: string[] = [];
    for (const f of rankedFacts(p, aspect, focus)) {
      if (bullets.length >= PER_SERVICE_ASPECT(ids.length)) break;
      const t = fullText(f, focus);
      if (!said.take(t, id)) continue;
      bullets.push(t);
      const s = p.sources[f.source];
      if (s) sources.push(s);
    }
    return { heading: names[i]!, bullets };
  });
  const sections: Section[] = [{ heading: aspectLabel(k, aspect), columns }];
  if (note && (aspect === 'use_cases' || aspect === 'pricing')) {
    const choose = said.keep(note.choose.map((c) => c.when));
    if (choose.length > 0) sections.push({ heading: 'When to choose which', bullets: choose });
  }
  const missing = notCoveredNote(k, ids);
  return {
    kind: 'compare',
    title: `${names.join(' vs ')}: ${aspectLabel(k, aspect)}`,
    summary,
    sections,
    notes: missing ? [missing] : [],
    sources: uniqueLinks([...sources, ...(note?.sources ?? [])], 5),
    followUps: suggestFollowUps(k, ids, aspect),
  };
}

function compareOverview(k: Knowledge, ids: readonly string[]): Answer {
  const names = ids.map((id) => shortName(k, id));
  const note = pairNote(k, ids);
  const profiles = ids.map((id) => profileOf(k, id));
  const said = new Said(nameWords(k));
  const sources: Link[] = [];

  // What is said first claims its words: the summary, then the curated choices, differences and
  // ways of working together; the side-by-side bullets then add only what is new.
  const summary = note?.summary ?? ids.map((id, i) => `${names[i]}: ${lowerFirstWord(k.byId.get(id)!.purpose)}`).join(' ');
  said.add(summary);
  const choose = said.keep(note ? note.choose.map((c) => c.when) : generatedChoice(k, ids));
  const differences = said.keep(note ? note.differences : generatedDifferences(k, ids), MAX_DIFFERENCES);
  const together = note ? said.keep(note.together, 2) : [];

  const aspectSections: Section[] = [];
  for (const { aspect: a, heading, marked } of SIDE_BY_SIDE) {
    if (profiles.every((p) => !p)) break;
    const columns = ids.map((id, i) => {
      const p = profiles[i];
      if (!p) return { heading: names[i]!, bullets: ['Not covered yet.'] };
      const bullets: string[] = [];
      // A profile with briefs has chosen its newcomer points: other facts only fill a column that would stay empty.
      const briefed = Object.values(p.aspects).some((e) => e.facts.some((f) => f.brief));
      const first = [...rankedFacts(p, a).filter((f) => f.brief), ...marked.flatMap((m) => p.aspects[m].facts.filter((f) => f.brief))];
      const rest = rankedFacts(p, a).filter((f) => !f.brief);
      const candidates = briefed ? first : [...first, ...rest];
      // Short lines first; a column that would stay empty takes its first new point whatever its length.
      for (const maxChars of [BRIEF_CHARS + 10, Infinity]) {
        for (const f of maxChars === Infinity ? [...first, ...rest] : candidates) {
          if (bullets.length >= (maxChars === Infinity ? 1 : PER_SERVICE(ids.length))) break;
          const line = briefOf(f);
          if (line.length > maxChars || bullets.includes(line) || !said.take(line, id)) continue;
          bullets.push(line);
          const s = p.sources[f.source];
          if (s) sources.push(s);
        }
        if (bullets.length > 0) break;
      }
      return { heading: names[i]!, bullets };
    });
    if (columns.some((c) => c.bullets.length > 0)) aspectSections.push({ heading, columns });
  }

  // Three services side by side: the kind of each, as short key/value pairs (fields in Slack).
  const glance: Section[] = ids.length > 2 ? [{ heading: 'Kind of service', columns: ids.map((id, i) => ({ heading: names[i]!, bullets: [categoryLabel(k.byId.get(id)!.category)] })) }] : [];
  const sections: Section[] = [...glance, ...aspectSections];
  if (differences.length > 0) sections.push({ heading: 'Key differences', bullets: differences });
  if (choose.length > 0) sections.push({ heading: 'When to choose which', bullets: choose });
  if (together.length > 0) sections.push({ heading: 'Using them together', bullets: together });
  const missing = notCoveredNote(k, ids);
  return {
    kind: 'compare',
    title: names.join(' vs '),
    summary,
    sections,
    notes: missing ? [missing] : [],
    sources: uniqueLinks([...(note?.sources ?? []).slice(0, 2), ...profiles.flatMap((p) => (p ? docsOf(p).slice(0, 1) : [])), ...sources], 4),
    followUps: suggestFollowUps(k, ids, null),
  };
}


function generatedDifferences(k: Knowledge, ids: readonly string[]): string[] {
  const out: string[] = [];
  const categories = ids.map((id) => k.byId.get(id)!.category);
  if (new Set(categories).size > 1) {
    out.push(`Different kinds of service: ${ids.map((id, i) => `${plainName(k, id)} is ${kindOf(categories[i]!)}`).join('; ')}.`);
  }
  for (const a of DIFFERENCE_ASPECTS) {
    if (out.length >= (ids.length > 2 ? 2 : MAX_DIFFERENCES)) break;
    const parts = ids.map((id) => {
      const p = profileOf(k, id);
      if (!p) return undefined;
      const first = rankedFacts(p, a)[0];
      const clause = [firstClause(p.aspects[a].summary), first ? briefOf(first).replace(/\.$/, '') : ''].find((c) => c && c.length <= BRIEF_CHARS);
      return clause ? `${plainName(k, id)}: ${lowerFirstWord(clause)}` : undefined;
    });
    if (parts.every(Boolean)) out.push(`${aspectLabel(k, a)}: ${parts.join('; ')}.`);
  }
  return out;
}

/** "an application integration service", "a storage service". */
function kindOf(category: string): string {
  const label = categoryLabel(category);
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label} service`;
}

/** A summary's first clause, up to its first semicolon, without the closing full stop. */
function firstClause(summary: string): string {
  return summary.split(/;\s/)[0]!.replace(/\.$/, '');
}

function generatedChoice(k: Knowledge, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const p = profileOf(k, id);
    return p ? [`${plainName(k, id)}: ${useCaseClause(p.aspects.use_cases.summary)}`] : [];
  });
}

/** A use-case summary as a when-to-pick line: its first clause, as written (names keep their casing). */
export function useCaseClause(summary: string): string {
  return `${summary.split(/;\s|:\s/)[0]!.replace(/\.$/, '')}.`;
}

/** Names that look like ordinary words. */
const PROPER = /^(Amazon|Kubernetes|Windows|Linux|Oracle|Docker|Redis|Valkey|Memcached|Apache|Kafka|Spark|Graviton|Java|Python|Ubuntu|Aurora|Lambda|Fargate|Glacier|Kinesis|Athena|Route|Lightsail|Cognito|Elastic|Microsoft|Postgres|Hadoop|Helm|Nitro|Intel|Arm)\b/;

/** Lowers the first letter of an ordinary word ("Durable" → "durable"), never of a name ("MySQL", "DynamoDB", "S3", "AWS"). */
export function lowerFirstWord(s: string): string {
  const word = /^[^\s,;:(]+/.exec(s)?.[0] ?? '';
  if (!/^[A-Z][a-z]*$/.test(word.replace(/[-'’].*$/, ''))) return s;
  if (/[A-Z]/.test(word.slice(1)) || PROPER.test(word)) return s;
  return s[0]!.toLowerCase() + s.slice(1);
}
