/**
 * Matches a need-based question ("where should I keep nightly backups?") to the needs in
 * intents/needs/: overlap of stemmed content words with each need's phrases, rarer words weighing
 * more, plus a bonus per keyword found; a need whose "excludes" word appears is ruled out.
 */
import type { Need } from '../knowledge/schema.js';
import { STOPWORDS } from './language.js';
import { stem, tokenize } from './text.js';

export interface NeedMatch {
  need: Need;
  score: number;
}

interface CompiledNeed {
  need: Need;
  phrases: Set<string>[];
  /** Every stem of the need's phrases, keywords and label. */
  vocabulary: Set<string>;
  keywords: string[][];
  excludes: string[][];
}

export interface NeedMatcher {
  match(tokens: readonly string[]): NeedMatch[];
  /** Stems that appear in some need: words that make a question sound like a need. */
  readonly stems: ReadonlySet<string>;
}

const contentStems = (tokens: readonly string[]) => tokens.filter((t) => !STOPWORDS.has(t)).map(stem);

export function buildNeedMatcher(needs: readonly Need[]): NeedMatcher {
  const compiled: CompiledNeed[] = needs.map((need) => {
    const phrases = [...need.phrases, need.label].map((p) => new Set(contentStems(tokenize(p))));
    const keywords = need.keywords.map((k) => tokenize(k).map(stem));
    const vocabulary = new Set<string>([...phrases.flatMap((p) => [...p]), ...keywords.flat()]);
    return { need, phrases, vocabulary, keywords, excludes: need.excludes.map((k) => tokenize(k).map(stem)) };
  });
  // Inverse document frequency over needs: a word found in many needs says little.
  const df = new Map<string, number>();
  for (const c of compiled) {
    const all = new Set<string>();
    c.phrases.forEach((p) => p.forEach((s) => all.add(s)));
    c.keywords.forEach((k) => k.forEach((s) => all.add(s)));
    all.forEach((s) => df.set(s, (df.get(s) ?? 0) + 1));
  }
  const n = Math.max(compiled.length, 1);
  const idf = (s: string) => Math.log(1 + n / (df.get(s) ?? n));

  const containsSeq = (stems: readonly string[], seq: readonly string[]) => {
    outer: for (let i = 0; i + seq.length <= stems.length; i++) {
      for (let j = 0; j < seq.length; j++) if (stems[i + j] !== seq[j]) continue outer;
      return true;
    }
    return false;
  };

  return {
    stems: new Set(df.keys()),
    match(tokens) {
      const stems = tokens.map(stem);
      const content = new Set(contentStems(tokens));
      if (content.size === 0) return [];
      // Only words some need knows can be explained by a need; the rest is chatter.
      const topical = [...content].filter((s) => df.has(s));
      // Words no need knows still count against "how much of the question a need explains".
      const unknownWeight = (content.size - topical.length) * Math.log(1 + n) * 0.5;
      const topicalWeight = topical.reduce((a, s) => a + idf(s), 0) + unknownWeight;
      const results: NeedMatch[] = [];
      for (const c of compiled) {
        if (c.excludes.some((e) => containsSeq(stems, e))) continue;
        let best = 0;
        for (const p of c.phrases) {
          let have = 0;
          let total = 0;
          for (const s of p) {
            const w = idf(s);
            total += w;
            if (content.has(s)) have += w;
          }
          if (total > 0) best = Math.max(best, have / total);
        }
        let bonus = 0;
        for (const k of c.keywords) if (containsSeq(stems, k)) bonus += 0.25 * Math.min(1.5, k.reduce((a, s) => a + idf(s), 0) / 2);
        // How much of the question this need explains, besides how much of one phrase it covers.
        let explained = 0;
        for (const s of topical) if (c.vocabulary.has(s)) explained += idf(s);
        const precision = topicalWeight > 0 ? explained / topicalWeight : 0;
        const score = best * 0.55 + precision * 0.3 + Math.min(0.5, bonus);
        if (score > 0) results.push({ need: c.need, score });
      }
      return results.sort((a, b) => b.score - a.score);
    },
  };
}
