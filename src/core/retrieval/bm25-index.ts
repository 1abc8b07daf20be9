/**
 * The retrieval index: BM25 over a few text fields that scores and orders results exactly as
 * MiniSearch 7 does (bit for bit, same order, same `queryTerms`), for the searches the retriever
 * makes: exact terms combined with OR, with field boosts. Why not MiniSearch itself: an OR query
 * of a question's terms matches hundreds of the 4,000+ stored texts, and MiniSearch builds a Map
 * entry, a terms array and a match object per matching text and term, then merges Maps per term;
 * this keeps flat posting arrays with every posting's BM25 score computed once, accumulates into
 * typed arrays, and builds one small object per result. Any other search (prefix, fuzzy, AND,
 * filters, other BM25 parameters, query trees) is handed to a real MiniSearch built from the same
 * documents on first need, so the answers never depend on which path ran.
 *
 * The index can be saved (`toJSON`) and restored (`Bm25Index.fromJSON`): scripts/build-snapshots.mjs
 * saves it at build so `awsbot ask` does not index every text at start-up.
 */
import { createRequire } from 'node:module';
import type MiniSearch from 'minisearch';
import type { MatchInfo, Options, Query, SearchOptions, SearchResult } from 'minisearch';

/** MiniSearch itself, loaded only when a search needs it (never for the retriever's searches). */
const loadMiniSearch = () => createRequire(import.meta.url)('minisearch') as typeof MiniSearch;

/** MiniSearch's default BM25 parameters (the only ones the fast path implements). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface Bm25IndexOptions {
  fields: string[];
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
}

/** What {@link Bm25Index.toJSON} writes; `fromJSON` checks its shape and throws if it is not one. */
export interface SavedBm25Index {
  version: 1;
  fields: string[];
  ids: unknown[];
  /** Unique-term count per document and field: lengths[doc * fields + field], -1 when the field was absent. */
  lengths: number[];
  avg: number[];
  /** [term, per field: [doc, tf, doc, tf, …]] in first-seen order. */
  terms: [string, number[][]][];
  /** The documents' field values, kept for searches MiniSearch answers. */
  docs: (string | null)[][];
}

/** What {@link Bm25Index.toCompact} writes: {@link SavedBm25Index} without docs, postings in one base64 array. */
export interface CompactBm25Index {
  version: 2;
  fields: string[];
  ids: unknown[];
  lengths: number[];
  avg: number[];
  /** Term names in first-seen order. */
  terms: string[];
  /**
   * 32-bit integers, base64-encoded (or as read from the build's binary file): where each posting list
   * (term-major, then field) starts in `postings`, then the end.
   */
  offsets: string | Int32Array;
  /** 32-bit integers, base64-encoded (or as read): every posting list, [doc, tf, doc, tf, …]. */
  postings: string | Int32Array;
}

/**
 * What both save formats share, checked before anything is trusted: the version asked for, these
 * fields, and per-document lengths and per-field averages of the right sizes.
 */
function savedShapeFits<T extends { version: number; fields: readonly string[]; ids: unknown[]; lengths: unknown[]; avg: unknown[]; terms: unknown[] }>(saved: T | null | undefined, version: number, fields: readonly string[]): saved is T {
  return (
    saved?.version === version &&
    JSON.stringify(saved.fields) === JSON.stringify(fields) &&
    Array.isArray(saved.ids) &&
    Array.isArray(saved.lengths) &&
    saved.lengths.length === saved.ids.length * fields.length &&
    Array.isArray(saved.avg) &&
    saved.avg.length === fields.length &&
    Array.isArray(saved.terms)
  );
}

const isIntegers = (x: unknown): x is string | Int32Array => typeof x === 'string' || x instanceof Int32Array;

/** The 32-bit integers (this machine's byte order, as toCompact wrote them) of a base64 string; integers already read as they are. */
export function int32s(base64: string | Int32Array): Int32Array {
  if (typeof base64 !== 'string') return base64;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length % 4 !== 0) throw new Error('not a saved index: bad integers');
  // A view when aligned; a copy otherwise.
  return bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4) : new Int32Array(new Uint8Array(bytes).buffer);
}

/**
 * Every result of one search ({@link Bm25Index.matchAll}), in the order documents were first matched:
 * result i (below `count`) is document docs[i] (its id: {@link Bm25Index.documentIds}[docs[i]]),
 * scored scores[i]. The arrays are the index's scratch space: valid until its next search.
 */
export interface Matches {
  count: number;
  docs: Int32Array;
  scores: Float64Array;
  /**
   * Which query terms result i matched: unless `wide`, a bit mask over `distinct` (bit j: distinct[j]);
   * when `wide` (over 30 distinct terms), a key for termsOf.
   */
  keys: Int32Array;
  wide: boolean;
  /** The distinct query terms, in query order. */
  distinct: readonly string[];
  /** The query terms of a key, in query order (frozen, shared by the results with that key). */
  termsOf(key: number): string[];
}

/** The number of bits set. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A search result: MiniSearch's shape, with `terms` and `match` worked out only when read. */
class Hit implements SearchResult {
  [key: string]: any;
  constructor(
    readonly id: any,
    readonly score: number,
    readonly queryTerms: string[],
    private readonly index: Bm25Index,
    private readonly doc: number,
  ) {}
  get match(): MatchInfo {
    return this.index.matchOf(this.doc, this.queryTerms);
  }
  get terms(): string[] {
    return Object.keys(this.match);
  }
}

export class Bm25Index {
  private readonly fields: string[];
  private readonly tokenize: (text: string) => string[];
  private readonly processTerm: (term: string) => string | null;
  private ids: unknown[] = [];
  private docs: (string | null)[][] = [];
  private lengths: number[] = [];
  private avg: number[];
  private termIds = new Map<string, number>();
  private names: string[] = [];
  /**
   * postings[term * fields + field]: [doc, tf, doc, tf, …], docs ascending. Views into one array
   * when restored from a compact save, until a document is added.
   */
  private postings: (number[] | Int32Array | undefined)[] = [];
  /** A compact save's postings in one array, with where each list starts: a list's view is made when first used. */
  private restored: { offsets: Int32Array; flat: Int32Array } | undefined;
  /** The documents' field values of a restored index, worked out when first needed (MiniSearch, toJSON). */
  private docsLater: (() => (string | null)[][]) | undefined;
  /** Per posting list: the docs and their BM25 scores, computed on the first search after adding. */
  private docsOf: Int32Array[] = [];
  private scoresOf: Float64Array[] = [];
  private dirty = true;
  private fallback: MiniSearch | undefined;
  // Scratch space for one search, grown with the index.
  private acc = new Float64Array(0);
  private mark = new Int32Array(0);
  private termScore = new Float64Array(0);
  private termMark = new Int32Array(0);
  private masks = new Int32Array(0);
  private order = new Int32Array(0);
  private termDocs = new Int32Array(0);
  private resultDocs = new Int32Array(0);
  private resultScores = new Float64Array(0);
  private resultKeys = new Int32Array(0);
  private generation = 0;

  constructor(options: Bm25IndexOptions) {
    this.fields = [...options.fields];
    this.tokenize = options.tokenize;
    this.processTerm = options.processTerm;
    this.avg = this.fields.map(() => 0);
  }

  get documentCount(): number {
    return this.ids.length;
  }

  /** Each document's id, by its number in the index (the `docs` of {@link matchAll}). */
  get documentIds(): readonly unknown[] {
    return this.ids;
  }

  /** Every term, by its number (in first-seen order). */
  get termNames(): readonly string[] {
    return this.names;
  }

  /** A term's number, undefined when no document has it. */
  termNumber(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** Adds a document: its id and, per field, a string (or nothing). Same rules as MiniSearch.add. */
  add(document: Record<string, unknown>): void {
    const doc = this.ids.length;
    this.ids.push(document.id);
    const values: (string | null)[] = [];
    this.fields.forEach((field, f) => {
      const value = document[field];
      if (value == null) {
        values.push(null);
        this.lengths.push(-1);
        return;
      }
      const text = (value as { toString(): string }).toString();
      values.push(text);
      const tokens = this.tokenize(text);
      const length = new Set(tokens).size;
      this.lengths.push(length);
      // MiniSearch's running average, in its order of operations, so scores match to the bit.
      this.avg[f] = ((this.avg[f] || 0) * doc + length) / (doc + 1);
      for (const token of tokens) {
        const term = this.processTerm(token);
        if (term) this.addTerm(term, f, doc);
      }
    });
    this.documents().push(values);
    this.dirty = true;
    this.fallback = undefined;
  }

  private addTerm(term: string, field: number, doc: number): void {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.termIds.set(term, id);
      this.names.push(term);
      for (let f = 0; f < this.fields.length; f++) this.postings.push([]);
    }
    let list = this.list(id * this.fields.length + field);
    if (!Array.isArray(list)) list = this.postings[id * this.fields.length + field] = Array.from(list);
    if (list.length > 0 && list[list.length - 2] === doc) list[list.length - 1]!++;
    else list.push(doc, 1);
  }

  /** Posting list `p`; a restored index's as a view into its one array, made on first use (19,000 views cost start-up ~15 ms). */
  private list(p: number): number[] | Int32Array {
    let list = this.postings[p];
    if (list === undefined) {
      const { offsets, flat } = this.restored!;
      list = this.postings[p] = flat.subarray(offsets[p]!, offsets[p + 1]!);
    }
    return list;
  }

  /** Starts afresh after documents were added: postings are scored again on first use. */
  private prepare(): void {
    if (!this.dirty) return;
    const total = this.ids.length;
    this.docsOf = [];
    this.scoresOf = [];
    if (this.acc.length < total) {
      this.acc = new Float64Array(total);
      this.mark = new Int32Array(total);
      this.termScore = new Float64Array(total);
      this.termMark = new Int32Array(total);
      this.masks = new Int32Array(total);
      this.order = new Int32Array(total);
      this.termDocs = new Int32Array(total);
      this.resultDocs = new Int32Array(total);
      this.resultScores = new Float64Array(total);
      this.resultKeys = new Int32Array(total);
      this.generation = 0;
    }
    this.dirty = false;
  }

  /** One posting list's documents and BM25 scores (MiniSearch's calcBM25Score, same operations), computed on first use. */
  private scored(p: number): Int32Array {
    const nf = this.fields.length;
    const total = this.ids.length;
    const list = this.list(p);
    const f = p % nf;
    const matching = list.length / 2;
    const docs = new Int32Array(matching);
    const scores = new Float64Array(matching);
    const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
    const avg = this.avg[f]!;
    for (let i = 0; i < matching; i++) {
      const doc = list[2 * i]!;
      const tf = list[2 * i + 1]!;
      const fieldLength = this.lengths[doc * nf + f]!;
      docs[i] = doc;
      scores[i] = invDocFreq * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLength) / avg)));
    }
    this.docsOf[p] = docs;
    this.scoresOf[p] = scores;
    return docs;
  }

  /** The field boosts of a fast-path search, or undefined when MiniSearch must answer it. */
  private fastBoosts(query: Query, options: SearchOptions): number[] | undefined {
    if (typeof query !== 'string') return undefined;
    for (const [key, value] of Object.entries(options)) {
      if (value === undefined) continue;
      if (key === 'combineWith' && typeof value === 'string' && value.toLowerCase() === 'or') continue;
      if ((key === 'prefix' || key === 'fuzzy') && value === false) continue;
      if (key === 'boost' && typeof value === 'object' && value !== null) continue;
      return undefined;
    }
    const boost = (options.boost ?? {}) as Record<string, number>;
    return this.fields.map((f) => (Object.hasOwn(boost, f) ? boost[f] || 1 : 1));
  }

  search(query: Query, options: SearchOptions = {}): SearchResult[] {
    const boosts = this.fastBoosts(query, options);
    if (!boosts) return this.miniSearch().search(query, options);
    const { count, scores, docs, keys, termsOf } = this.matchWith(query as string, boosts);
    const positions = Array.from({ length: count }, (_, i) => i);
    // MiniSearch sorts by score with a stable sort: ties keep the order documents were first matched.
    positions.sort((a, b) => scores[b]! - scores[a]! || a - b);
    const results: SearchResult[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const p = positions[i]!;
      const doc = docs[p]!;
      results[i] = new Hit(this.ids[doc], scores[p]!, termsOf(keys[p]!), this, doc);
    }
    return results;
  }

  /**
   * The results {@link search} would return for an OR query of exact terms with these field boosts,
   * unsorted: in the order documents were first matched (search's order is by score, descending,
   * ties in this order), with the same scores and query terms, and without a result object each.
   * For callers that need only the best few of hundreds of results.
   */
  matchAll(query: string, boost: Record<string, number> = {}): Matches {
    return this.matchWith(query, this.fields.map((f) => (Object.hasOwn(boost, f) ? boost[f] || 1 : 1)));
  }

  private matchWith(query: string, boosts: number[]): Matches {
    this.prepare();
    const nf = this.fields.length;
    const terms = this.tokenize(query)
      .flatMap((t) => this.processTerm(t))
      .filter((t): t is string => !!t);
    // Distinct query terms in first-seen order: a result's queryTerms keep this order.
    const distinct: string[] = [];
    for (const t of terms) if (!distinct.includes(t)) distinct.push(t);
    // Which query terms each result matched: a bit mask, or (past 30 terms) a list per result.
    const wide = distinct.length > 30;
    const lists: string[][] = [];

    const { acc, mark, termScore, termMark, masks, order, termDocs } = this;
    if (this.generation > 0x3fff0000) {
      mark.fill(0);
      termMark.fill(0);
      this.generation = 0;
    }
    const gen = ++this.generation;
    let count = 0;
    for (const term of terms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const which = distinct.indexOf(term);
      const bit = wide ? 0 : 1 << which;
      // One term's scores per document, fields in order (MiniSearch's termResults)…
      const termGen = ++this.generation;
      let n = 0;
      for (let f = 0; f < nf; f++) {
        const docs = this.docsOf[id * nf + f] ?? this.scored(id * nf + f);
        const scores = this.scoresOf[id * nf + f]!;
        const boost = boosts[f]!;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          const weighted = boost * scores[i]!;
          if (termMark[doc] !== termGen) {
            termMark[doc] = termGen;
            termScore[doc] = weighted;
            termDocs[n++] = doc;
          } else termScore[doc] = termScore[doc]! + weighted;
        }
      }
      // …then added to the running totals (MiniSearch's OR combinator), new documents appended.
      for (let i = 0; i < n; i++) {
        const doc = termDocs[i]!;
        if (mark[doc] !== gen) {
          mark[doc] = gen;
          acc[doc] = termScore[doc]!;
          if (wide) {
            masks[doc] = lists.length;
            lists.push([term]);
          } else masks[doc] = bit;
          order[count++] = doc;
        } else {
          acc[doc] = acc[doc]! + termScore[doc]!;
          if (wide) {
            const list = lists[masks[doc]!]!;
            if (!list.includes(term)) list.push(term);
          } else masks[doc] = masks[doc]! | bit;
        }
      }
    }

    // Results go to scratch arrays, valid until the next search: no allocation per search.
    const { resultDocs: docs, resultScores: scores, resultKeys: keys } = this;
    for (let i = 0; i < count; i++) {
      const doc = order[i]!;
      const key = masks[doc]!;
      docs[i] = doc;
      keys[i] = key;
      // MiniSearch multiplies by the number of distinct query terms matched.
      scores[i] = acc[doc]! * ((wide ? lists[key]!.length : popcount(key)) || 1);
    }
    const setOfMask = new Map<number, string[]>();
    const termsOf = (key: number): string[] => {
      if (wide) return lists[key]!;
      let list = setOfMask.get(key);
      if (!list) {
        list = Object.freeze(distinct.filter((_, j) => key & (1 << j))) as string[];
        setOfMask.set(key, list);
      }
      return list;
    };
    return { count, docs, scores, keys, wide, distinct, termsOf };
  }

  /** MiniSearch's match object for a result: per matched term, the fields it was found in. */
  matchOf(doc: number, queryTerms: readonly string[]): MatchInfo {
    const nf = this.fields.length;
    const match: MatchInfo = {};
    for (const term of queryTerms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const found: string[] = [];
      for (let f = 0; f < nf; f++) {
        const list = this.list(id * nf + f);
        let lo = 0;
        let hi = list.length / 2 - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const d = list[2 * mid]!;
          if (d === doc) {
            found.push(this.fields[f]!);
            break;
          }
          if (d < doc) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      if (found.length > 0) match[term] = found;
    }
    return match;
  }

  /** The same documents in a real MiniSearch, for searches the fast path does not implement. */
  private miniSearch(): MiniSearch {
    if (!this.fallback) {
      const options: Options = { fields: this.fields, tokenize: this.tokenize, processTerm: this.processTerm };
      const m = new (loadMiniSearch())(options);
      this.documents().forEach((values, doc) => {
        const document: Record<string, unknown> = { id: this.ids[doc] };
        this.fields.forEach((field, f) => {
          if (values[f] !== null) document[field] = values[f];
        });
        m.add(document);
      });
      this.fallback = m;
    }
    return this.fallback;
  }

  private documents(): (string | null)[][] {
    if (this.docsLater) {
      this.docs = this.docsLater();
      this.docsLater = undefined;
    }
    return this.docs;
  }

  /**
   * The index saved compactly, without its documents' values (which the caller keeps): every
   * posting list in one array of 32-bit integers, base64-encoded, which restores ~10 times faster
   * than the nested arrays of {@link toJSON}.
   */
  toCompact(): CompactBm25Index {
    const lists = Array.from({ length: this.postings.length }, (_, p) => this.list(p));
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((list, p) => (offsets[p + 1] = offsets[p]! + list.length));
    const flat = new Int32Array(offsets[lists.length]!);
    lists.forEach((list, p) => flat.set(list, offsets[p]!));
    return {
      version: 2,
      fields: this.fields,
      ids: this.ids,
      lengths: this.lengths,
      avg: this.avg,
      terms: this.names,
      offsets: Buffer.from(offsets.buffer).toString('base64'),
      postings: Buffer.from(flat.buffer).toString('base64'),
    };
  }

  /**
   * Restores a {@link toCompact} save; `docs` gives the documents' field values when first needed.
   * Throws when `saved` is not one made with these fields or is damaged (every posting is checked).
   */
  static fromCompact(saved: CompactBm25Index, options: Bm25IndexOptions, docs: () => (string | null)[][]): Bm25Index {
    const index = new Bm25Index(options);
    const nf = index.fields.length;
    if (!savedShapeFits(saved, 2, index.fields) || !isIntegers(saved.offsets) || !isIntegers(saved.postings)) throw new Error('not a compact saved index for these fields');
    const offsets = int32s(saved.offsets);
    const flat = int32s(saved.postings);
    const lists = saved.terms.length * nf;
    if (offsets.length !== lists + 1 || offsets[0] !== 0 || offsets[lists] !== flat.length) throw new Error('not a saved index: bad offsets');
    const total = saved.ids.length;
    for (let p = 0; p < lists; p++) {
      const from = offsets[p]!;
      const to = offsets[p + 1]!;
      if (to < from || (to - from) % 2 !== 0) throw new Error('not a saved index: bad postings');
      for (let i = from; i < to; i += 2) {
        const doc = flat[i]!;
        if (doc < 0 || doc >= total || (i > from && doc <= flat[i - 2]!) || !(flat[i + 1]! >= 1)) throw new Error('not a saved index: bad posting');
      }
    }
    index.postings = new Array<undefined>(lists);
    index.restored = { offsets, flat };
    for (const term of saved.terms) {
      if (typeof term !== 'string' || index.termIds.has(term)) throw new Error('not a saved index: bad term');
      index.termIds.set(term, index.names.length);
      index.names.push(term);
    }
    index.ids = saved.ids;
    index.lengths = saved.lengths;
    index.avg = saved.avg;
    index.docsLater = () => {
      const values = docs();
      if (values.length !== total) throw new Error('not the documents of this index');
      return values;
    };
    return index;
  }

  toJSON(): SavedBm25Index {
    return {
      version: 1,
      fields: this.fields,
      ids: this.ids,
      lengths: this.lengths,
      avg: this.avg,
      terms: this.names.map((term, id) => [term, this.fields.map((_, f) => Array.from(this.list(id * this.fields.length + f)))]),
      docs: this.documents(),
    };
  }

  /** Restores a saved index; throws when `saved` is not one made with these fields (nothing is trusted unchecked). */
  static fromJSON(saved: SavedBm25Index, options: Bm25IndexOptions): Bm25Index {
    const index = new Bm25Index(options);
    const nf = index.fields.length;
    if (!savedShapeFits(saved, 1, index.fields) || !Array.isArray(saved.docs) || saved.docs.length !== saved.ids.length) throw new Error('not a saved index for these fields');
    index.ids = saved.ids;
    index.docs = saved.docs;
    index.lengths = saved.lengths;
    index.avg = saved.avg;
    for (const [term, lists] of saved.terms) {
      if (typeof term !== 'string' || !Array.isArray(lists) || lists.length !== nf || index.termIds.has(term)) throw new Error('not a saved index: bad term entry');
      index.termIds.set(term, index.names.length);
      index.names.push(term);
      for (const list of lists) {
        if (!Array.isArray(list) || list.length % 2 !== 0) throw new Error('not a saved index: bad postings');
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          if (!Number.isInteger(doc) || doc < 0 || doc >= saved.ids.length || (i > 0 && doc <= list[i - 2]!) || !(list[i + 1]! >= 1)) throw new Error('not a saved index: bad posting');
        }
        index.postings.push(list);
      }
    }
    return index;
  }
}
