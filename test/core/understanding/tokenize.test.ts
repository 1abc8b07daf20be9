/**
 * tokenizeClauses skips its regular expressions where they cannot match (a one-space gap, a token
 * without apostrophes or a letter thrice in a row, plain words one space apart); the tokens and clause starts are exactly those
 * of the plain version, here as the reference, on arbitrary text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeClauses } from '../../../src/core/understanding/text.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CLAUSE_BREAK = /[,;:?!.…—–()|]|\s-\s/;
function reference(text: string): { tokens: string[]; clauseStart: boolean[] } {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  const clauseStart: boolean[] = [];
  let last = 0;
  for (const m of lower.matchAll(WORD)) {
    clauseStart.push(tokens.length === 0 || CLAUSE_BREAK.test(lower.slice(last, m.index)));
    tokens.push(m[0].replace(/['’]/g, '').replace(/(\p{L})\1{2,}/gu, '$1'));
    last = m.index + m[0].length;
  }
  if (lower.includes('$')) {
    tokens.push('$');
    clauseStart.push(true);
  }
  return { tokens, clauseStart };
}

describe('tokenizeClauses', () => {
  it('gives the plain version’s tokens and clause starts', () => {
    for (const text of ["sooo slooow, what's up?", 'aaa 111 ßßß 𝒜𝒜𝒜 x - y', "don’t  stop ... ok", 'ÉÉÉ is it', '😀😀😀 s3', '', 'amazon s3', 'Amazon Elastic Compute Cloud', 'aaa ok', 'ec2 1111', 'one  two', ' lead', 'tail ']) expect(tokenizeClauses(text)).toEqual(reference(text));
    const pieces = fc.constantFrom('a', 'o', 'S', '3', "'", '’', ' ', '  ', ',', '-', ' - ', '?', 'é', 'ß', '𝒜', '😀', '$', 'ｓ');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), (parts, noise) => {
      const text = parts.join('') + noise;
      expect(tokenizeClauses(text)).toEqual(reference(text));
    }), { numRuns: 3000 });
  });
});
