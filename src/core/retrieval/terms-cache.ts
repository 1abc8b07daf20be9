/**
 * The retrieval terms of every stored text, computed once at build time (scripts/build-snapshots.mjs
 * writes dist/retrieval-terms.json) so that `awsbot ask` does not tokenise, read mentions in and
 * stem 1,000+ bank entries at every start. Used only when its fingerprint matches the knowledge
 * being loaded; otherwise the terms are computed as before. Never throws.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Knowledge } from '../../knowledge/assemble.js';
import { snapshotFingerprint } from '../../knowledge/snapshot.js';
import type { CompactBm25Index } from './bm25-index.js';

export interface TermsCache {
  fingerprint: string;
  /** One entry per indexed text, in collectCandidates order: its terms joined by spaces. */
  terms: string[];
  /** The index of those terms, without its documents (they are `terms`). */
  index?: CompactBm25Index;
  /** How many candidates use each term, in first-seen order. */
  docFreq?: [string, number][];
  /** Each text's own weight: the summed rarity of its distinct terms. */
  docWeight?: number[];
  /**
   * {@link derivedOrigin} of the knowledge snapshot made by the same build: knowledge loaded from
   * that snapshot takes these terms without computing {@link fingerprint} (hashing every text).
   */
  origin?: string;
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

/**
 * The compiled modules whose code decides what is derived from the knowledge at build time (the
 * lexicon, the need stems, the retrieval terms and index), relative to this file; and the stemmer's package.
 */
const DERIVING_CODE = [
  '../understanding/lexicon',
  '../understanding/needs',
  '../understanding/text',
  '../understanding/language',
  '../understanding/mentions',
  '../understanding/distance',
  './terms',
  './candidates',
  './retriever',
  './bm25-index',
  '../../knowledge/names',
];

let codeFingerprint: string | undefined;

/**
 * What data derived at build time from the knowledge snapshot `knowledgeFingerprint` (see
 * src/knowledge/snapshot.ts) depends on: that snapshot and the code deriving it. Undefined when
 * the code cannot be read.
 */
export function derivedOrigin(knowledgeFingerprint: string): string | undefined {
  try {
    if (codeFingerprint === undefined) {
      const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
      const hash = createHash('sha1');
      for (const name of DERIVING_CODE) hash.update(`\0${name}\0`).update(readFileSync(new URL(`${name}${ext}`, import.meta.url)));
      hash.update(readFileSync(createRequire(import.meta.url).resolve('natural/package.json')));
      codeFingerprint = hash.digest('hex');
    }
    return createHash('sha1').update(`${knowledgeFingerprint}\0${codeFingerprint}`).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * A file the build saved with an `origin` (dist/lexicon.json, dist/need-stems.json), when it was
 * derived from `k` by this code (see {@link derivedOrigin}); undefined otherwise, never throws.
 */
export function savedFor<T extends object>(k: Knowledge, url: URL): Partial<T> | undefined {
  const origin = originOf(k);
  if (origin === undefined) return undefined;
  try {
    const file = JSON.parse(readFileSync(url, 'utf8')) as { origin?: string } & Partial<T>;
    return file.origin === origin ? file : undefined;
  } catch {
    return undefined;
  }
}

/** {@link derivedOrigin} of `k` when it was loaded from the knowledge snapshot unchanged; else undefined. */
export function originOf(k: Knowledge): string | undefined {
  const fp = snapshotFingerprint(k);
  return fp === undefined ? undefined : derivedOrigin(fp);
}
