/**
 * Finding a fact, limit or number stated twice in one answer. Each line of an answer becomes a
 * claim: its content words (stemmed, without function words or service names) and its quantities
 * (a number with its unit: "15 minute", "99.99 %", "256 kib"). Two lines repeat each other when they
 * state the same quantity with its unit, the same bare number about the same thing, or mostly the
 * same words.
 *
 * Lines that belong to different services (two columns of a comparison) never repeat each other:
 * "both keep 35 days of backups" is a comparison, not a repeat.
 */
import { STOPWORDS } from '../understanding/language.js';
import { stem, tokenize } from '../understanding/text.js';

export interface Claim {
  words: ReadonlySet<string>;
  quantities: ReadonlySet<string>;
  /** The service the line is about (a column), or undefined for lines about the whole answer. */
  owner?: string;
}

/** Words too common in the catalog's facts to show that two lines say the same thing. */
const WEAK = new Set(
  ['amazon', 'aws', 'per', 'default', 'up', 'use', 'can', 'also', 'each', 'one', 'more', 'less', 'than', 'with', 'without', 'new', 'get', 'run', 'need', 'service', 'servic', 'support', 'pick', 'when', 'both', 'onli', 'via', 'pai', 'e', 'g', 'etc', 'x'].map((w) => stem(w)),
);

const NUMBER = /(?<![A-Za-z0-9.,])(\d[\d,]*(?:\.\d+)?)\s*(?:-\s*)?(%|[a-z]+)?/gi;
const UNIT_STOP = new Set(['and', 'or', 'to', 'of', 'in', 'for', 'the', 'a', 'an', 'per', 'x', 'at', 'on', 'by', 'from', 'is', 'are', 'with']);

/** The quantities a line states: "15 minutes" → "15 minut"; "99.99%" → "99.99 %"; bare numbers of 10 or more count alone. */
export function quantitiesOf(text: string): Set<string> {
  const out = new Set<string>();
  // A date ("read 2026-12-05") dates a fact; it is not the fact.
  const plain = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ');
  for (const m of plain.matchAll(NUMBER)) {
    const n = m[1]!.replace(/,/g, '');
    if (/^(19|20)\d\d$/.test(n)) continue; // a year dates a fact; it is not the fact
    const unit = m[2]?.toLowerCase();
    if (unit && !UNIT_STOP.has(unit)) out.add(`${n} ${unit === '%' ? '%' : stem(unit)}`);
    else if (Number(n) >= 10 || n.includes('.')) out.add(n);
  }
  return out;
}

export function claimOf(text: string, owner?: string, names: ReadonlySet<string> = new Set()): Claim {
  const words = new Set(
    tokenize(text)
      .filter((t) => !STOPWORDS.has(t) && !names.has(t) && !/^\d/.test(t))
      .map(stem)
      .filter((s) => !WEAK.has(s) && s.length > 1),
  );
  return { words, quantities: quantitiesOf(text), owner };
}

function shared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  const out: T[] = [];
  for (const x of a) if (b.has(x)) out.push(x);
  return out;
}

/** Two lines say the same thing: a shared quantity about shared words, or mostly the same words. */
export function repeats(a: Claim, b: Claim): boolean {
  if (a.owner && b.owner && a.owner !== b.owner) return false;
  const words = shared(a.words, b.words).length;
  const quantities = shared(a.quantities, b.quantities);
  // A limit or number with its unit ("50 tb", "15 minut", "99.99 %") is one fact, whatever the words around it.
  if (quantities.some((q) => q.includes(' '))) return true;
  if (quantities.length > 0 && words >= 2) return true;
  const smaller = Math.min(a.words.size, b.words.size);
  return smaller >= 4 && words / smaller >= 0.6;
}

/** Keeps the lines that say something new, in order, given what the answer already says. */
export class Said {
  private readonly claims: Claim[] = [];
  /** Every quantity said so far, kept as lines are added. */
  private readonly quantities = new Set<string>();
  constructor(private readonly names: ReadonlySet<string> = new Set()) {}

  /** Whether this line would repeat something already said. */
  repeats(text: string, owner?: string): boolean {
    const c = claimOf(text, owner, this.names);
    return this.claims.some((x) => repeats(c, x));
  }

  /** Whether the line states a quantity with its unit ("4 days", "256 kib") that nothing said so far states. */
  statesNewQuantity(text: string): boolean {
    return [...quantitiesOf(text)].some((q) => q.includes(' ') && !this.quantities.has(q));
  }

  /** Records a line as said. */
  add(text: string, owner?: string): void {
    const claim = claimOf(text, owner, this.names);
    this.claims.push(claim);
    for (const q of claim.quantities) this.quantities.add(q);
  }

  /** Records and keeps the line unless it repeats; returns whether it was kept. */
  take(text: string, owner?: string): boolean {
    if (this.repeats(text, owner)) return false;
    this.add(text, owner);
    return true;
  }

  /** The lines (at most `max`) that say something new, recorded as said. */
  keep(lines: readonly string[], max = Infinity, owner?: string): string[] {
    const out: string[] = [];
    for (const l of lines) {
      if (out.length >= max) break;
      if (this.take(l, owner)) out.push(l);
    }
    return out;
  }
}

/** A line of an answer, with the column (service) it belongs to. */
export interface AnswerLine {
  text: string;
  owner?: string;
}

/** Every line of an answer that states something: the summary, section text, bullets and column bullets. */
export function linesOf(answer: { summary?: string; sections: readonly { text?: string; bullets?: string[]; columns?: { heading: string; bullets: string[] }[]; prices?: boolean }[] }): AnswerLine[] {
  const out: AnswerLine[] = [];
  if (answer.summary) out.push({ text: answer.summary });
  for (const s of answer.sections) {
    // A price list's rows share units and words with each other and with the billing model by
    // construction ("$0.20 per 1M requests" beside "1M requests free"); each row is its own fact.
    if (s.prices) continue;
    if (s.text) out.push({ text: s.text });
    for (const b of s.bullets ?? []) out.push({ text: b });
    for (const c of s.columns ?? []) for (const b of c.bullets) out.push({ text: b, owner: c.heading });
  }
  return out;
}

/** The pairs of lines in an answer that repeat each other. */
export function repeatedLines(lines: readonly AnswerLine[], names: ReadonlySet<string> = new Set()): [string, string][] {
  const claims = lines.map((l) => claimOf(l.text, l.owner, names));
  const out: [string, string][] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      if (repeats(claims[i]!, claims[j]!)) out.push([lines[i]!.text, lines[j]!.text]);
    }
  }
  return out;
}
