/**
 * Decisions under a constraint: "ECS or EKS for a small team?", "which is cheaper?", "Lambda or
 * Fargate for a 20-minute job?". The answer leads with a verdict and its reason, drawn from the pair
 * note's when-to-pick and the facts the constraint touches, then says what would change it. Where
 * the knowledge does not support a verdict, it says which facts decide it instead of inventing one.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect, PairNote } from '../../knowledge/schema.js';
import { briefOf, rankedFacts } from './brief.js';
import { aspectLabel, docsOf, nameWords, pairNote, plainName, profileOf, shortName, uniqueLinks, type Focus } from './facts.js';
import { suggestFollowUps } from './follow-ups.js';
import { Said } from './repeats.js';
import type { Answer, Link, Section } from './types.js';

export interface Constraint {
  id: 'team' | 'cost' | 'duration' | 'ordering' | 'low-traffic' | 'serverless';
  /** As it reads after "for": "a small team", "the lowest cost". */
  label: string;
  /** Aspects whose facts the constraint touches, most telling first. */
  aspects: readonly Aspect[];
  /** Words in a when-to-pick line or a fact that speak to the constraint. */
  touches: RegExp;
  /** Run time asked for, in minutes (duration only). */
  minutes?: number;
}

interface Rule {
  id: Constraint['id'];
  asked: RegExp;
  label: (m: RegExpExecArray) => string;
  aspects: readonly Aspect[];
  touches: RegExp;
}

const RULES: readonly Rule[] = [
  {
    id: 'duration',
    asked: /\b(\d+(?:\.\d+)?)[\s-]*(minutes?|mins?|hours?|hrs?)[\s-]+(?:long\s+)?(?:jobs?|tasks?|batch|runs?|process(?:es|ing)?|scripts?|workloads?|functions?)\b|\bruns? for (\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?)\b|\blong[\s-]running\b/i,
    label: (m) => {
      const [n, unit] = m[1] ? [m[1], m[2]!] : [m[3], m[4]];
      return n ? `a ${n}-${/^h/i.test(unit!) ? 'hour' : 'minute'} job` : 'a long-running job';
    },
    aspects: ['limits', 'use_cases'],
    touches: /\b(minutes?|hours?|long|run[\s-]?time|time limit|timeout|long-running|finishes|no hard)\b/i,
  },
  {
    id: 'team',
    asked: /\b(small|tiny|new|junior|one[\s-]person|solo|two[\s-]person)\s+(dev\s+)?(team|teams|startup|shop)\b|\bsimplest\b|\beasiest\b|\bless (ops|operations|overhead)\b/i,
    label: () => 'a small team',
    aspects: ['management', 'pricing'],
    touches: /\b(simplest|simpler|simple|fewer|few concepts|more to learn|less to (learn|operate)|to learn and operate|control[\s-]plane|no extra charge|upgrades?|small team|nothing to manage|no servers)\b/i,
  },
  {
    id: 'low-traffic',
    asked: /\b(low|little|light|occasional|sporadic|intermittent|spiky|idle)\s+(traffic|load|usage|use|workloads?)\b|\brarely used\b/i,
    label: () => 'low or spiky traffic',
    aspects: ['pricing', 'scalability'],
    touches: /\b(idle|spiky|intermittent|scales? (to|from) zero|pay per request|per request|modest|steady|small instance|on-demand)\b/i,
  },
  {
    id: 'cost',
    asked: /\b(cheap|cheaper|cheapest|less expensive|more expensive|costs? less|lower cost|lowest cost|most cost[\s-]effective|save money|on a budget|budget)\b/i,
    label: () => 'the lowest cost',
    aspects: ['pricing'],
    touches: /\b(cost|cheap\w*|lower|lowest|no (extra|additional) charge|free|price|modest|small instance|pay)\b/i,
  },
  {
    id: 'ordering',
    asked: /\b(ordered|ordering|in sequence|fifo|exactly[\s-]once|message order|in order(?! to))\b/i,
    label: () => 'ordered processing',
    aspects: ['features'],
    touches: /\b(order|ordered|ordering|in order|fifo|sequence)\b/i,
  },
  {
    id: 'serverless',
    asked: /\b(without (managing )?servers?|serverless|no servers?|not manage servers|don'?t want to manage)\b/i,
    label: () => 'no servers to manage',
    aspects: ['management'],
    touches: /\b(serverless|no servers|without servers|no infrastructure|fully managed|nothing to manage|no instances)\b/i,
  },
];

/** "Aurora vs RDS cost": a cost named in the comparison itself asks which is cheaper ("what about cost?" asks for pricing). */
const COST_IN_COMPARISON = /\b(vs\.?|versus|or)\b.*\bcosts?\b|\bcosts?\b.*\b(vs\.?|versus)\b/i;

/** The constraint a comparison question sets, if any. */
export function constraintOf(text: string): Constraint | undefined {
  for (const r of RULES) {
    const m = r.asked.exec(text) ?? (r.id === 'cost' ? COST_IN_COMPARISON.exec(text) : null);
    if (!m) continue;
    const c: Constraint = { id: r.id, label: r.label(m), aspects: r.aspects, touches: r.touches };
    const [n, unit] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
    if (r.id === 'duration' && n) c.minutes = Number(n) * (/^h/i.test(unit!) ? 60 : 1);
    return c;
  }
  return undefined;
}

/** The longest run a when-to-pick line allows ("finishes within 15 minutes" → 15), in minutes. */
function maxMinutes(text: string): number | undefined {
  const m = /\b(?:within|up to|at most|under|less than)\s+(\d+(?:\.\d+)?)\s*(minutes?|hours?)\b/i.exec(text);
  return m ? Number(m[1]) * (/^h/i.test(m[2]!) ? 60 : 1) : undefined;
}

interface Scored {
  service: string;
  when: string;
  score: number;
}

/** How well each of the note's when-to-pick lines fits the constraint; a line the constraint rules out scores below zero. */
function scoreChoices(note: PairNote, c: Constraint, ids: readonly string[]): Scored[] {
  return note.choose
    .filter((ch) => ids.includes(ch.service))
    .map((ch) => {
      let score = (ch.when.match(new RegExp(c.touches.source, 'gi')) ?? []).length;
      if (c.id === 'duration') {
        const max = maxMinutes(ch.when);
        if (max !== undefined && c.minutes !== undefined) score = c.minutes > max ? -1 : score + 1;
        else if (/\blong\b/i.test(ch.when)) score += 1;
      }
      return { service: ch.service, when: ch.when, score };
    });
}

/** The facts of each service that the constraint touches, as short lines. */
function touchedFacts(k: Knowledge, id: string, c: Constraint, focus: Focus, strict = false): { line: string; source?: Link }[] {
  const p = profileOf(k, id);
  if (!p) return [];
  const out: { line: string; source?: Link }[] = [];
  for (const a of c.aspects) {
    for (const f of rankedFacts(p, a, focus)) {
      const line = briefOf(f);
      if (c.touches.test(f.text) || c.touches.test(line)) out.push({ line, source: p.sources[f.source] });
    }
    if (out.length === 0 && !strict) {
      // No fact names the constraint: the aspect's first facts are what decides it.
      const first = rankedFacts(p, a, focus)[0];
      if (first) out.push({ line: briefOf(first), source: p.sources[first.source] });
    }
  }
  return out;
}

/**
 * A verdict for a comparison under a constraint, or undefined when the services lack profiles (the
 * general comparison answers then).
 */
export function verdictAnswer(k: Knowledge, ids: readonly string[], c: Constraint, focus: Focus): Answer | undefined {
  if (ids.length < 2 || ids.some((id) => !k.profiles.has(id))) return undefined;
  const names = ids.map((id) => shortName(k, id));
  const note = pairNote(k, ids);
  const said = new Said(nameWords(k));
  const sources: Link[] = [...(note?.sources ?? [])];
  const sections: Section[] = [];
  const scored = note ? scoreChoices(note, c, ids).sort((a, b) => b.score - a.score) : [];
  const best = scored[0];
  const decided = best && best.score > 0 && best.score > (scored[1]?.score ?? 0);

  let summary: string;
  if (decided) {
    summary = `Verdict for ${c.label}: ${shortName(k, best.service)}. ${best.when}`;
    said.add(summary);
    // What would change it: the other services' when-to-pick lines, claimed before the reasons so that a fact never crowds them out.
    const change = scored.slice(1).map((s) => s.when).filter((w) => said.take(w));
    // Why: the note's differences that speak to the constraint, then a fact of each service it touches.
    // A curated difference may restate the threshold that the counter-case names ("15 minutes"): it
    // is the reason itself, so it is checked against the verdict only.
    const verdictOnly = new Said(nameWords(k));
    verdictOnly.add(summary);
    const curated = note!.differences.filter((d) => c.touches.test(d)).filter((d) => verdictOnly.take(d)).slice(0, 2);
    curated.forEach((d) => said.add(d));
    const why = touchedFacts(k, best.service, c, focus, true).filter((x) => said.take(x.line, best.service)).slice(0, curated.length > 0 ? 0 : 2);
    const against = ids
      .filter((id) => id !== best.service)
      .flatMap((id) => touchedFacts(k, id, c, focus, true).filter((x) => said.take(x.line, id)).slice(0, 1).map((x) => ({ ...x, id })));
    if (curated.length + why.length + against.length === 0) {
      why.push(...touchedFacts(k, best.service, c, focus).filter((x) => said.take(x.line, best.service)).slice(0, 1));
    }
    const reasons = [...curated, ...why.map((x) => `${plainName(k, best.service)}: ${x.line}`), ...against.map((x) => `${plainName(k, x.id)}: ${x.line}`)];
    for (const x of [...why, ...against]) if (x.source) sources.push(x.source);
    if (reasons.length > 0) sections.push({ heading: 'Why', bullets: reasons });
    if (change.length > 0) sections.push({ heading: 'What would change it', bullets: change });
  } else {
    summary = `For ${c.label}, what I know does not settle ${names.join(' vs ')} on its own; these facts decide it.`;
    said.add(summary);
    const columns = ids.map((id, i) => {
      const facts = touchedFacts(k, id, c, focus).filter((x) => said.take(x.line, id)).slice(0, 3);
      for (const x of facts) if (x.source) sources.push(x.source);
      return { heading: names[i]!, bullets: facts.map((x) => x.line) };
    });
    sections.push({ heading: `What decides it: ${c.aspects.map((a) => aspectLabel(k, a).toLowerCase()).join(' and ')}`, columns });
    const choose = note ? note.choose.filter((ch) => ids.includes(ch.service)).map((ch) => ch.when).filter((w) => said.take(w)) : [];
    if (choose.length > 0) sections.push({ heading: 'When to choose which', bullets: choose });
  }
  return {
    kind: 'compare',
    title: `${names.join(' vs ')} for ${c.label}`,
    summary,
    sections,
    notes: [],
    sources: uniqueLinks([...sources, ...ids.flatMap((id) => docsOf(profileOf(k, id)!).slice(0, 1))], 5),
    followUps: suggestFollowUps(k, ids, null),
  };
}
