/**
 * Finds what a message names: catalog services (exact aliases first, longest phrase wins, then
 * typo-tolerant matching) and things outside the catalog (other AWS services, other clouds).
 */
import type { OutsideTerm } from '../../knowledge/schema.js';
import { boundedEditDistance } from './distance.js';
import { deletions, type Lexicon, type PhraseTarget } from './lexicon.js';

export interface ServiceMention {
  id: string;
  start: number;
  end: number;
  /** What the user typed, when it was read as a typo of this service. */
  correctedFrom?: string;
}

export interface OutsideMention {
  term: OutsideTerm;
  start: number;
  end: number;
}

export interface Mentions {
  services: ServiceMention[];
  outside: OutsideMention[];
  /** consumed[i] is true when token i is part of a mention. */
  consumed: boolean[];
}

/** The most typos tolerated in a word of this length. */
function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  return 1;
}

function lookup(lex: Lexicon, tokens: string[], i: number): { target: PhraseTarget; length: number } | undefined {
  const maxN = Math.min(lex.phraseStarts.get(tokens[i]!) ?? 0, tokens.length - i);
  for (let n = maxN; n >= 1; n--) {
    const key = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    const target = lex.phrases.get(key);
    if (target) return { target, length: n };
  }
  const t = tokens[i]!;
  if (t.length > 3 && t.endsWith('s')) {
    const target = lex.phrases.get(t.slice(0, -1));
    if (target) return { target, length: 1 };
  }
  return undefined;
}

const typoMemo = new WeakMap<Lexicon, Map<string, string | null>>();
const TYPO_MEMO_MAX = 20_000;

/**
 * The catalog service a mistyped word most likely means, if any is close enough. Candidates come
 * from the lexicon's deletion index (a typo and its service share a form with at most one letter
 * deleted on each side, two on the word's side for long words), so the cost does not grow with
 * the catalog; each candidate is then checked with the real edit distance. Results are memoised.
 */
export function correctTypo(lex: Lexicon, word: string): string | undefined {
  const hasDigit = /\d/.test(word);
  if (!(word.length >= 5 || (hasDigit && word.length === 3))) return undefined;
  if (lex.vocabulary.has(word) || /^\d+$/.test(word)) return undefined;
  let memo = typoMemo.get(lex);
  if (!memo) typoMemo.set(lex, (memo = new Map()));
  const known = memo.get(word);
  if (known !== undefined) return known ?? undefined;
  const found = searchTypo(lex, word, hasDigit);
  if (memo.size >= TYPO_MEMO_MAX) memo.clear();
  memo.set(word, found ?? null);
  return found;
}

function searchTypo(lex: Lexicon, word: string, hasDigit: boolean): string | undefined {
  const max = word.length === 3 ? 1 : allowedEdits(word.length);
  const variants = deletions(word);
  if (max >= 2) for (const v of [...variants]) for (const d of deletions(v)) variants.add(d);
  const candidates = new Set<number>();
  for (const v of variants) for (const i of lex.fuzzyDeletes.get(v) ?? []) candidates.add(i);
  let best: string | undefined;
  let bestScore = Infinity;
  let tie = false;
  for (const i of candidates) {
    const f = lex.fuzzy[i]!;
    if (word.length === 3) {
      // Short acronyms: only a digit-bearing one, with letters and digits in the same places (ec3 → ec2).
      if (!f.hasDigit || f.form.length !== 3 || !samePattern(word, f.form)) continue;
    } else if (f.form.length < 5) continue;
    // A name with a digit ("s3 standard", "ec2 spot") is not a mistyped word without one ("150
    // msgs/sec standard" is not "s3 standard"): the digit is the part people type on purpose. Only a
    // version number after a long name ("inspector2") may be left out, the rest typed nearly right.
    else if (f.hasDigit && !hasDigit) {
      const named = VERSIONED.exec(f.form);
      if (!named || boundedEditDistance(word, named[1]!, 1) > 1) continue;
    }
    const d = boundedEditDistance(word, f.form, max);
    if (d > max) continue;
    // Two edits and a different first letter is a different word ("developers" is not "q developer").
    if (d >= 2 && word[0] !== f.form[0]) continue;
    // Prefer same first letter: typos rarely hit it.
    const score = d + (word[0] === f.form[0] ? 0 : 0.5);
    if (score < bestScore) {
      bestScore = score;
      best = f.id;
      tie = false;
    } else if (score === bestScore && f.id !== best) tie = true;
  }
  return tie ? undefined : best;
}

/** A name (as a fuzzy form, spaces removed) of five letters or more and a version number: inspector2, inspectorv2. */
const VERSIONED = /^([a-z]{5,})(\d+)$/;

function samePattern(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    if (/\d/.test(a[i]!) !== /\d/.test(b[i]!)) return false;
  }
  return true;
}

const QUANTITY = /^~?\d[\d.,]*[kmb]?$|^(thousands?|millions?|hundreds?|billions?)$/;
const RATE = /^(per|sec|secs|second|seconds|s|min|minute|minutes|hr|hour|day|a)$/;

/** Whether tokens[start, end) end on a plural noun that is counted: a quantity before it or a rate after it. */
function countsThings(tokens: readonly string[], start: number, end: number): boolean {
  if (!/[a-z]{3}s$/.test(tokens[end - 1]!)) return false;
  return (start > 0 && QUANTITY.test(tokens[start - 1]!)) || (end < tokens.length && RATE.test(tokens[end]!) && (tokens[end] !== 'a' || /^(sec|second|minute|min|day)$/.test(tokens[end + 1] ?? '')));
}

/** `typos: false` reads only what is spelled as written: for indexing stored text, whose typos are deliberate. */
export function findMentions(lex: Lexicon, tokens: string[], { typos = true }: { typos?: boolean } = {}): Mentions {
  const services: ServiceMention[] = [];
  const outside: OutsideMention[] = [];
  const consumed = new Array<boolean>(tokens.length).fill(false);

  for (let i = 0; i < tokens.length; ) {
    let hit = lookup(lex, tokens, i);
    // "~20k iot events/sec": things counted, not the service named like them (IoT Events); the
    // words before the counted noun may still name one (IoT Core).
    if (hit && hit.target.kind === 'service' && hit.length >= 2 && countsThings(tokens, i, i + hit.length)) hit = lookup(lex, tokens.slice(0, i + hit.length - 1), i);
    if (!hit) {
      i++;
      continue;
    }
    const end = i + hit.length;
    for (let j = i; j < end; j++) consumed[j] = true;
    if (hit.target.kind === 'service') {
      const m: ServiceMention = { id: hit.target.id, start: i, end };
      if (hit.target.misspelling) m.correctedFrom = tokens.slice(i, end).join(' ');
      services.push(m);
    } else if (hit.target.term) {
      outside.push({ term: hit.target.term, start: i, end });
    }
    i = end;
  }

  // Typos: single words, then two adjacent words written as one ("elastic cashe").
  for (let i = 0; typos && i < tokens.length; i++) {
    if (consumed[i]) continue;
    const word = tokens[i]!;
    let id = correctTypo(lex, word);
    let end = i + 1;
    if (!id && i + 1 < tokens.length && !consumed[i + 1]) {
      const joined = word + tokens[i + 1]!;
      if (joined.length >= 8 && !(lex.vocabulary.has(word) && lex.vocabulary.has(tokens[i + 1]!))) {
        id = correctTypo(lex, joined);
        end = i + 2;
      }
    }
    if (!id) continue;
    for (let j = i; j < end; j++) consumed[j] = true;
    services.push({ id, start: i, end, correctedFrom: tokens.slice(i, end).join(' ') });
  }
  services.sort((a, b) => a.start - b.start);
  return { services, outside, consumed };
}

/** Distinct service ids in the order first mentioned. */
export function distinctIds(mentions: readonly ServiceMention[]): string[] {
  return [...new Set(mentions.map((m) => m.id))];
}
