/**
 * The lexicon saved at build time (dist/lexicon.json) changes nothing but start-up time: restored,
 * it is the lexicon compiled from the knowledge, table for table; it is used only for the knowledge
 * snapshot it was made from.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicon, compileLexicon, restoreLexicon, saveLexicon } from '../../../src/core/understanding/lexicon.js';
import { realKnowledge } from '../../helpers/knowledge.js';

describe('the saved lexicon', () => {
  it('restores to exactly the compiled lexicon', () => {
    const k = realKnowledge();
    const compiled = compileLexicon(k);
    const restored = restoreLexicon(k, JSON.parse(JSON.stringify(saveLexicon(k, compiled))));
    for (const key of Object.keys(compiled) as (keyof typeof compiled)[]) expect(restored[key]).toEqual(compiled[key]);
    // Outside terms are the knowledge's own objects.
    const outside = [...restored.phrases.values()].find((t) => t.kind === 'outside');
    expect(k.outside).toContain(outside?.term);
  });

  it('is not used for knowledge that did not come from the snapshot', () => {
    const k = realKnowledge();
    expect(Object.getOwnPropertyDescriptor(buildLexicon(k), 'fuzzyDeletes')?.get).toBeUndefined();
  });
});
