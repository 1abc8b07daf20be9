/**
 * Matches a need-based question ("where should I keep nightly backups?") to the needs in
 * intents/needs/: overlap of stemmed content words with each need's phrases, rarer words weighing
 * more, plus how much of the question the need explains and a bonus per keyword found; a need
 * whose "excludes" word appears is ruled out. Everything is indexed by stem at start-up, so a
 * question only touches the phrases that share one of its words.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Need } from '../../knowledge/schema.js';
import { savedFor } from '../retrieval/terms-cache.js';
import { STOPWORDS } from './language.js';
import { stem, tokenize } from './text.js';

export interface NeedMatch {
  need: Need;
  score: number;
}

export interface NeedMatcher {
  match(tokens: readonly string[]): NeedMatch[];
  /** Stems that appear in some need: words that make a question sound like a need. */
  readonly stems: ReadonlySet<string>;
}

interface PhrasePosting {
  need: number;
  phrase: number;
  weight: number;
}

const contentStems = (tokens: readonly string[]) => tokens.filter((t) => !STOPWORDS.has(t)).map(stem);

function containsSeq(stems: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= stems.length; i++) {
    for (let j = 0; j < seq.length; j++) if (stems[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** Builds on first use: questions that name a service never need it. */
export function lazyNeedMatcher(needs: readonly Need[], saved: () => NeedStems | undefined = () => undefined): NeedMatcher {
  let built: NeedMatcher | undefined;
  const get = () => (built ??= buildNeedMatcher(needs, saved()));
  return {
    match: (tokens) => get().match(tokens),
    get stems() {
      return get().stems;
    },
  };
}

/**
 * Each need's phrases (and label) as distinct content stems, its keywords and excludes as stem
 * sequences: the tokenizing and stemming the matcher is built from, which the build saves
 * (scripts/build-snapshots.mjs, dist/need-stems.json) so a recommendation question need not redo it.
 */
export interface NeedStems {
  phrases: string[][][];
  keywords: string[][][];
  excludes: string[][][];
}

export function needStems(needs: readonly Need[]): NeedStems {
  return {
    phrases: needs.map((need) => [...need.phrases, need.label].map((p) => [...new Set(contentStems(tokenize(p)))])),
    keywords: needs.map((need) => need.keywords.map((k) => tokenize(k).map(stem)).filter((k) => k.length > 0)),
    excludes: needs.map((need) => need.excludes.map((k) => tokenize(k).map(stem)).filter((k) => k.length > 0)),
  };
}

/** dist/need-stems.json, next to dist/core/. */
export const NEED_STEMS_URL = new URL('../../need-stems.json', import.meta.url);

/**
 * The need stems saved at build time, when `k` is the knowledge snapshot they were derived from and
 * the deriving code is unchanged (terms-cache.ts, derivedOrigin); undefined otherwise.
 */
export function savedNeedStems(k: Knowledge): NeedStems | undefined {
  const stems = savedFor<{ stems: NeedStems }>(k, NEED_STEMS_URL)?.stems;
  const fits = stems && [stems.phrases, stems.keywords, stems.excludes].every((x) => Array.isArray(x) && x.length === k.needs.length);
  return fits ? stems : undefined;
}

export function buildNeedMatcher(needs: readonly Need[], saved?: NeedStems): NeedMatcher {
  const { phrases: phrasesOf, keywords: keywordsOf, excludes: excludesOf } = saved ?? needStems(needs);

  // Inverse document frequency over needs: a word found in many needs says little.
  const needsWith = new Map<string, Set<number>>();
  needs.forEach((_, n) => {
    for (const s of [...phrasesOf[n]!.flat(), ...keywordsOf[n]!.flat()]) {
      const set = needsWith.get(s) ?? new Set<number>();
      set.add(n);
      needsWith.set(s, set);
    }
  });
  const count = Math.max(needs.length, 1);
  const idf = new Map<string, number>([...needsWith].map(([s, set]) => [s, Math.log(1 + count / set.size)]));
  const unknownWeight = Math.log(1 + count) * 0.5;

  const postings = new Map<string, PhrasePosting[]>();
  const phraseTotals = phrasesOf.map((phrases, n) =>
    phrases.map((stems, p) => {
      let total = 0;
      for (const s of stems) {
        const weight = idf.get(s)!;
        total += weight;
        const list = postings.get(s) ?? [];
        list.push({ need: n, phrase: p, weight });
        postings.set(s, list);
      }
      return total;
    }),
  );
  const keywordsByFirst = new Map<string, { need: number; stems: string[]; bonus: number }[]>();
  keywordsOf.forEach((keywords, n) => {
    for (const k of keywords) {
      const bonus = 0.25 * Math.min(1.5, k.reduce((a, s) => a + idf.get(s)!, 0) / 2);
      const list = keywordsByFirst.get(k[0]!) ?? [];
      list.push({ need: n, stems: k, bonus });
      keywordsByFirst.set(k[0]!, list);
    }
  });

  return {
    stems: new Set(idf.keys()),
    match(tokens) {
      const content = new Set(contentStems(tokens));
      if (content.size === 0) return [];
      const stems = tokens.map(stem);
      // Per need: the weight of the question's words each phrase covers, and the words it explains.
      const covered = new Map<number, Map<number, number>>();
      const explained = new Map<number, number>();
      let questionWeight = 0;
      for (const s of content) {
        const w = idf.get(s);
        if (w === undefined) {
          questionWeight += unknownWeight;
          continue;
        }
        questionWeight += w;
        for (const n of needsWith.get(s)!) explained.set(n, (explained.get(n) ?? 0) + w);
        for (const post of postings.get(s) ?? []) {
          const phrases = covered.get(post.need) ?? new Map<number, number>();
          phrases.set(post.phrase, (phrases.get(post.phrase) ?? 0) + post.weight);
          covered.set(post.need, phrases);
        }
      }
      const bonus = new Map<number, number>();
      for (let i = 0; i < stems.length; i++) {
        for (const k of keywordsByFirst.get(stems[i]!) ?? []) {
          let ok = i + k.stems.length <= stems.length;
          for (let j = 1; ok && j < k.stems.length; j++) ok = stems[i + j] === k.stems[j];
          if (ok) bonus.set(k.need, (bonus.get(k.need) ?? 0) + k.bonus);
        }
      }
      const results: NeedMatch[] = [];
      for (const n of new Set([...covered.keys(), ...bonus.keys()])) {
        if (excludesOf[n]!.some((e) => containsSeq(stems, e))) continue;
        let best = 0;
        for (const [p, have] of covered.get(n) ?? []) best = Math.max(best, have / phraseTotals[n]![p]!);
        const precision = questionWeight > 0 ? (explained.get(n) ?? 0) / questionWeight : 0;
        const score = best * 0.55 + precision * 0.3 + Math.min(0.5, bonus.get(n) ?? 0);
        if (score > 0) results.push({ need: needs[n]!, score });
      }
      return results.sort((a, b) => b.score - a.score);
    },
  };
}
