/**
 * How a question becomes retrieval terms: "10 min" is minutes (not "min" for minimum), and a word
 * the bank never uses is read as a near one only when it keeps its first letter ("players" is no
 * misspelt "layers"; "encrpytion" is still encryption).
 */
import { describe, expect, it } from 'vitest';
import { createRetriever } from '../../../src/core/retrieval/retriever.js';
import { buildLexicon } from '../../../src/core/understanding/lexicon.js';
import { stem } from '../../../src/core/understanding/text.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const k = realKnowledge();
const retriever = createRetriever(k, buildLexicon(k), null);
const termsOf = (text: string) => retriever.retrieve({ text, services: [] }).terms;

describe('retrieval terms', () => {
  it('a number then "min" is minutes; "min" alone is a minimum', () => {
    expect(termsOf('scale out before the peak instead of reacting 10 min late')).toContain(stem('minutes'));
    expect(termsOf('scale out before the peak instead of reacting 10 min late')).not.toContain(stem('minimum'));
    expect(termsOf('what is the min memory for a function')).toContain(stem('minimum'));
  });

  it('an unknown word is corrected only to a word with the same first letter', () => {
    expect(termsOf('send players to the closest healthy one')).not.toContain(stem('layer'));
    expect(termsOf('encrpytion at rest')).toContain(stem('encryption'));
  });

  it('a word read as a near one counts for less: the same answer, less sure than when typed right', () => {
    const typed = retriever.retrieve({ text: 'sqs retention', services: ['sqs'] });
    const misspelt = retriever.retrieve({ text: 'sqs retension', services: ['sqs'] });
    expect(misspelt.terms).toEqual(typed.terms);
    expect(misspelt.best?.candidate.id).toBe(typed.best?.candidate.id);
    expect(misspelt.best!.confidence).toBeLessThan(typed.best!.confidence);
  });

  it('an irregular past form is read as its verb ("kept" meets "keep"), and a word named like an object property is just a word', () => {
    expect(termsOf('how long is data kept')).toContain(stem('keep'));
    expect(termsOf('the message was sent twice')).toContain(stem('send'));
    expect(termsOf('constructor tostring hasownproperty')).toEqual([stem('constructor'), stem('tostring'), stem('hasownproperty')]);
  });

  it('"being killed", "sunset" and "end of life" ask what "deprecated" asks; an instance killed for memory stays killed', () => {
    const deprecated = termsOf('is it deprecated')[0]!;
    for (const q of ['is app runner being killed', 'codecommit sunset date', 'end of life for cdk v1']) expect(termsOf(q), q).toContain(deprecated);
    expect(termsOf('container killed due to memory usage')).not.toContain(deprecated);
  });
});
