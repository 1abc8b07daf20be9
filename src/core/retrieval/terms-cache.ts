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
import { int32s, type CompactBm25Index } from './bm25-index.js';

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

/** The compiled files next to dist/core/: dist/retrieval-terms.json and, holding its large arrays, dist/retrieval-terms.bin. */
export const TERMS_CACHE_URL = new URL('../../retrieval-terms.json', import.meta.url);
export const TERMS_BINARY_URL = new URL('../../retrieval-terms.bin', import.meta.url);

export function fingerprint(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

/**
 * What dist/retrieval-terms.json holds when the large arrays are in the binary file: a JSON parse of
 * 4 MB (the texts' terms, the postings, the frequencies and weights) cost `awsbot ask` 20-30 ms, a
 * read of the same numbers as bytes almost nothing. Sizes are counts of items.
 */
interface SavedTermsMeta {
  fingerprint: string;
  origin?: string;
  index: Omit<CompactBm25Index, 'offsets' | 'postings'>;
  /** The binary file, in order: docWeight (float64 × texts), offsets, postings, docFreq's term numbers and counts (int32), the texts' terms (UTF-8, one line per text). */
  binary: { version: 1; texts: number; offsets: number; postings: number; docFreq: number; bytes: number };
}

/**
 * The cache as written at build time: a small JSON and a binary file. Undefined when it cannot be
 * written that way (a frequency of a term the index lacks): then the cache is saved as JSON alone.
 */
export function encodeTermsCache(cache: TermsCache): { meta: SavedTermsMeta; binary: Buffer } | undefined {
  const { index, docFreq, docWeight } = cache;
  if (!index || !docFreq || !docWeight || docWeight.length !== cache.terms.length || cache.terms.some((t) => t.includes('\n'))) return undefined;
  const termNumber = new Map(index.terms.map((t, i) => [t, i]));
  const order = docFreq.map(([t]) => termNumber.get(t));
  if (order.some((n) => n === undefined)) return undefined;
  const offsets = int32s(index.offsets);
  const postings = int32s(index.postings);
  const text = Buffer.from(cache.terms.join('\n'), 'utf8');
  const parts = [Buffer.from(Float64Array.from(docWeight).buffer), Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength), Buffer.from(postings.buffer, postings.byteOffset, postings.byteLength), Buffer.from(Int32Array.from(order as number[]).buffer), Buffer.from(Int32Array.from(docFreq, ([, n]) => n).buffer), text];
  const { offsets: _o, postings: _p, ...rest } = index;
  return {
    meta: { fingerprint: cache.fingerprint, ...(cache.origin !== undefined ? { origin: cache.origin } : {}), index: rest, binary: { version: 1, texts: cache.terms.length, offsets: offsets.length, postings: postings.length, docFreq: docFreq.length, bytes: text.length } },
    binary: Buffer.concat(parts),
  };
}

/** The cache from its JSON and binary parts; throws when they do not fit together. */
export function decodeTermsCache(meta: SavedTermsMeta, bytes: Buffer): TermsCache {
  const b = meta.binary;
  if (b?.version !== 1) throw new Error('not a retrieval terms file');
  const size = 8 * b.texts + 4 * (b.offsets + b.postings + 2 * b.docFreq) + b.bytes;
  if (bytes.length !== size) throw new Error('retrieval terms: binary file of the wrong size');
  // Typed arrays need aligned memory: a copy when the file's bytes are not.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  let at = buf.byteOffset;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, width: number): T => {
    const out = make(buf.buffer, at, length);
    at += length * width;
    return out;
  };
  const docWeight = Array.from(take((x, o, n) => new Float64Array(x, o, n), b.texts, 8));
  const offsets = take((x, o, n) => new Int32Array(x, o, n), b.offsets, 4);
  const postings = take((x, o, n) => new Int32Array(x, o, n), b.postings, 4);
  const order = take((x, o, n) => new Int32Array(x, o, n), b.docFreq, 4);
  const counts = take((x, o, n) => new Int32Array(x, o, n), b.docFreq, 4);
  const text = buf.toString('utf8', at - buf.byteOffset, at - buf.byteOffset + b.bytes);
  const names = meta.index.terms;
  const docFreq = Array.from(order, (n, i): [string, number] => {
    if (names[n] === undefined) throw new Error('retrieval terms: unknown term number');
    return [names[n]!, counts[i]!];
  });
  const terms = b.texts === 0 ? [] : text.split('\n');
  if (terms.length !== b.texts) throw new Error('retrieval terms: wrong number of texts');
  return { fingerprint: meta.fingerprint, ...(meta.origin !== undefined ? { origin: meta.origin } : {}), terms, index: { ...meta.index, offsets, postings }, docFreq, docWeight };
}

let cached: TermsCache | null | undefined;

/** The build's terms cache (JSON with its binary file, or JSON alone); undefined when missing or unreadable. */
export function readTermsCache(): TermsCache | undefined {
  if (cached === undefined) {
    try {
      const data = JSON.parse(readFileSync(TERMS_CACHE_URL, 'utf8')) as TermsCache | SavedTermsMeta;
      const cache = 'binary' in data ? decodeTermsCache(data, readFileSync(TERMS_BINARY_URL)) : data;
      cached = typeof cache.fingerprint === 'string' && Array.isArray(cache.terms) ? cache : null;
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
