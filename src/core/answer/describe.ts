/**
 * Answers about one service. An overview says what it is, what it is for and the handful of facts
 * people need first, everything else one button away. An aspect answer gives the facts that answer
 * that aspect, most important first, in about 25 chat lines, nothing said twice.
 */
import type { Knowledge } from '../../knowledge/load.js';
import { ASPECTS } from '../../knowledge/names.js';
import type { Aspect, Fact } from '../../knowledge/schema.js';
import { briefOf, fullText, rankedFacts } from './brief.js';
import { aspectLabel, docsOf, nameWords, notCoveredNote, profileOf, relevance, shortName, uniqueLinks, type Focus } from './facts.js';
import { familyNotes } from './family.js';
import { listPriceSection, pricingPage } from './price.js';
import { suggestFollowUps } from './follow-ups.js';
import { Said } from './repeats.js';
import type { Answer, Link, Section } from './types.js';

/** Facts in an aspect answer: with the summary, about 25 chat lines. */
const ASPECT_FACTS = 5;
/** Facts a newcomer needs first, in an overview. */
const FIRST_FACTS = 4;
/** Where an overview looks for first facts when the profile marks none (no brief written). */
const FIRST_FROM: readonly Aspect[] = ['features', 'pricing', 'scalability', 'limits', 'management'];

export function describeService(k: Knowledge, id: string, aspect: Aspect | null, focus: Focus = new Set(), text = ''): Answer {
  const entry = k.byId.get(id)!;
  const name = shortName(k, id);
  const profile = profileOf(k, id);
  const followUps = suggestFollowUps(k, [id], aspect);
  const notes = familyNotes(k, [id], text);
  if (!profile) {
    return {
      kind: 'describe',
      title: aspect ? `${name}: ${aspectLabel(k, aspect)}` : name,
      summary: entry.purpose,
      sections: [],
      notes: [...notes, notCoveredNote(k, [id])!],
      sources: [{ title: `${name} on aws.amazon.com`, url: entry.url }],
      followUps,
    };
  }
  const said = new Said(nameWords(k));
  const sources: Link[] = [];
  const cite = (f: Fact) => {
    const s = profile.sources[f.source];
    if (s) sources.push(s);
  };
  if (aspect) {
    // The aspect's one-line summary answers first when the facts still add at least two points
    // to it; when it would only restate them, the facts themselves lead, most relevant first.
    const ranked = rankedFacts(profile, aspect, focus);
    // "Athena pricing?": the rates beside the billing model, so fewer facts keep it on one screen.
    const prices = aspect === 'pricing' ? listPriceSection(k, id) : undefined;
    const most = prices ? ASPECT_FACTS - 2 : ASPECT_FACTS;
    const pick = (lead?: string): { summary?: string; bullets: string[]; cited: Fact[] } => {
      const said = new Said(nameWords(k));
      if (lead) said.add(lead);
      const bullets: string[] = [];
      const cited: Fact[] = [];
      for (const f of ranked) {
        if (bullets.length >= most + (lead ? 0 : 1)) break;
        const t = fullText(f, focus);
        if (!said.take(t)) continue;
        bullets.push(t);
        cited.push(f);
      }
      return lead ? { summary: lead, bullets, cited } : { summary: bullets.shift(), bullets, cited };
    };
    const withSummary = pick(profile.aspects[aspect].summary);
    const chosen = withSummary.bullets.length >= 2 ? withSummary : pick();
    chosen.cited.forEach(cite);
    const summary = chosen.summary ?? profile.aspects[aspect].summary;
    const bullets = chosen.bullets;
    return {
      kind: 'describe',
      title: `${name}: ${aspectLabel(k, aspect)}`,
      summary,
      sections: [...(prices ? [prices] : []), ...(bullets.length > 0 ? [{ heading: aspectLabel(k, aspect), bullets }] : [])],
      notes,
      sources: uniqueLinks([...(prices ? [pricingPage(k, id)!] : []), ...sources, ...docsOf(profile)], 4),
      followUps,
    };
  }

  const sections: Section[] = [];
  said.add(entry.purpose);
  // A specific question ("is DynamoDB strongly consistent?") gets the facts that answer it first.
  const best = ASPECTS.flatMap((a) => profile.aspects[a].facts.map((f) => ({ f, r: relevance(f, focus) })))
    .filter((x) => x.r >= 2)
    .sort((a, b) => b.r - a.r)
    .slice(0, 2)
    .filter((x) => said.take(x.f.text));
  if (best.length > 0) {
    sections.push({ heading: 'Most relevant', bullets: best.map((x) => x.f.text) });
    best.forEach((x) => cite(x.f));
  }
  // What it is for: the use-case summary, or where it only restates the purpose, the first use cases.
  const forWhat = profile.aspects.use_cases.summary;
  if (said.take(forWhat)) sections.push({ heading: 'What it is for', text: forWhat });
  else {
    const uses: Fact[] = [];
    for (const f of rankedFacts(profile, 'use_cases')) if (uses.length < 2 && said.take(briefOf(f))) uses.push(f);
    uses.forEach(cite);
    sections.push({ heading: 'What it is for', bullets: uses.map(briefOf) });
  }
  sections.push({ heading: 'Need to know', bullets: firstFacts(profile, said, cite) });
  return {
    kind: 'describe',
    title: name,
    summary: entry.purpose,
    sections: sections.filter((s) => s.text || (s.bullets?.length ?? 0) > 0),
    notes,
    sources: uniqueLinks([...docsOf(profile), ...sources], 5),
    followUps,
  };
}

/** The facts marked as first for a newcomer (those with a brief), then the first facts of the main aspects; short lines. */
function firstFacts(profile: NonNullable<ReturnType<typeof profileOf>>, said: Said, cite: (f: Fact) => void): string[] {
  const marked = ASPECTS.flatMap((a) => profile.aspects[a].facts.filter((f) => f.brief));
  const fill = FIRST_FROM.flatMap((a) => rankedFacts(profile, a).slice(0, 1));
  const out: string[] = [];
  for (const f of [...marked, ...fill]) {
    if (out.length >= FIRST_FACTS) break;
    const line = briefOf(f);
    if (!said.take(line)) continue;
    out.push(line);
    cite(f);
  }
  return out;
}
