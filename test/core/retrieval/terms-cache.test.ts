/**
 * The build-time terms cache (dist/retrieval-terms.json) changes nothing but start-up time: the
 * terms it holds are exactly those computed at run time, and knowledge it does not match is
 * indexed from scratch.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../src/core/understanding/lexicon.js';
import { computeTermsCache, createRetriever } from '../../../src/core/retrieval/retriever.js';
import { decodeTermsCache, encodeTermsCache, type SavedTermCounts, type TermsCache } from '../../../src/core/retrieval/terms-cache.js';
import { realKnowledge } from '../../helpers/knowledge.js';

describe('the precomputed retrieval terms', () => {
  it('are what the retriever computes, with a fingerprint that changes with the knowledge', () => {
    const k = realKnowledge();
    const a = computeTermsCache(k, buildLexicon(k));
    expect(a.terms.length).toBeGreaterThan(k.bank.length);
    const changed = { ...k, bank: [...k.bank.slice(1)] };
    const b = computeTermsCache(changed, buildLexicon(changed));
    expect(b.fingerprint).not.toBe(a.fingerprint);
    const synonyms = { ...k, synonyms: [...k.synonyms, { to: 'zzz', from: ['qqq'] }] };
    expect(computeTermsCache(synonyms, buildLexicon(synonyms)).fingerprint).not.toBe(a.fingerprint);
  });

  it('the built files match the knowledge in intents/ (npm run build writes them)', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const file = new URL('../../../dist/retrieval-terms.json', import.meta.url);
    const binary = new URL('../../../dist/retrieval-terms.bin', import.meta.url);
    expect(existsSync(file) && existsSync(binary)).toBe(true);
    const { origin, ...built } = decodeTermsCache(JSON.parse(readFileSync(file, 'utf8')), readFileSync(binary));
    const k = realKnowledge();
    const base64 = (x: string | Int32Array) => (typeof x === 'string' ? x : Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64'));
    // Each text's terms read back one at a time (as a question reads them), from last to first.
    const terms = Array.from({ length: built.terms.length }, (_, i) => built.terms.at(built.terms.length - 1 - i)!).reverse();
    expect(built.terms.at(built.terms.length)).toBeUndefined();
    // Frequencies and weights are read as numbers: as pairs and an array they are what is computed.
    const counts = built.docFreq as SavedTermCounts;
    const docFreq = Array.from(counts.order, (t, i) => [built.index!.terms[t], counts.counts[i]]);
    expect({ ...built, terms, docFreq, docWeight: Array.from(built.docWeight!), index: { ...built.index!, offsets: base64(built.index!.offsets), postings: base64(built.index!.postings) } }).toEqual(computeTermsCache(k, buildLexicon(k)));
    // Marked with the knowledge snapshot it goes with: knowledge loaded from that snapshot skips the fingerprint.
    expect(typeof origin).toBe('string');
  });

  it('round-trips through its binary form, and a damaged binary file is refused', () => {
    const k = realKnowledge();
    const cache = computeTermsCache(k, buildLexicon(k));
    const encoded = encodeTermsCache(cache)!;
    const back = decodeTermsCache(JSON.parse(JSON.stringify(encoded.meta)), encoded.binary);
    const k2 = realKnowledge();
    const lexicon = buildLexicon(k2);
    const ask = (r: ReturnType<typeof createRetriever>) => r.retrieve({ text: 'how long does sqs keep messages', services: [] }).best;
    expect(ask(createRetriever(k2, lexicon, back))).toEqual(ask(createRetriever(k2, lexicon, null)));
    // Frequencies read as term numbers are really used, and refused when a term is numbered twice.
    const { order, counts } = back.docFreq as SavedTermCounts;
    const askFull = (r: ReturnType<typeof createRetriever>) => r.retrieve({ text: 'how long does sqs keep messages', services: [] });
    const fresh = askFull(createRetriever(k2, lexicon, null));
    const scores = (r: ReturnType<typeof askFull>) => [r.best?.score, r.others.map((m) => m.score)];
    expect(scores(askFull(createRetriever(k2, lexicon, { ...back, docFreq: { order, counts: counts.map((n) => n + 3) } })))).not.toEqual(scores(fresh));
    const twice = Int32Array.from(order);
    twice[1] = twice[0]!;
    expect(scores(askFull(createRetriever(k2, lexicon, { ...back, docFreq: { order: twice, counts } })))).toEqual(scores(fresh));
    expect(() => decodeTermsCache(encoded.meta, encoded.binary.subarray(0, encoded.binary.length - 1))).toThrow(/wrong size/);
    // Line starts out of order (the first text claiming the second's start) are refused too.
    const numbers = encoded.binary.length - encoded.meta.binary.bytes;
    const shuffled = Buffer.from(encoded.binary);
    const startsAt = numbers - 4 * (encoded.meta.binary.texts + 1);
    shuffled.writeInt32LE(shuffled.readInt32LE(startsAt + 8), startsAt + 4);
    expect(() => decodeTermsCache(encoded.meta, shuffled)).toThrow(/line starts/);
    // Read through a source that counts its reads: the numbers at once, then only the lines asked for.
    const reads: number[] = [];
    const lazy = decodeTermsCache(encoded.meta, { size: encoded.binary.length, read: (at, n) => (reads.push(n), encoded.binary.subarray(at, at + n)) });
    expect(reads).toEqual([numbers]);
    expect(lazy.terms.at(5)).toBe(cache.terms[5]);
    expect(lazy.terms.at(5)).toBe(cache.terms[5]);
    expect(reads.length).toBe(2);
  });
});

/** The same postings with the first document number out of range. */
function outOfRange(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const ints = new Int32Array(new Uint8Array(bytes).buffer);
  ints[0] = 1e9;
  return Buffer.from(ints.buffer).toString('base64');
}

describe('the saved retrieval index', () => {
  const questions = [
    'how long does sqs keep messages',
    'lambda task timed out after 900 seconds',
    'does it support login with googel?',
    'AccessDenied when calling PutObject on my bucket',
    'max item size dynamodb',
    'how do i put api.mycompany.com on our api gateway',
  ];
  const answers = (r: ReturnType<typeof createRetriever>) =>
    questions.map((text) => {
      const got = r.retrieve({ text, services: [] });
      return [got.terms, got.best?.candidate.id, got.best?.score, got.best?.confidence, got.others.map((m) => [m.candidate.id, m.score, m.confidence])];
    });

  it('answers exactly as an index built from scratch; a damaged or foreign one is not used', () => {
    const k = realKnowledge();
    const lexicon = buildLexicon(k);
    const saved = computeTermsCache(k, lexicon);
    const fresh = answers(createRetriever(k, lexicon, null));
    expect(answers(createRetriever(k, lexicon, saved))).toEqual(fresh);
    // It is really what is used: altered (but well-formed) frequencies change the scores.
    const altered: TermsCache = { ...saved, docFreq: saved.docFreq!.map(([t, n]) => [t, n + 3] as [string, number]) };
    expect(answers(createRetriever(k, lexicon, altered))).not.toEqual(fresh);
    const damaged: TermsCache[] = [
      { ...saved, index: { ...saved.index!, lengths: [] } },
      { ...saved, index: { ...saved.index!, terms: saved.index!.terms.slice(1) } },
      { ...saved, index: { ...saved.index!, postings: outOfRange(saved.index!.postings as string) } },
      { ...saved, index: { ...saved.index!, postings: saved.index!.postings.slice(0, 12) } },
      { ...saved, docFreq: [['sqs', -1]] },
      { ...saved, index: undefined },
      { ...saved, terms: saved.terms.slice(1) },
    ];
    for (const cache of damaged) expect(answers(createRetriever(k, lexicon, cache))).toEqual(fresh);
    // Made for other knowledge: its fingerprint differs, so it is ignored.
    const other = { ...k, bank: k.bank.slice(1) };
    expect(answers(createRetriever(k, lexicon, computeTermsCache(other, buildLexicon(other))))).toEqual(fresh);
  });
});
