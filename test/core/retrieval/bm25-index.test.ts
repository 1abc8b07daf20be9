/**
 * The retrieval index answers exactly as MiniSearch does: same results, same order, scores equal
 * to the bit, same matched terms, for every channel question's terms over the real knowledge; a
 * saved and restored index answers the same; a damaged saved index is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type SavedBm25Index } from '../../../src/core/retrieval/bm25-index.js';
import { computeTermsCache } from '../../../src/core/retrieval/retriever.js';
import { collectCandidates } from '../../../src/core/retrieval/candidates.js';
import { buildLexicon } from '../../../src/core/understanding/lexicon.js';
import { createUnderstander } from '../../../src/core/understanding/understand.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const OPTIONS = { fields: ['q', 'x'], tokenize: (s: string) => (s ? s.split(' ') : []), processTerm: (t: string) => t || null };
const BOOST = { combineWith: 'OR' as const, boost: { q: 1, x: 0.5 } };

function documents() {
  const k = realKnowledge();
  const { texts } = collectCandidates(k);
  const { terms } = computeTermsCache(k, buildLexicon(k));
  return texts.map((t, i) => ({ id: i, q: t.field === 'q' ? terms[i]! : '', x: t.field === 'x' ? terms[i]! : '' }));
}

function queries(): string[] {
  const k = realKnowledge();
  const retriever = createUnderstander(k).retriever;
  const dir = join(__dirname, '../../eval/channel');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string));
  const out = texts.map((t) => retriever.retrieve({ text: t, services: [] }).terms.join(' '));
  // A repeated term, an unknown one, an empty query, a number.
  return [...out, 'timeout timeout lambda', 'zzzunknown', '', '15 minut'];
}

const plain = (r: SearchResult) => ({ id: r.id, score: r.score, queryTerms: [...r.queryTerms], terms: [...r.terms], match: r.match });

describe('the retrieval index', () => {
  const docs = documents();
  const mini = new MiniSearch(OPTIONS);
  const fast = new Bm25Index(OPTIONS);
  for (const d of docs) {
    mini.add(d);
    fast.add(d);
  }

  it('gives MiniSearch’s results, order and scores for every channel question', () => {
    let compared = 0;
    const differences: string[] = [];
    for (const q of queries()) {
      const want = mini.search(q, BOOST);
      const got = fast.search(q, BOOST);
      if (got.length !== want.length) differences.push(`${q}: ${got.length} results, MiniSearch ${want.length}`);
      got.forEach((r, i) => {
        const w = want[i];
        // Scores equal to the bit: Object.is, not toBeCloseTo.
        if (!w || r.id !== w.id || !Object.is(r.score, w.score) || r.queryTerms.join(' ') !== w.queryTerms.join(' '))
          differences.push(`${q} #${i}: ${JSON.stringify(plain(r))} vs ${JSON.stringify(w && plain(w))}`);
      });
      compared += got.length;
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(100_000);
    const sample = fast.search('lambda timeout maximum', BOOST).slice(0, 20).map(plain);
    expect(sample).toEqual(mini.search('lambda timeout maximum', BOOST).slice(0, 20).map(plain));
  }, 120_000);

  it('gives every result of a search, unsorted, through matchAll (scores to the bit, the same terms)', () => {
    const all = queries();
    // A query of more than 30 distinct terms keeps a list of terms per result rather than a bit mask.
    const wide = [...new Set(all.join(' ').split(' ').filter(Boolean))].slice(0, 45).join(' ');
    for (const q of [...all.slice(0, 200), wide]) {
      const want = fast.search(q, BOOST);
      const m = fast.matchAll(q, BOOST.boost);
      const got = Array.from({ length: m.count }, (_, i) => ({ i, id: fast.documentIds[m.docs[i]!], score: m.scores[i]!, queryTerms: m.termsOf(m.keys[i]!).join(' ') }));
      got.sort((a, b) => b.score - a.score || a.i - b.i);
      expect(got.map(({ id, score, queryTerms }) => ({ id, score, queryTerms }))).toEqual(want.map((r) => ({ id: r.id, score: r.score, queryTerms: r.queryTerms.join(' ') })));
    }
    expect(fast.matchAll(wide, BOOST.boost).wide).toBe(true);
  }, 120_000);

  it('hands other searches (prefix, AND) to MiniSearch itself', () => {
    for (const options of [{ prefix: true }, { combineWith: 'AND' as const }, { ...BOOST, fuzzy: 0.2 }]) {
      expect(fast.search('lambda timeout', options).map(plain)).toEqual(mini.search('lambda timeout', options).map(plain));
    }
  });

  it('answers the same after being saved and restored; refuses a damaged save', () => {
    const saved = JSON.parse(JSON.stringify(fast)) as SavedBm25Index;
    const restored = Bm25Index.fromJSON(saved, OPTIONS);
    for (const q of ['how long does sqs keep messag', 'lambda timeout maximum', 'bucket polici deni']) {
      expect(restored.search(q, BOOST).map(plain)).toEqual(fast.search(q, BOOST).map(plain));
    }
    expect(() => Bm25Index.fromJSON({ ...saved, lengths: saved.lengths.slice(1) }, OPTIONS)).toThrow();
    expect(() => Bm25Index.fromJSON({ ...saved, terms: [['x', [[5, 1, 3, 1], []]]] }, OPTIONS)).toThrow();
    expect(() => Bm25Index.fromJSON({ ...saved, fields: ['q'] }, OPTIONS)).toThrow();
    expect(() => Bm25Index.fromJSON(null as unknown as SavedBm25Index, OPTIONS)).toThrow();
  });

  it('answers the same after a compact save and restore (documents given on demand)', () => {
    const compact = JSON.parse(JSON.stringify(fast.toCompact()));
    let asked = 0;
    const restored = Bm25Index.fromCompact(compact, OPTIONS, () => (asked++, JSON.parse(JSON.stringify(fast)).docs));
    for (const q of ['how long does sqs keep messag', 'lambda timeout maximum', 'bucket polici deni']) {
      expect(restored.search(q, BOOST).map(plain)).toEqual(fast.search(q, BOOST).map(plain));
    }
    expect(asked).toBe(0);
    // A search MiniSearch answers needs the documents; a restored index saves as the original did.
    expect(restored.search('lambda timeout', { prefix: true }).map(plain)).toEqual(fast.search('lambda timeout', { prefix: true }).map(plain));
    expect(asked).toBe(1);
    expect(JSON.parse(JSON.stringify(restored))).toEqual(JSON.parse(JSON.stringify(fast)));
    expect(() => Bm25Index.fromCompact({ ...compact, lengths: compact.lengths.slice(1) }, OPTIONS, () => [])).toThrow();
    expect(() => Bm25Index.fromCompact({ ...compact, offsets: compact.postings }, OPTIONS, () => [])).toThrow();
  });
});
