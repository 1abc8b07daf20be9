/**
 * The build-time terms cache (dist/retrieval-terms.json) changes nothing but start-up time: the
 * terms it holds are exactly those computed at run time, and knowledge it does not match is
 * indexed from scratch.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/core/understanding/lexicon.js';
import { computeTermsCache } from '../../src/core/retrieval/retriever.js';
import { realKnowledge } from '../helpers/knowledge.js';

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

  it('the built file matches the knowledge in intents/ (npm run build writes it)', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const file = new URL('../../dist/retrieval-terms.json', import.meta.url);
    expect(existsSync(file)).toBe(true);
    const built = JSON.parse(readFileSync(file, 'utf8'));
    const k = realKnowledge();
    expect(built).toEqual(computeTermsCache(k, buildLexicon(k)));
  });
});
