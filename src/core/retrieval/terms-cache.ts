/**
 * The retrieval terms of every stored text, computed once at build time (scripts/build-snapshots.mjs
 * writes dist/retrieval-terms.json) so that `awsbot ask` does not tokenise, read mentions in and
 * stem 1,000+ bank entries at every start. Used only when its fingerprint matches the knowledge
 * being loaded; otherwise the terms are computed as before. Never throws.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SavedBm25Index } from './bm25-index.js';

export interface TermsCache {
  fingerprint: string;
  /** One entry per indexed text, in collectCandidates order: its terms joined by spaces. */
  terms: string[];
  /** The index of those terms, without its documents (they are `terms`). */
  index?: Omit<SavedBm25Index, 'docs'>;
  /** How many candidates use each term, in first-seen order. */
  docFreq?: [string, number][];
}

/** The compiled file next to dist/core/: dist/retrieval-terms.json. */
export const TERMS_CACHE_URL = new URL('../../retrieval-terms.json', import.meta.url);

export function fingerprint(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

let cached: TermsCache | null | undefined;

export function readTermsCache(): TermsCache | undefined {
  if (cached === undefined) {
    try {
      const data = JSON.parse(readFileSync(TERMS_CACHE_URL, 'utf8')) as TermsCache;
      cached = typeof data.fingerprint === 'string' && Array.isArray(data.terms) ? data : null;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
