/**
 * The stem table the build saves (dist/stems.json, scripts/build-snapshots.mjs) stands in for
 * natural's Porter stemmer at start-up, so every stem in it must be the stemmer's own, and it must
 * hold the words that building the need matcher and training the intent classifier stem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { STOPWORDS } from '../../../src/core/understanding/language.js';
import { foldAccents, tokenize } from '../../../src/core/understanding/text.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';

const file = new URL('../../../dist/stems.json', import.meta.url);
const porter = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(t: string): string };
const naturalVersion = (createRequire(import.meta.url)('natural/package.json') as { version: string }).version;

describe.runIf(existsSync(file))('the saved stem table', () => {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { natural: string; stems: Record<string, string> };

  it('was made with the installed natural and gives its stems, word for word', () => {
    expect(saved.natural).toBe(naturalVersion);
    const words = Object.keys(saved.stems);
    expect(words.length).toBeGreaterThan(1000);
    const wrong = words.filter((w) => saved.stems[w] !== porter.stem(foldAccents(w)));
    expect(wrong).toEqual([]);
  });

  it('holds every word of the training phrases and every content word of the needs', () => {
    const k = loadKnowledge();
    const words = new Set([
      ...k.training.flatMap((t) => t.phrases.flatMap((p) => tokenize(p))),
      ...k.needs.flatMap((n) => [...n.phrases, n.label, ...n.keywords].flatMap((p) => tokenize(p).filter((w) => !STOPWORDS.has(w)))),
    ]);
    const missing = [...words].filter((w) => !Object.hasOwn(saved.stems, w));
    expect(missing.slice(0, 20)).toEqual([]);
  });
});
