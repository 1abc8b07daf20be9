/**
 * Facts in the length a chat reader wants: the author's brief where one is written, otherwise the
 * fact without its history notes and, when long, its first clause. Shortening only ever drops
 * whole trailing clauses or history notes, so what remains stays true and keeps its source.
 */
import type { Aspect, Fact, Profile } from '../../knowledge/schema.js';
import { relevance, type Focus } from './facts.js';

/** Words that mark a note about the past: "raised from 5 TB", "older docs say", "previously 100 ms". */
const HISTORY = /\b(older|earlier posts|outdated|old default|raised from|previously|formerly|still says?|History:)/i;
/** A fact that is only history ("History: per-second billing began in October 2017…"). */
const HISTORY_FACT = /^History\b/i;

/** Past values and "older posts say" notes are for questions about that very value. */
export function isHistoryFact(f: Fact): boolean {
  return HISTORY_FACT.test(f.text);
}

/** The text without parenthesised or trailing history notes. */
export function withoutHistory(text: string): string {
  let t = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (HISTORY.test(inner) ? '' : whole));
  // Clauses after a semicolon or sentences that are only history.
  t = t
    .split(/(?<=;)\s+|(?<=\.)\s+(?=[A-Z])/)
    .filter((part, i) => i === 0 || !HISTORY.test(part))
    .join(' ');
  t = t.replace(/[;,]\s*$/, '').replace(/\s+([,.;])/g, '$1').trim();
  if (!/[.!?)]$/.test(t)) t += '.';
  return t;
}

/** A chat line is at most this long; longer facts keep their first clause when it can stand alone. */
export const BRIEF_CHARS = 110;
const MIN_CLAUSE = 40;

/** The fact in one short line: the author's brief, or the fact without history, cut to its first clause when long. */
export function briefOf(f: Fact): string {
  if (f.brief) return f.brief;
  const t = withoutHistory(f.text);
  if (t.length <= BRIEF_CHARS) return t;
  const m = /^(.{40,}?)(?:;\s|\.\s+(?=[A-Z]))/.exec(t);
  if (m && m[1]!.length >= MIN_CLAUSE && m[1]!.length <= BRIEF_CHARS + 20 && !/[(:]/.test(m[1]!.slice(-25)) && balanced(m[1]!)) return `${m[1]!.replace(/[.;]$/, '')}.`;
  return t;
}

function balanced(s: string): boolean {
  return (s.match(/\(/g)?.length ?? 0) === (s.match(/\)/g)?.length ?? 0);
}

/**
 * The facts of an aspect in the order a chat answer shows them: those answering the question first,
 * then the ones with a brief (a newcomer's first points), then the rest; history only when asked.
 */
export function rankedFacts(p: Profile, aspect: Aspect, focus: Focus = new Set()): Fact[] {
  const facts = p.aspects[aspect].facts;
  return facts
    .map((f, i) => ({ f, i, r: relevance(f, focus) }))
    .filter((x) => !isHistoryFact(x.f) || x.r >= 2)
    .sort((a, b) => b.r - a.r || Number(Boolean(b.f.brief)) - Number(Boolean(a.f.brief)) || a.i - b.i)
    .map((x) => x.f);
}

/** The fact as an aspect answer shows it: whole, but with history notes only when the question is about them. */
export function fullText(f: Fact, focus: Focus = new Set()): string {
  return relevance(f, focus) >= 2 ? f.text : withoutHistory(f.text);
}
