/**
 * Finds the answer a question asks for: one BM25 ranking (MiniSearch) over the answer bank's
 * phrasings and the profiles' facts, weighed by the services the question (or its conversation)
 * is about and by the question's shape. Confidence is how much of what the question asks the best
 * candidate covers; the thresholds that act on it are named once, here.
 */
import { bankEntry } from '../../knowledge/bank-lookup.js';
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect } from '../../knowledge/schema.js';
import { boundedEditDistance } from '../understanding/distance.js';
import type { Lexicon } from '../understanding/lexicon.js';
import { deletions } from '../understanding/lexicon.js';
import { collectCandidates, type Candidate, type IndexedText } from './candidates.js';
import { questionCues, type Cues } from './question-kind.js';
import { Bm25Index } from './bm25-index.js';
import { createTermMaker, type NameTokens, type TermMaker } from './terms.js';
import { fingerprint, originOf, readTermsCache, type SavedTermCounts, type TermsCache } from './terms-cache.js';
import { tokenize } from '../understanding/text.js';

/** At or above this confidence the match leads the answer. */
export const LEAD_AT = 0.55;
/** At or above this, the match is offered as the closest answer, said to be uncertain. */
export const SUGGEST_AT = 0.35;
/** At or above this, the question was asked almost as the entry stores it: that entry is the answer. */
export const ASKED_AS_STORED = 0.85;
/**
 * A how-to or a fix ("how do I…", a pasted error) that would otherwise get "no vetted answer" is
 * offered its closest answer from here on, said to be uncertain: measured on the channel sets, the
 * closest entry answers such questions more often than not (0.14 since a close runner-up is shown
 * beside a guess: from 0.2, +10 of 1,220 never-tuned questions; lower gained nothing more).
 */
export const PRACTICAL_SUGGEST_AT = 0.14;
/**
 * A best match's runner-up scoring at least this share of its score is offered beside it ("or, if
 * you meant…"): below LEAD_AT (a guess) from `unsure`, beside a sure match from `sure`. Measured on
 * the channel sets: between close readings, showing both answers more questions than either alone
 * (sure 0.8 -> 0.5 with up to three beside a guess: +16 of 1,790 never-tuned questions, and more on
 * every other group of sets; runners-up that only repeat an answer already offered are left out).
 */
export const ALTERNATIVE_SHARE = { unsure: 0.4, sure: 0.5 } as const;
/** How many runners-up are offered: up to three beside a guess, one beside a sure match. */
export const ALTERNATIVES_MOST = { unsure: 3, sure: 1 } as const;

/** Field weights: a stored phrasing of the question counts more than the answer's own words. */
const FIELD_BOOST = { q: 1, x: 0.5 };
/** Weights by how the candidate's services agree with the question's. */
const SERVICES = { main: 1, some: 0.85, context: 0.9, none: 0.7, mismatch: 0.3 };
/**
 * A follow-up's candidate about none of the conversation's services: "how long do the tokens last"
 * after Cognito sign-in is about Cognito's tokens, not STS session tokens.
 */
const OFF_CONTEXT = 0.6;
// The same weights as plain numbers: returned per candidate, a field of SERVICES would be boxed each time.
const W_MAIN = SERVICES.main;
const W_SOME = SERVICES.some;
const W_CONTEXT = SERVICES.context;
const W_NONE = SERVICES.none;
const W_MISMATCH = SERVICES.mismatch;
/** A candidate first about one of the several services a question names and about another of them too. */
const W_ALL_NAMED = 1.5;
/** A candidate about a service named and one the conversation was about. */
const W_ALONG_CONTEXT = 1.3;
/** A candidate first about a service related to the one asked (the directory's "related"). */
const W_RELATED = 0.45;
/** A follow-up's candidate about two or more of the conversation's services, but first about another. */
const W_CONTEXT_ASIDE = 0.6;
/** A follow-up's candidate about the conversation's services, but not first about them; about none of them. */
const CONTEXT_SECONDARY = SERVICES.context * 0.9;
const NONE_OFF_CONTEXT = SERVICES.none * OFF_CONTEXT;
/** How many of the best candidates are weighed again for the question's word pairs. */
const SHORTLIST = 12;
/** Unknown words looked up by scanning before the deletions index is built (see `correct` in build). */
const TYPO_INDEX_AFTER = 16;
/** A shortlisted answer this many times surer than a guess in the lead, scoring at least this share of its score, leads instead. */
const SURER_BY = 2;
const SURER_SCORE_SHARE = 0.5;
/** How much each of the question's word pairs found in a candidate's phrasings raises its score. */
const PAIR_WEIGHT = 0.08;
/** Pairs counted at most. */
const MAX_PAIRS = 3;
/** A candidate of a kind the question's shape does not ask for. */
const OFF_KIND = 0.85;
/** A runner-up scoring more than this share of the best is near-equal to it. */
const NEAR_EQUAL = 0.97;
/** A best answer this many times the runner-up's score is clearly the one. */
const CLEAR_LEAD = 2.5;
const CLEAR_LEAD_BONUS = 1.2;
/**
 * How much the last answer's words raise a follow-up's candidates: the one closest to the last
 * answer scores up to this share more, others in proportion. A multiplier, so a candidate the
 * question itself hardly matches cannot win on the last answer's words alone.
 */
const TOPIC_WEIGHT = 0.5;
/** A follow-up pointing back: the last answer itself, among the candidates the question matches, this much more. */
const TOPIC_SELF = 1.3;
/** "Which one…?" after a comparison: an answer about only one of the compared services. */
const PICK_ONE_SIDED = 0.4;
/** How much a word read as a near spelling ("lamda" as "lambda") counts, matched or not, beside words typed as indexed. */
const TYPO_WEIGHT = 0.5;
/** How much a question word that no answer contains counts against confidence (1: fully). */
const UNSEEN_WEIGHT = 0.5;
/** Profile facts answer precise questions but are not written as answers: a small handicap. */
const FACT_WEIGHT = 0.9;
/**
 * How much a question must say (summed rarity of its terms) to be fully trusted: "how is it billed"
 * (one common word) is a general pricing question, not a pointer to one entry.
 */
const INFO_FULL = 6;
/** Same aspect as the one the understanding found. */
const ASPECT_BONUS = 1.1;
/**
 * How much a stored phrasing's own unmatched words count against it: "push an image to ECR from
 * GitHub Actions" answers "how do I push an image to ECR" less well than "push an image to ECR".
 */
const DOC_COVERAGE_WEIGHT = 0.2;

export interface Match {
  candidate: Candidate;
  /** Ranking score (BM25 with the weights above). */
  score: number;
  /** 0..1: the share of the question's terms (by rarity) this candidate matches, weighed. */
  confidence: number;
}

export interface RetrievalQuery {
  text: string;
  /** Services the question names, first named first. */
  services: readonly string[];
  /** The conversation's services, used when the question names none. */
  context?: readonly string[];
  aspect?: Aspect | null;
  /** "which one…?" after a comparison: the answer should be about the compared services together. */
  pick?: boolean;
  /** The bank entry the conversation's last answer led with: its words rank related answers higher. */
  topic?: string;
  /** A candidate that cannot be the answer ("and from lambda?" after it: the last answer itself). */
  exclude?: string;
}

export interface Retrieval {
  best?: Match;
  /** The next best distinct candidates (up to three). */
  others: Match[];
  cues: Cues;
  /** The question's retrieval terms; empty when it asks nothing beyond naming services. */
  terms: string[];
  /** How much the question says beyond naming services: the summed rarity of its terms. */
  information: number;
  /** Whether some term the answers use was typed as such, not only read as a near spelling of one. */
  typedKnown: boolean;
}

export interface Retriever {
  retrieve(q: RetrievalQuery): Retrieval;
  readonly size: number;
}

/**
 * `saved`: the build-time terms and index to use when they match this knowledge (by default
 * dist/retrieval-terms.json; null: none, index from scratch).
 */
export function createRetriever(k: Knowledge, lexicon: Lexicon, saved?: TermsCache | null): Retriever {
  let built: ReturnType<typeof build> | undefined;
  const get = () => (built ??= build(k, lexicon, saved));
  return {
    retrieve: (q) => get().retrieve(q),
    get size() {
      return get().size;
    },
  };
}

/** The words of each service's own names, dropped from retrieval terms inside a mention of it. */
function nameTokensOf(k: Knowledge): NameTokens {
  const byService = new Map<string, Set<string>>();
  const all = new Set<string>(['aws', 'amazon']);
  for (const s of k.catalog) {
    // Only the name's own words: an alias such as "alb" or "parameter store" says what is asked.
    const own = new Set<string>(['aws', 'amazon']);
    for (const n of [s.id, s.short, s.name]) for (const t of tokenize(n)) own.add(t), all.add(t);
    byService.set(s.id, own);
  }
  return { byService, all };
}

/** What the stored texts' terms depend on: the texts, the synonyms and the names the lexicon knows. */
function termsFingerprint(k: Knowledge, lexicon: Lexicon, texts: readonly { text: string }[]): string {
  return fingerprint([texts.map((t) => t.text), k.synonyms, [...lexicon.phrases.keys()], [...nameTokensOf(k).byService].map(([id, t]) => [id, ...t])]);
}

function precomputedTerms(k: Knowledge, lexicon: Lexicon, texts: readonly { text: string }[], saved: TermsCache | null | undefined): TermsCache | undefined {
  const cache = saved === undefined ? readTermsCache() : (saved ?? undefined);
  if (!cache || cache.terms.length !== texts.length) return undefined;
  // Made by the build from the very knowledge snapshot `k` was loaded from, by this code: no need to hash every text.
  if (cache.origin !== undefined && cache.origin === originOf(k)) return cache;
  return cache.fingerprint === termsFingerprint(k, lexicon, texts) ? cache : undefined;
}

/** The saved terms of text `i`. */
function termsAt(cache: TermsCache, i: number): string[] {
  const line = cache.terms.at(i);
  return line ? line.split(' ') : [];
}

/** The number of candidates a term's rarity is computed against, and every known term's rarity. */
function rarity(docFreq: TermCounts, n: number): (term: string) => number {
  // Worked out when asked: a table of every known term's idf cost start-up a map of ~15,000 entries.
  const unseenIdf = Math.log(1 + n / (0 + 0.5));
  return (term: string) => {
    const df = docFreq.get(term);
    return df === undefined ? unseenIdf : Math.log(1 + n / (df + 0.5));
  };
}

/**
 * `Int32Array.from(items, f)` by a plain loop: the typed array's `from` with a mapping function goes
 * through the iterator protocol, and for the retriever's ~4,000-item arrays cost start-up ~10 ms.
 */
function int32sOf<T>(items: readonly T[], f: (item: T) => number): Int32Array {
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = f(items[i]!);
  return out;
}

/** Each stored text's own weight (summed rarity of its distinct terms), for its coverage by a question. */
function textWeights(textTerms: readonly (readonly string[])[], idf: (term: string) => number): number[] {
  return textTerms.map((terms) => [...new Set(terms)].reduce((s, t) => s + idf(t), 0));
}

/** The text weights saved with the terms, when there is one finite number per text. */
function savedWeights(cache: TermsCache, texts: number): ArrayLike<number> | undefined {
  const w = cache.docWeight;
  if (!(Array.isArray(w) || w instanceof Float64Array) || w.length !== texts) return undefined;
  for (let i = 0; i < w.length; i++) if (typeof w[i] !== 'number' || !Number.isFinite(w[i])) return undefined;
  return w;
}

const INDEX_OPTIONS = { fields: ['q', 'x'], tokenize: (s: string) => (s ? s.split(' ') : []), processTerm: (t: string) => t || null };

/** The index of the stored texts, and how many candidates use each term (in first-seen order). */
function indexTexts(texts: readonly IndexedText[], termsOf: (i: number) => string[]): { index: Bm25Index; docFreq: Map<string, number> } {
  const index = new Bm25Index(INDEX_OPTIONS);
  const docFreq = new Map<string, number>();
  const seen = new Map<string, number>();
  texts.forEach((t, i) => {
    const terms = termsOf(i);
    index.add({ id: i, q: t.field === 'q' ? terms.join(' ') : '', x: t.field === 'x' ? terms.join(' ') : '' });
    for (const term of terms) {
      if (seen.get(term) === t.candidate) continue;
      seen.set(term, t.candidate);
      docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
    }
  });
  return { index, docFreq };
}

/** How many candidates use each term: what the retriever reads of a Map of them. */
interface TermCounts {
  get(term: string): number | undefined;
  has(term: string): boolean;
  /** The terms in first-seen order. */
  keys(): Iterable<string>;
}

/**
 * The counts read from the build's binary file, looked up through the index's own term numbers;
 * undefined when a term is numbered twice or a count is not positive.
 */
function countsByTermNumber(index: Bm25Index, { order, counts }: SavedTermCounts): TermCounts | undefined {
  const names = index.termNames;
  if (counts.length !== order.length) return undefined;
  const byNumber = new Int32Array(names.length);
  for (let i = 0; i < order.length; i++) {
    const t = order[i]!;
    const n = counts[i]!;
    if (!(t >= 0 && t < names.length) || byNumber[t] !== 0 || !(n >= 1)) return undefined;
    byNumber[t] = n;
  }
  const get = (term: string) => {
    const t = index.termNumber(term);
    return t === undefined || byNumber[t] === 0 ? undefined : byNumber[t];
  };
  return {
    get,
    has: (term) => get(term) !== undefined,
    *keys() {
      for (let i = 0; i < order.length; i++) yield names[order[i]!]!;
    },
  };
}

/** The index and frequencies saved with the terms (by the build), or undefined when they are missing or damaged. */
function savedIndex(cache: TermsCache, texts: readonly IndexedText[]): { index: Bm25Index; docFreq: TermCounts } | undefined {
  const saved = cache.docFreq;
  if (!cache.index || !saved) return undefined;
  try {
    // The documents' values only matter to a search MiniSearch answers: worked out then.
    const docs = () => texts.map((t, i) => (t.field === 'q' ? [cache.terms.at(i)!, ''] : ['', cache.terms.at(i)!]));
    const index = Bm25Index.fromCompact(cache.index, INDEX_OPTIONS, docs);
    if (!Array.isArray(saved)) {
      const docFreq = saved.order instanceof Int32Array && saved.counts instanceof Int32Array ? countsByTermNumber(index, saved) : undefined;
      return docFreq && { index, docFreq };
    }
    const docFreq = new Map<string, number>();
    for (const [term, n] of saved) {
      if (typeof term !== 'string' || !Number.isInteger(n) || n < 1) return undefined;
      docFreq.set(term, n);
    }
    return { index, docFreq };
  } catch {
    return undefined;
  }
}

/** The terms cache for this knowledge (what scripts/build-snapshots.mjs writes at build time): terms, index, frequencies. */
export function computeTermsCache(k: Knowledge, lexicon: Lexicon): TermsCache & { terms: string[]; docFreq: [string, number][]; docWeight: number[] } {
  const maker = createTermMaker(lexicon, k.synonyms, nameTokensOf(k));
  const { texts } = collectCandidates(k);
  const terms = texts.map((t) => maker.terms(t.text, { typos: false }).join(' '));
  const { index, docFreq } = indexTexts(texts, (i) => (terms[i] ? terms[i]!.split(' ') : []));
  const saved = index.toCompact();
  const docWeight = textWeights(terms.map((t) => (t ? t.split(' ') : [])), rarity(docFreq, collectCandidates(k).candidates.length));
  return { fingerprint: termsFingerprint(k, lexicon, texts), terms, index: saved, docFreq: [...docFreq], docWeight };
}

function build(k: Knowledge, lexicon: Lexicon, saved?: TermsCache | null) {
  const maker: TermMaker = createTermMaker(lexicon, k.synonyms, nameTokensOf(k));
  const { candidates, texts } = collectCandidates(k);
  // The index saved at build when it was made from these texts; else indexed here.
  const cache = precomputedTerms(k, lexicon, texts, saved);
  // Each text's terms, split (or computed) only when the saved index or weights cannot be used.
  let terms: string[][] | undefined;
  const textTerms = () => (terms ??= texts.map((t, i) => (cache ? termsAt(cache, i) : maker.terms(t.text, { typos: false }))));
  const restored = cache && savedIndex(cache, texts);
  const { index, docFreq } = restored ?? indexTexts(texts, (i) => textTerms()[i]!);
  const docCandidate = texts.map((t) => t.candidate);
  const n = candidates.length;
  const idf = rarity(docFreq, n);
  const docWeight = (restored && savedWeights(cache, texts.length)) || textWeights(textTerms(), idf);

  // Typo tolerance: a query term the index has never seen is read as the nearest one it has: a
  // known word (5+ letters, no digits) with the same first letter that shares one of the term's
  // single-letter deletions and is within edit distance 1 (2 for 8+ letters); the closest, then the
  // most used, then the first met in the order of the term's deletions and the vocabulary.
  // The first unknown words are looked up by scanning the known words with their first letter (well
  // under a millisecond, where building an index of every word's deletions cost `awsbot ask` ~100
  // ms); after TYPO_INDEX_AFTER of them (a long-running bot), that index is built and used instead,
  // a lookup being then cheaper than a scan. Both give the same word.
  let vocab: string[] = [];
  let byFirst: Map<number, number[]> | undefined;
  let deletes: Map<string, number[]> | undefined;
  let scans = 0;
  const knownWords = () => [...docFreq.keys()].filter((t) => t.length >= 5 && !/\d/.test(t));
  const groupVocab = () => {
    vocab = knownWords();
    const groups = new Map<number, number[]>();
    vocab.forEach((v, i) => (groups.get(v.charCodeAt(0)) ?? groups.set(v.charCodeAt(0), []).get(v.charCodeAt(0))!).push(i));
    return groups;
  };
  const typoIndex = () => {
    vocab = knownWords();
    const d = new Map<string, number[]>();
    vocab.forEach((v, i) => {
      for (const x of deletions(v)) (d.get(x) ?? d.set(x, []).get(x)!).push(i);
    });
    return d;
  };
  /** Through the deletions index: candidates met in the term's deletion order, then vocabulary order. */
  const indexedCorrection = (term: string, index: Map<string, number[]>): string | undefined => {
    const limit = term.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestD = 3;
    for (const d of deletions(term)) {
      for (const i of index.get(d) ?? []) {
        const v = vocab[i]!;
        // Typos keep the first letter: "player" is not a misspelt "layer".
        if (v.charCodeAt(0) !== term.charCodeAt(0)) continue;
        const dist = boundedEditDistance(term, v, limit);
        if (dist <= limit && (dist < bestD || (dist === bestD && (docFreq.get(v) ?? 0) > (docFreq.get(best!) ?? 0)))) {
          best = v;
          bestD = dist;
        }
      }
    }
    return best;
  };
  /** By scanning the words with the term's first letter, ties broken as the index meets them. */
  const scannedCorrection = (term: string, groups: Map<number, number[]>): string | undefined => {
    const limit = term.length >= 8 ? 2 : 1;
    const rank = new Map<string, number>();
    for (const d of deletions(term)) rank.set(d, rank.size);
    let best: string | undefined;
    let bestD = 3;
    let bestFreq = -1;
    let bestRank = Infinity;
    for (const i of groups.get(term.charCodeAt(0)) ?? []) {
      const v = vocab[i]!;
      // Sharing a deletion needs lengths at most one apart.
      if (v.length > term.length + 1 || v.length < term.length - 1) continue;
      let first = Infinity;
      for (const d of deletions(v)) {
        const r = rank.get(d);
        if (r !== undefined && r < first) first = r;
      }
      if (first === Infinity) continue;
      const dist = boundedEditDistance(term, v, limit);
      if (dist > limit) continue;
      const freq = docFreq.get(v) ?? 0;
      // Met in vocabulary order: among equals the earlier deletion rank wins, then the earlier word.
      if (dist < bestD || (dist === bestD && (freq > bestFreq || (freq === bestFreq && first < bestRank)))) {
        best = v;
        bestD = dist;
        bestFreq = freq;
        bestRank = first;
      }
    }
    return best;
  };
  const correct = (term: string): string => {
    if (docFreq.has(term) || term.length < 5 || /\d/.test(term)) return term;
    if (!deletes && ++scans > TYPO_INDEX_AFTER) deletes = typoIndex();
    if (deletes) return indexedCorrection(term, deletes) ?? term;
    byFirst ??= groupVocab();
    return scannedCorrection(term, byFirst) ?? term;
  };

  // Each candidate's services, kind and aspect as numbers, so that weighing one is a few array reads.
  const serviceNumber = new Map<string, number>();
  const numberOf = (s: string) => serviceNumber.get(s) ?? serviceNumber.set(s, serviceNumber.size).get(s)!;
  const serviceStart = new Int32Array(n + 1);
  const serviceList: number[] = [];
  candidates.forEach((c, ci) => {
    serviceStart[ci] = serviceList.length;
    for (const s of c.services) serviceList.push(numberOf(s));
  });
  serviceStart[n] = serviceList.length;
  const services = Int32Array.from(serviceList);
  const kinds = new Map<string, number>();
  const kindBit = (kind: string) => 1 << (kinds.get(kind) ?? kinds.set(kind, kinds.size).get(kind)!);
  const candKindBit = int32sOf(candidates, (c) => kindBit(c.kind));
  const aspectNumber = new Map<string, number>();
  // A fact's aspect, numbered; -1 for a bank entry.
  const candAspect = int32sOf(candidates, (c) => (c.type === 'fact' ? (aspectNumber.get(c.aspect) ?? aspectNumber.set(c.aspect, aspectNumber.size).get(c.aspect)!) : -1));
  // Marks, per numbered service, of the services asked about and in context: the retrieval's generation.
  const askedMark = new Int32Array(serviceNumber.size);
  const contextMark = new Int32Array(serviceNumber.size);
  const relatedMark = new Int32Array(serviceNumber.size);
  /** Each numbered service's related services (the directory's "related", both ways), numbered. */
  const relatedOf = new Map<string, number[]>();
  for (const d of k.directory.values()) {
    for (const r of d.related) {
      if (!serviceNumber.has(r) || !serviceNumber.has(d.id)) continue;
      (relatedOf.get(d.id) ?? relatedOf.set(d.id, []).get(d.id)!).push(serviceNumber.get(r)!);
      (relatedOf.get(r) ?? relatedOf.set(r, []).get(r)!).push(serviceNumber.get(d.id)!);
    }
  }
  // The candidate and own weight of each document, by its number in the index.
  const candidateOfDoc = int32sOf(index.documentIds, (id) => docCandidate[id as number]!);
  // Looked up for a question's excluded entry or topic only: made on first use (~4,000 entries).
  let byId: Map<string, number> | undefined;
  const candidateById = (id: string): number => (byId ??= new Map(candidates.map((c, i) => [c.id, i]))).get(id) ?? -1;
  const weightOfDoc = new Float64Array(index.documentIds.length);
  index.documentIds.forEach((id, d) => (weightOfDoc[d] = docWeight[id as number]!));

  /** How many of a candidate's services the conversation is about (each listed service counted). */
  function sharedWithContext(ci: number, gen: number): number {
    let shared = 0;
    for (let j = serviceStart[ci]!; j < serviceStart[ci + 1]!; j++) if (contextMark[services[j]!] === gen) shared++;
    return shared;
  }

  /**
   * A candidate's weight for one question (its services, kind and aspect against the question's),
   * into candWeight: stored, not returned, so the number is never boxed (the loop runs per candidate).
   */
  function weighCandidate(ci: number, asked: number, context: number, gen: number, pickOneSided: boolean, cueBits: number, askedAspect: number): void {
    // Each factor applies or is 1 (multiplying by 1 is exact): the same number as applying only those that apply.
    const pick = pickOneSided && sharedWithContext(ci, gen) < 2 ? PICK_ONE_SIDED : 1;
    const kind = cueBits !== 0 && (cueBits & candKindBit[ci]!) === 0 ? OFF_KIND : 1;
    const fact = candAspect[ci]! >= 0 ? FACT_WEIGHT : 1;
    const aspect = candAspect[ci]! >= 0 && askedAspect >= 0 && candAspect[ci] === askedAspect ? ASPECT_BONUS : 1;
    const weight = servicesWeight(ci, asked, context, gen) * pick * kind * fact * aspect;
    candWeight[ci] = weight;
  }

  /** Whether a candidate is first about a service the question names or, naming none, the conversation is about. */
  function mainFits(ci: number, gen: number): boolean {
    if (serviceStart[ci + 1]! === serviceStart[ci]!) return false;
    const main = services[serviceStart[ci]!]!;
    return askedMark[main] === gen || contextMark[main] === gen;
  }

  /** Weight by how the candidate's services agree with those asked about (`gen`: marked in askedMark, contextMark). */
  function servicesWeight(ci: number, asked: number, context: number, gen: number): number {
    const from = serviceStart[ci]!;
    const to = serviceStart[ci + 1]!;
    const hasMain = to > from;
    if (asked > 0) {
      let covered = 0;
      for (let j = from; j < to; j++) if (askedMark[services[j]!] === gen) covered++;
      // "lambda in our vpc hangs on s3.getObject": an answer about both services named beats one about either.
      if (asked >= 2 && covered >= Math.min(asked, 2) && askedMark[services[from]!] === gen) return W_ALL_NAMED;
      // "how do i log every session to s3" after Session Manager answers: about S3 and the conversation's service.
      const along = covered > 0 && context > 0 && sharedWithContext(ci, gen) > 0 ? W_ALONG_CONTEXT : 1;
      if (hasMain && askedMark[services[from]!] === gen) return W_MAIN * along;
      if (covered > 0) return W_SOME * along;
      // "asg launch fails: InsufficientInstanceCapacity" answered by an EC2 entry: a service next to the one named.
      if (hasMain && relatedMark[services[from]!] === gen) return W_RELATED;
      return W_MISMATCH;
    }
    if (context > 0) {
      // A follow-up after "SQS vs Kinesis": an answer about both beats one about either.
      const shared = sharedWithContext(ci, gen);
      // ... unless it is first about another service ("which one keeps ordering?" is not about EventBridge Pipes).
      if (shared >= Math.min(2, context)) return context < 2 ? W_CONTEXT : hasMain && contextMark[services[from]!] === gen ? W_MAIN : W_CONTEXT_ASIDE;
      if (shared > 0) return hasMain && contextMark[services[from]!] === gen ? W_CONTEXT : CONTEXT_SECONDARY;
      return NONE_OFF_CONTEXT;
    }
    return W_NONE;
  }

  // Per-candidate scratch space for one retrieval, marked by generation (never cleared).
  const candMark = new Int32Array(n);
  const candScore = new Float64Array(n);
  const candConfidence = new Float64Array(n);
  const candWeight = new Float64Array(n);
  const candRaw = new Float64Array(n);
  const candFirst = new Int32Array(n);
  const candRelated = new Float64Array(n);
  /** The candidates one retrieval matched, in the order first matched. */
  const seen = new Int32Array(n);
  let generation = 0;
  const nextGeneration = () => {
    if (generation > 0x3fff0000) {
      candMark.fill(0);
      askedMark.fill(0);
      relatedMark.fill(0);
      contextMark.fill(0);
      generation = 0;
    }
    return ++generation;
  };

  // Each candidate's adjacent term pairs in its stored phrasings ("mani connect" for "too many
  // connections"), built for a candidate the first time it is among a question's best.
  let phraseTexts: number[][] | undefined;
  const pairsOf = new Map<number, Set<string>>();
  const candidatePairs = (ci: number): Set<string> => {
    let set = pairsOf.get(ci);
    if (!set) {
      if (!phraseTexts) {
        phraseTexts = Array.from({ length: n }, () => []);
        texts.forEach((t, i) => {
          if (t.field === 'q') phraseTexts![t.candidate]!.push(i);
        });
      }
      set = new Set();
      for (const i of phraseTexts[ci]!) {
        const ts = terms ? terms[i]! : cache ? termsAt(cache, i) : maker.terms(texts[i]!.text, { typos: false });
        for (let j = 0; j + 1 < ts.length; j++) set.add(`${ts[j]} ${ts[j + 1]}`);
      }
      pairsOf.set(ci, set);
    }
    return set;
  };

  const topicTerms = new Map<string, string[]>();
  const topicTermsOf = (id: string): string[] => {
    let terms = topicTerms.get(id);
    if (!terms) {
      const entry = bankEntry(k, id);
      terms = entry ? [...new Set(maker.terms([entry.questions[0], ...entry.keywords].join(' '), { typos: false }))] : [];
      if (topicTerms.size > 5_000) topicTerms.clear();
      topicTerms.set(id, terms);
    }
    return terms;
  };

  function retrieve(q: RetrievalQuery): Retrieval {
    const cues = questionCues(q.text);
    const typed = maker.terms(q.text);
    const ordered = typed.map(correct);
    const terms = [...new Set(ordered)];
    // A word read as another ("scarf" as "scarce") is a guess: what it matches counts for less.
    const guessed = new Set(ordered.filter((t, i) => t !== typed[i] && !typed.includes(t)));
    const rarityOf = guessed.size === 0 ? idf : (t: string) => idf(t) * (guessed.has(t) ? TYPO_WEIGHT : 1);
    if (terms.length === 0) return { others: [], cues, terms, information: 0, typedKnown: false };
    const typedKnown = terms.some((t) => !guessed.has(t) && docFreq.has(t));
    // A word no answer uses can't be matched; it still counts, at UNSEEN_WEIGHT, against confidence.
    const weightOfAll = terms.reduce((s, t) => s + rarityOf(t) * (docFreq.has(t) ? 1 : UNSEEN_WEIGHT), 0);
    // Every text sharing a term with the question, in the order first matched (index.search's
    // order is by BM25 score, ties in this order): each scored and weighed below, per candidate
    // the best score and the best confidence of its texts, as before; then the best four are
    // picked without sorting them all (a long question matches most of the bank).
    const m = index.matchAll(terms.join(' '), FIELD_BOOST);
    const context = q.context ?? [];
    const gen = nextGeneration();
    // This question's services, context and cues as marks over the candidates' numbered services and kinds.
    for (const s of q.services) if (serviceNumber.has(s)) askedMark[serviceNumber.get(s)!] = gen;
    for (const s of q.services) for (const r of relatedOf.get(s) ?? []) relatedMark[r] = gen;
    for (const s of context) if (serviceNumber.has(s)) contextMark[serviceNumber.get(s)!] = gen;
    let cueBits = 0;
    for (const kind of cues) cueBits |= kindBit(kind);
    const askedAspect = q.aspect ? (aspectNumber.get(q.aspect) ?? -2) : -1;
    const pickOneSided = q.pick === true && context.length >= 2;
    const excluded = q.exclude !== undefined ? candidateById(q.exclude) : -1;
    let seenCount = 0;
    const info = Math.min(1, weightOfAll / INFO_FULL);
    // Each distinct query term's rarity, in query order: a result's matched rarity adds them up in that order.
    const distinctIdf = Float64Array.from(m.distinct, rarityOf);
    const wideIdf = new Map<number, number>();
    for (let i = 0; i < m.count; i++) {
      const doc = m.docs[i]!;
      const ci = candidateOfDoc[doc]!;
      if (ci === excluded) continue;
      const raw = m.scores[i]!;
      const key = m.keys[i]!;
      let matched = 0;
      if (!m.wide) {
        for (let bits = key; bits !== 0; bits &= bits - 1) matched += distinctIdf[31 - Math.clz32(bits & -bits)]!;
      } else {
        const known = wideIdf.get(key);
        matched = known ?? m.termsOf(key).reduce((s, t) => s + rarityOf(t), 0);
        if (known === undefined) wideIdf.set(key, matched);
      }
      const coverage = matched / weightOfAll;
      const first = candMark[ci] !== gen;
      if (first) weighCandidate(ci, q.services.length, context.length, gen, pickOneSided, cueBits, askedAspect);
      const weight = candWeight[ci]!;
      const ownWeight = weightOfDoc[doc]!;
      const docCoverage = ownWeight > 0 ? Math.min(1, matched / ownWeight) : 0;
      const score = raw * weight * (1 - DOC_COVERAGE_WEIGHT + DOC_COVERAGE_WEIGHT * docCoverage);
      const confidence = Math.min(1, coverage * weight * info);
      if (first) {
        candMark[ci] = gen;
        candScore[ci] = score;
        candConfidence[ci] = confidence;
        candRaw[ci] = raw;
        candFirst[ci] = i;
        seen[seenCount++] = ci;
      } else {
        if (score > candScore[ci]!) candScore[ci] = score;
        if (confidence > candConfidence[ci]!) candConfidence[ci] = confidence;
        // Where the candidate first appears in search's order: its best-scored text, ties first matched.
        if (raw > candRaw[ci]!) {
          candRaw[ci] = raw;
          candFirst[ci] = i;
        }
      }
    }
    if (q.topic) {
      // A follow-up ("can I turn it off later?" after enabling versioning): answers that share the
      // last answer's words rank higher, among those the question itself matches.
      const topicTerms = topicTermsOf(q.topic);
      const topicCandidate = candidateById(q.topic);
      if (topicTerms.length > 0) {
        const related = index.matchAll(topicTerms.join(' '), FIELD_BOOST);
        // Each matched candidate is raised once, by its best-scored related text, relative to the best of all.
        let top = 0;
        const relGen = nextGeneration();
        for (let i = 0; i < related.count; i++) {
          const r = related.scores[i]!;
          if (i === 0 || r > top) top = r;
          const ci = candidateOfDoc[related.docs[i]!]!;
          if (candMark[ci] !== gen && candMark[ci] !== relGen) continue;
          if (candMark[ci] === gen) {
            candMark[ci] = relGen;
            candRelated[ci] = r;
          } else if (r > candRelated[ci]!) candRelated[ci] = r;
        }
        for (let j = 0; j < seenCount; j++) {
          const ci = seen[j]!;
          if (candMark[ci] === relGen) {
            candScore[ci] = candScore[ci]! * (1 + TOPIC_WEIGHT * (candRelated[ci]! / top)) * (ci === topicCandidate ? TOPIC_SELF : 1);
            candMark[ci] = gen;
          }
        }
      }
    }
    // The best four, in the order a stable sort by score, then confidence, both descending, puts
    // them, with candidates in the order they first appear in search's order.
    const before = (a: number, b: number) =>
      candScore[a]! !== candScore[b]! ? candScore[a]! > candScore[b]! : candConfidence[a]! !== candConfidence[b]! ? candConfidence[a]! > candConfidence[b]! : candRaw[a]! !== candRaw[b]! ? candRaw[a]! > candRaw[b]! : candFirst[a]! < candFirst[b]!;
    const top: number[] = [];
    for (let j = 0; j < seenCount; j++) {
      const ci = seen[j]!;
      if (top.length === SHORTLIST && !before(ci, top[SHORTLIST - 1]!)) continue;
      let at = Math.min(top.length, SHORTLIST - 1);
      if (top.length < SHORTLIST) top.push(ci);
      while (at > 0 && before(ci, top[at - 1]!)) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = ci;
    }
    // Word pairs of the question found in a shortlisted candidate's phrasings ("too many connections",
    // "origin access control") raise it: the words in that order, not merely somewhere.
    const pairs: string[] = [];
    for (let j = 0; j + 1 < ordered.length; j++) if (ordered[j] !== ordered[j + 1]) pairs.push(`${ordered[j]} ${ordered[j + 1]}`);
    if (pairs.length > 0 && top.length > 1) {
      let changed = false;
      for (const ci of top) {
        const own = candidatePairs(ci);
        const found = pairs.filter((p) => own.has(p)).length;
        if (found > 0) {
          candScore[ci] = candScore[ci]! * (1 + PAIR_WEIGHT * Math.min(found, MAX_PAIRS));
          changed = true;
        }
      }
      if (changed) top.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    }
    // A guess led by its raw score ("is direct connect encrypted by default?" led by S3's "is it
    // encrypted by default") yields to a shortlisted answer at least twice as sure, scoring close,
    // first about a service the question names or the conversation is about, and fitting them better.
    if (top.length > 1 && candConfidence[top[0]!]! < LEAD_AT) {
      const lead = top[0]!;
      const surer = top.findIndex((ci, j) => j > 0 && mainFits(ci, gen) && candWeight[ci]! > candWeight[lead]! && candConfidence[ci]! >= LEAD_AT && candConfidence[ci]! >= SURER_BY * candConfidence[lead]! && candScore[ci]! >= SURER_SCORE_SHARE * candScore[lead]!);
      if (surer > 0) top.unshift(...top.splice(surer, 1));
    }
    top.length = Math.min(top.length, 4);
    const [best, ...rest] = top.map((ci): Match => ({ candidate: candidates[ci]!, score: candScore[ci]!, confidence: candConfidence[ci]! }));
    if (best && rest[0] && rest[0].score > best.score * NEAR_EQUAL && rest[0].candidate.type === best.candidate.type) {
      // Two near-equal answers: less sure of either.
      best.confidence *= 0.92;
    } else if (best && (!rest[0] || best.score >= CLEAR_LEAD * rest[0].score)) {
      // One answer far ahead of every other: surer of it.
      best.confidence = Math.min(1, best.confidence * CLEAR_LEAD_BONUS);
    }
    return { best, others: rest, cues, terms, information: weightOfAll, typedKnown };
  }

  return { retrieve, size: candidates.length };
}
