/**
 * The retrieval terms of every stored text, computed once at build time (scripts/build-snapshots.mjs
 * writes dist/retrieval-terms.json) so that `awsbot ask` does not tokenise, read mentions in and
 * stem 1,000+ bank entries at every start. Used only when its fingerprint matches the knowledge
 * being loaded; otherwise the terms are computed as before. Never throws.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Knowledge } from '../../knowledge/assemble.js';
import { snapshotFingerprint } from '../../knowledge/snapshot.js';
import { int32s, type CompactBm25Index } from './bm25-index.js';

/** Texts' terms by position: an array, or (read from the build's binary file) lines read when first asked for. */
export interface TermList {
  readonly length: number;
  at(i: number): string | undefined;
}

export interface TermsCache {
  fingerprint: string;
  /** One entry per indexed text, in collectCandidates order: its terms joined by spaces. */
  terms: TermList;
  /** The index of those terms, without its documents (they are `terms`). */
  index?: CompactBm25Index;
  /**
   * How many candidates use each term, in first-seen order: pairs, or (read from the build's binary
   * file) each term's number in `index.terms` with its count.
   */
  docFreq?: [string, number][] | SavedTermCounts;
  /** Each text's own weight: the summed rarity of its distinct terms. */
  docWeight?: number[] | Float64Array;
  /**
   * {@link derivedOrigin} of the knowledge snapshot made by the same build: knowledge loaded from
   * that snapshot takes these terms without computing {@link fingerprint} (hashing every text).
   */
  origin?: string;
}

/**
 * Term frequencies as read from the binary file: `counts[i]` candidates use term number `order[i]` of
 * the index's terms. Kept as numbers: a Map of ~10,000 terms cost `awsbot ask` ~10 ms at every start.
 */
export interface SavedTermCounts {
  order: Int32Array;
  counts: Int32Array;
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
  /**
   * The binary file, in order: docWeight (float64 × texts), offsets, postings, docFreq's term
   * numbers and counts, where each text's line starts in the text that follows (int32 × texts + 1),
   * then the texts' terms (UTF-8, one line per text). `bytes` is the size of that last part.
   */
  binary: { version: 2; texts: number; offsets: number; postings: number; docFreq: number; bytes: number };
}

/**
 * The cache as written at build time: a small JSON and a binary file. Undefined when it cannot be
 * written that way (a frequency of a term the index lacks): then the cache is saved as JSON alone.
 */
export function encodeTermsCache(cache: TermsCache): { meta: SavedTermsMeta; binary: Buffer } | undefined {
  const { index, docFreq, docWeight } = cache;
  const terms = Array.from({ length: cache.terms.length }, (_, i) => cache.terms.at(i) ?? '');
  if (!index || !Array.isArray(docFreq) || !docWeight || docWeight.length !== terms.length || terms.some((t) => t.includes('\n'))) return undefined;
  const termNumber = new Map(index.terms.map((t, i) => [t, i]));
  const order = docFreq.map(([t]) => termNumber.get(t));
  if (order.some((n) => n === undefined)) return undefined;
  const offsets = int32s(index.offsets);
  const postings = int32s(index.postings);
  const lines = terms.map((t) => Buffer.from(`${t}\n`, 'utf8'));
  const starts = new Int32Array(terms.length + 1);
  lines.forEach((line, i) => (starts[i + 1] = starts[i]! + line.length));
  const text = Buffer.concat(lines);
  const bytes = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const parts = [Buffer.from(Float64Array.from(docWeight).buffer), bytes(offsets), bytes(postings), bytes(Int32Array.from(order as number[])), bytes(Int32Array.from(docFreq, ([, n]) => n)), bytes(starts), text];
  const { offsets: _o, postings: _p, ...rest } = index;
  return {
    meta: { fingerprint: cache.fingerprint, ...(cache.origin !== undefined ? { origin: cache.origin } : {}), index: rest, binary: { version: 2, texts: terms.length, offsets: offsets.length, postings: postings.length, docFreq: docFreq.length, bytes: text.length } },
    binary: Buffer.concat(parts),
  };
}

/** Where the binary form's bytes come from: the whole file in memory, or reads at a position (the file left open). */
export interface ByteSource {
  readonly size: number;
  read(position: number, length: number): Buffer;
  close?(): void;
}

function bufferSource(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length) };
}

/**
 * The texts' terms, each line read and decoded when first asked for: a question looks at a few
 * dozen of ~8,000 texts, and decoding all 2.7 MB of them cost `awsbot ask` ~15 ms at every start.
 */
class LazyLines implements TermList {
  private readonly lines: (string | undefined)[];
  constructor(
    private readonly source: ByteSource,
    private readonly from: number,
    private readonly starts: Int32Array,
  ) {
    this.lines = new Array<string | undefined>(starts.length - 1);
  }
  get length(): number {
    return this.lines.length;
  }
  at(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.lines.length) return undefined;
    let line = this.lines[i];
    if (line === undefined) {
      const start = this.starts[i]!;
      const end = this.starts[i + 1]! - 1; // without its newline
      try {
        line = this.source.read(this.from + start, end - start).toString('utf8');
      } catch {
        line = ''; // the file went away under a running process: that text's pairs count for nothing
      }
      this.lines[i] = line;
    }
    return line;
  }
}

/** The cache from its JSON and binary parts; throws when they do not fit together. */
export function decodeTermsCache(meta: SavedTermsMeta, binary: Buffer | ByteSource): TermsCache {
  const source = Buffer.isBuffer(binary) ? bufferSource(binary) : binary;
  const b = meta.binary;
  if (b?.version !== 2) throw new Error('not a retrieval terms file');
  const numbers = 8 * b.texts + 4 * (b.offsets + b.postings + 2 * b.docFreq + b.texts + 1);
  if (source.size !== numbers + b.bytes) throw new Error('retrieval terms: binary file of the wrong size');
  // Typed arrays need aligned memory: a copy when the bytes read are not.
  const read = source.read(0, numbers);
  const buf = read.byteOffset % 8 === 0 ? read : Buffer.from(read);
  let at = buf.byteOffset;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, width: number): T => {
    const out = make(buf.buffer, at, length);
    at += length * width;
    return out;
  };
  const docWeight = take((x, o, n) => new Float64Array(x, o, n), b.texts, 8);
  const offsets = take((x, o, n) => new Int32Array(x, o, n), b.offsets, 4);
  const postings = take((x, o, n) => new Int32Array(x, o, n), b.postings, 4);
  const order = take((x, o, n) => new Int32Array(x, o, n), b.docFreq, 4);
  const counts = take((x, o, n) => new Int32Array(x, o, n), b.docFreq, 4);
  const starts = take((x, o, n) => new Int32Array(x, o, n), b.texts + 1, 4);
  if (starts[0] !== 0 || starts[b.texts] !== b.bytes || starts.some((v, i) => i > 0 && v <= starts[i - 1]!)) throw new Error('retrieval terms: bad line starts');
  // Term numbers and counts are checked where they are used, against the index's terms (retriever.ts).
  const docFreq: SavedTermCounts = { order, counts };
  const terms = new LazyLines(source, numbers, starts);
  return { fingerprint: meta.fingerprint, ...(meta.origin !== undefined ? { origin: meta.origin } : {}), terms, index: { ...meta.index, offsets, postings }, docFreq, docWeight };
}

/**
 * The binary file, opened and left open: its numbers are read at once, its texts' lines as they are
 * needed. The build replaces the file (a new one, never rewritten in place), so a running process
 * keeps reading the file it started with.
 */
function fileSource(url: URL): ByteSource {
  const fd = openSync(url, 'r');
  try {
    const size = fstatSync(fd).size;
    return {
      size,
      read(position, length) {
        const out = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
          const n = readSync(fd, out, done, length - done, position + done);
          if (n === 0) throw new Error('retrieval terms: file shorter than it was');
          done += n;
        }
        return out;
      },
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

let cached: TermsCache | null | undefined;

/** The build's terms cache (JSON with its binary file, or JSON alone); undefined when missing or unreadable. */
export function readTermsCache(): TermsCache | undefined {
  if (cached === undefined) {
    try {
      const data = JSON.parse(readFileSync(TERMS_CACHE_URL).toString('utf8')) as TermsCache | SavedTermsMeta;
      let cache: TermsCache;
      if ('binary' in data) {
        const source = fileSource(TERMS_BINARY_URL);
        try {
          cache = decodeTermsCache(data, source);
        } catch (e) {
          source.close?.();
          throw e;
        }
      } else cache = data;
      cached = typeof cache.fingerprint === 'string' && typeof cache.terms?.length === 'number' && typeof cache.terms.at === 'function' ? cache : null;
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

/**
 * The deriving code's fingerprint, written into the bundle `awsbot` runs (scripts/bundle-cli.mjs): the
 * bundle holds the very code the build derived the data with, so it need not read and hash those
 * files at every start (~9 ms). Anything else (tests, dist/ run directly) hashes the files.
 */
declare const __AWSBOT_DERIVING_CODE__: string | undefined;
let codeFingerprint: string | undefined = typeof __AWSBOT_DERIVING_CODE__ === 'string' ? __AWSBOT_DERIVING_CODE__ : undefined;

/** A hash of the deriving code's files (and the stemmer's package); throws when one cannot be read. */
export function derivingCodeFingerprint(): string {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const hash = createHash('sha1');
  for (const name of DERIVING_CODE) hash.update(`\0${name}\0`).update(readFileSync(new URL(`${name}${ext}`, import.meta.url)));
  hash.update(readFileSync(createRequire(import.meta.url).resolve('natural/package.json')));
  return hash.digest('hex');
}

/**
 * What data derived at build time from the knowledge snapshot `knowledgeFingerprint` (see
 * src/knowledge/snapshot.ts) depends on: that snapshot and the code deriving it. Undefined when
 * the code cannot be read.
 */
export function derivedOrigin(knowledgeFingerprint: string): string | undefined {
  try {
    codeFingerprint ??= derivingCodeFingerprint();
    // Both fingerprints side by side, not hashed together: the first hash a process makes sets up
    // Node's crypto (~5 ms of `awsbot ask`), and two hex digests compare as well as one.
    return `${knowledgeFingerprint}:${codeFingerprint}`;
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
    const file = JSON.parse(readFileSync(url).toString('utf8')) as { origin?: string } & Partial<T>;
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
