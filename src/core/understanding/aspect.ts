/**
 * Finds which aspect of a service a message asks about (pricing, limits, …) from the aspect
 * keywords in intents/aspects.json, ignoring the words that name services.
 */
import type { Aspect } from '../../knowledge/schema.js';
import type { Lexicon } from './lexicon.js';
import { stem } from './text.js';

/** When two aspects are asked about equally, the more specific one wins. */
const TIE_ORDER: readonly Aspect[] = [
  'pricing',
  'limits',
  'performance',
  'security',
  'durability',
  'scalability',
  'management',
  'features',
  'use_cases',
];

export interface AspectReading {
  aspect: Aspect | null;
  /** Hit weight per aspect found. */
  scores: Partial<Record<Aspect, number>>;
}

/** The length of the aspect keyword that starts at stems[i], or 0 when none does. */
export function aspectKeywordAt(lex: Lexicon, stems: readonly string[], i: number): number {
  let best = 0;
  for (const kw of lex.aspectKeywords.get(stems[i]!) ?? []) {
    const len = kw.stems.length;
    if (len <= best || i + len > stems.length) continue;
    let ok = true;
    for (let j = 1; ok && j < len; j++) ok = stems[i + j] === kw.stems[j];
    if (ok) best = len;
  }
  return best;
}

/** Tokens as aspect keywords see them: stems, except that keywords written "=ha" match the token exactly ("has" stems to "ha"). */
export function aspectStems(lex: Lexicon, tokens: readonly string[]): string[] {
  return tokens.map((t) => (lex.aspectKeywords.has(`=${t}`) ? `=${t}` : stem(t)));
}

export function detectAspect(lex: Lexicon, tokens: readonly string[], consumed: readonly boolean[]): AspectReading {
  const stems = aspectStems(lex, tokens).map((s, i) => (consumed[i] ? '' : s));
  const scores: Partial<Record<Aspect, number>> = {};
  const used = new Array<boolean>(stems.length).fill(false);
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i]!;
    if (!s || used[i]) continue;
    const candidates = lex.aspectKeywords.get(s);
    if (!candidates) continue;
    let best: { aspect: Aspect; len: number } | undefined;
    for (const kw of candidates) {
      const len = kw.stems.length;
      if (best && len <= best.len) continue;
      let ok = i + len <= stems.length;
      for (let j = 1; ok && j < len; j++) ok = stems[i + j] === kw.stems[j];
      if (ok) best = { aspect: kw.aspect, len };
    }
    if (!best) continue;
    for (let j = i; j < i + best.len; j++) used[j] = true;
    scores[best.aspect] = (scores[best.aspect] ?? 0) + 1 + 0.5 * (best.len - 1);
  }
  let aspect: Aspect | null = null;
  let top = 0;
  for (const a of TIE_ORDER) {
    const v = scores[a] ?? 0;
    if (v > top) {
      top = v;
      aspect = a;
    }
  }
  return { aspect, scores };
}
