/**
 * Compiles the knowledge base into the lookup tables understanding needs, once at start-up:
 * service and outside-term phrases by token sequence, typo candidates, aspect keywords by stem.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect, OutsideTerm } from '../../knowledge/schema.js';
import { savedFor } from '../retrieval/terms-cache.js';
import { NEAR_MISS_WORDS, STOPWORDS } from './language.js';
import { stem, tokenize } from './text.js';

export interface PhraseTarget {
  kind: 'service' | 'outside';
  /** Service id, or the outside term's name. */
  id: string;
  term?: OutsideTerm;
  misspelling: boolean;
}

export interface FuzzyTarget {
  id: string;
  /** The alias with its spaces removed, e.g. "elasticbeanstalk". */
  form: string;
  hasDigit: boolean;
}

export interface AspectKeyword {
  aspect: Aspect;
  stems: string[];
}

export interface Lexicon {
  /** Token sequences joined by one space → what they name. */
  phrases: Map<string, PhraseTarget>;
  /** For each token that starts a phrase, the most tokens a phrase starting with it has. */
  phraseStarts: Map<string, number>;
  longestPhrase: number;
  fuzzy: FuzzyTarget[];
  /** Typo candidates: every form with one letter deleted (and the form itself) → indices into `fuzzy`. */
  fuzzyDeletes: Map<string, number[]>;
  /** Aspect keywords indexed by their first stem. */
  aspectKeywords: Map<string, AspectKeyword[]>;
  /** Every word the knowledge base and training phrases use: never typo-corrected. */
  vocabulary: Set<string>;
}

export function buildLexicon(k: Knowledge): Lexicon {
  return savedLexicon(k) ?? compileLexicon(k);
}

/**
 * A name of two or more words whose last word is a plain plural ("savings plans", "step functions",
 * "security groups"), in the singular; undefined for any other name ("aws glue", "amazon ecs").
 */
function singularOf(tokens: string[]): string | undefined {
  const last = tokens[tokens.length - 1];
  if (tokens.length < 2 || !last || !/^[a-z]{3,}[^su\d]s$/.test(last)) return undefined;
  return [...tokens.slice(0, -1), last.slice(0, -1)].join(' ');
}

/** The lexicon compiled from the knowledge (what buildLexicon does when no saved one fits). */
export function compileLexicon(k: Knowledge): Lexicon {
  const phrases = new Map<string, PhraseTarget>();
  const phraseStarts = new Map<string, number>();
  let longestPhrase = 1;
  const fuzzy: FuzzyTarget[] = [];
  const seenFuzzy = new Set<string>();

  const addPhrase = (text: string, target: PhraseTarget) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (!phrases.has(key) || (phrases.get(key)!.kind === 'outside' && target.kind === 'service')) phrases.set(key, target);
    longestPhrase = Math.max(longestPhrase, tokens.length);
    phraseStarts.set(tokens[0]!, Math.max(phraseStarts.get(tokens[0]!) ?? 0, tokens.length));
    if (target.kind !== 'service') return;
    const form = tokens.join('');
    const hasDigit = /\d/.test(form);
    if ((form.length >= 5 || (hasDigit && form.length === 3)) && !seenFuzzy.has(form)) {
      seenFuzzy.add(form);
      fuzzy.push({ id: target.id, form, hasDigit });
    }
  };

  for (const s of k.catalog) {
    // A directory id can be a plain word ("backup", "config", "batch"): only its aliases name it.
    const names = k.directory.has(s.id) && !k.profiles.has(s.id) ? [s.short, ...s.aliases] : [s.id, s.short, ...s.aliases];
    const plain = new Set(s.plainPhrases.map((p) => tokenize(p).join(' ')));
    for (const alias of names) {
      // "s3 files" is usually files in S3: the name counts only as "amazon s3 files" or "aws s3 files".
      const forms = plain.has(tokenize(alias).join(' ')) ? [`amazon ${alias}`, `aws ${alias}`] : [alias];
      for (const form of forms) addPhrase(form, { kind: 'service', id: s.id, misspelling: false });
    }
    // "a compute savings plan", "one step function": a plural name also counts in the singular.
    for (const alias of names) {
      const one = singularOf(tokenize(alias));
      if (one && !phrases.has(one)) addPhrase(one, { kind: 'service', id: s.id, misspelling: false });
    }
    for (const typo of s.misspellings) addPhrase(typo, { kind: 'service', id: s.id, misspelling: true });
  }
  for (const term of k.outside) {
    for (const alias of term.aliases) {
      const key = tokenize(alias).join(' ');
      if (!phrases.has(key)) addPhrase(alias, { kind: 'outside', id: term.name, term, misspelling: false });
    }
  }
  for (const [name, term] of counterpartNames(k)) {
    if (!phrases.has(tokenize(name).join(' '))) addPhrase(name, { kind: 'outside', id: term.name, term, misspelling: false });
  }

  const aspectKeywords = new Map<string, AspectKeyword[]>();
  for (const a of k.aspectWords) {
    for (const kw of a.keywords) {
      const stems = kw.startsWith('=') ? [kw] : tokenize(kw).map(stem);
      if (stems.length === 0) continue;
      const list = aspectKeywords.get(stems[0]!) ?? [];
      list.push({ aspect: a.id, stems });
      aspectKeywords.set(stems[0]!, list);
    }
  }

  const vocabulary = new Set<string>([...STOPWORDS, ...NEAR_MISS_WORDS]);
  const addWords = (text: string) => {
    for (const t of tokenize(text.replace(/^=/, ''))) if (!phrases.has(t)) vocabulary.add(t);
  };
  for (const t of k.training) t.phrases.forEach(addWords);
  for (const n of k.needs) {
    n.phrases.forEach(addWords);
    n.keywords.forEach(addWords);
    addWords(n.label);
  }
  for (const a of k.aspectWords) a.keywords.forEach(addWords);

  const fuzzyDeletes = deletionIndex(fuzzy);

  return { phrases, phraseStarts, longestPhrase, fuzzy, fuzzyDeletes, aspectKeywords, vocabulary };
}

const VENDOR_WORDS = new Set(['azure', 'microsoft', 'google', 'gcp', 'firebase']);
const AZURE_PREFIXES = ['azure', 'microsoft azure'];
const GOOGLE_PREFIXES = ['google', 'gcp', 'google cloud'];

/**
 * Other clouds' products the directory maps to AWS services ("Dataproc", "Cloud Armor", "Azure Site
 * Recovery"), as names of that cloud: a name counts when it says its vendor or has a word AWS
 * questions never use, so "Cloud Storage", "Secret Manager" or "Workflows" stay ordinary words;
 * said after its vendor ("azure durable functions", "gcp workflows") any name counts.
 */
function counterpartNames(k: Knowledge): [string, OutsideTerm][] {
  const azure = k.outside.find((t) => t.kind === 'other-cloud' && /\bazure\b/i.test(t.name));
  const google = k.outside.find((t) => t.kind === 'other-cloud' && /\bgoogle\b/i.test(t.name));
  const awsWords = new Set<string>();
  for (const e of k.bank) for (const text of [...e.questions, ...e.keywords, e.lead]) for (const t of tokenize(text)) awsWords.add(t);
  for (const s of k.catalog) for (const n of [s.id, s.short, s.name, ...s.aliases]) for (const t of tokenize(n)) awsWords.add(t);
  const out: [string, OutsideTerm][] = [];
  for (const d of k.directory.values()) {
    for (const [names, term] of [[d.azure, azure], [d.google, google]] as const) {
      if (!term) continue;
      for (const name of names) {
        const tokens = tokenize(name);
        const vendored = tokens.some((t) => VENDOR_WORDS.has(t));
        if (vendored || tokens.some((t) => !awsWords.has(t) && !STOPWORDS.has(t))) out.push([name, term]);
        // "azure durable functions", "google cloud armor": any name, said with its vendor.
        if (!vendored) for (const vendor of term === azure ? AZURE_PREFIXES : GOOGLE_PREFIXES) out.push([`${vendor} ${name}`, term]);
      }
    }
  }
  return out;
}

function deletionIndex(fuzzy: readonly FuzzyTarget[]): Map<string, number[]> {
  const fuzzyDeletes = new Map<string, number[]>();
  fuzzy.forEach((f, i) => {
    for (const variant of deletions(f.form)) {
      const list = fuzzyDeletes.get(variant);
      if (!list) fuzzyDeletes.set(variant, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  return fuzzyDeletes;
}

/**
 * A lexicon as JSON (scripts/build-snapshots.mjs saves the one compiled from intents/ in
 * dist/lexicon.json): its tables as arrays, an outside term by its index in `k.outside`; the typo
 * deletion index is left out (rebuilt from `fuzzy` on first use).
 */
export interface SavedLexicon {
  /** [phrase, 0 service | 1 outside, id, index in k.outside or -1, 1 when a misspelling] */
  phrases: [string, number, string, number, number][];
  phraseStarts: [string, number][];
  longestPhrase: number;
  /** [service id, form, 1 when it has a digit] */
  fuzzy: [string, string, number][];
  aspectKeywords: [string, [Aspect, string[]][]][];
  vocabulary: string[];
}

export function saveLexicon(k: Knowledge, lex: Lexicon): SavedLexicon {
  return {
    phrases: [...lex.phrases].map(([key, t]) => [key, t.kind === 'service' ? 0 : 1, t.id, t.term ? k.outside.indexOf(t.term) : -1, t.misspelling ? 1 : 0]),
    phraseStarts: [...lex.phraseStarts],
    longestPhrase: lex.longestPhrase,
    fuzzy: lex.fuzzy.map((f) => [f.id, f.form, f.hasDigit ? 1 : 0]),
    aspectKeywords: [...lex.aspectKeywords].map(([first, list]) => [first, list.map((a) => [a.aspect, a.stems])]),
    vocabulary: [...lex.vocabulary],
  };
}

/** The lexicon saved by {@link saveLexicon} for `k`; throws when `saved` does not fit `k`. */
export function restoreLexicon(k: Knowledge, saved: SavedLexicon): Lexicon {
  const phrases = new Map<string, PhraseTarget>();
  for (const [key, kind, id, outside, misspelling] of saved.phrases) {
    if (kind === 0) phrases.set(key, { kind: 'service', id, misspelling: misspelling === 1 });
    else {
      const term = k.outside[outside];
      if (!term || term.name !== id) throw new Error('saved lexicon: unknown outside term');
      phrases.set(key, { kind: 'outside', id, term, misspelling: misspelling === 1 });
    }
  }
  const fuzzy = saved.fuzzy.map(([id, form, hasDigit]): FuzzyTarget => ({ id, form, hasDigit: hasDigit === 1 }));
  let fuzzyDeletes: Map<string, number[]> | undefined;
  return {
    phrases,
    phraseStarts: new Map(saved.phraseStarts),
    longestPhrase: saved.longestPhrase,
    fuzzy,
    // Built on first use: only a word that may be a mistyped service name needs it.
    get fuzzyDeletes() {
      return (fuzzyDeletes ??= deletionIndex(fuzzy));
    },
    aspectKeywords: new Map(saved.aspectKeywords.map(([first, list]) => [first, list.map(([aspect, stems]) => ({ aspect, stems }))])),
    vocabulary: new Set(saved.vocabulary),
  };
}

/** dist/lexicon.json, next to dist/core/. */
export const LEXICON_URL = new URL('../../lexicon.json', import.meta.url);

/**
 * The lexicon saved at build time, when `k` is the knowledge snapshot it was compiled from and the
 * code compiling it is unchanged (see terms-cache.ts, derivedOrigin); undefined otherwise.
 */
function savedLexicon(k: Knowledge): Lexicon | undefined {
  const saved = savedFor<{ lexicon: SavedLexicon }>(k, LEXICON_URL)?.lexicon;
  try {
    return saved ? restoreLexicon(k, saved) : undefined;
  } catch {
    return undefined;
  }
}

/** The word itself and every string made by deleting one of its letters (symmetric-delete typo search). */
export function deletions(word: string): Set<string> {
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}
