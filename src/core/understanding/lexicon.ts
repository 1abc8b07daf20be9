/**
 * Compiles the knowledge base into the lookup tables understanding needs, once at start-up:
 * service and outside-term phrases by token sequence, typo candidates, aspect keywords by stem.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect, OutsideTerm } from '../../knowledge/schema.js';
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
    for (const typo of s.misspellings) addPhrase(typo, { kind: 'service', id: s.id, misspelling: true });
  }
  for (const term of k.outside) {
    for (const alias of term.aliases) {
      const key = tokenize(alias).join(' ');
      if (!phrases.has(key)) addPhrase(alias, { kind: 'outside', id: term.name, term, misspelling: false });
    }
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

  const fuzzyDeletes = new Map<string, number[]>();
  fuzzy.forEach((f, i) => {
    for (const variant of deletions(f.form)) {
      const list = fuzzyDeletes.get(variant);
      if (!list) fuzzyDeletes.set(variant, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });

  return { phrases, phraseStarts, longestPhrase, fuzzy, fuzzyDeletes, aspectKeywords, vocabulary };
}

/** The word itself and every string made by deleting one of its letters (symmetric-delete typo search). */
export function deletions(word: string): Set<string> {
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}
