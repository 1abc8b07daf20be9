/**
 * The stem table the build saves (dist/stems.txt, scripts/build-snapshots.mjs) stands in for
 * natural's Porter stemmer at start-up, so every stem in it must be the stemmer's own, and it must
 * hold the words that building the need matcher and training the intent classifier stem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { STOPWORDS } from '../../../src/core/understanding/language.js';
import { foldAccents, tokenize } from '../../../src/core/understanding/text.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';

const file = new URL('../../../dist/stems.txt', import.meta.url);
const porter = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(t: string): string };
const naturalVersion = (createRequire(import.meta.url)('natural/package.json') as { version: string }).version;

describe.runIf(existsSync(file))('the saved stem table', () => {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const saved = { natural: head!.split('\t')[1], stems: Object.fromEntries(lines.map((l) => l.split('\t') as [string, string])) };

  it('was made with the installed natural and gives its stems, word for word', () => {
    expect(head!.split('\t')[0]).toBe('natural');
    expect(saved.natural).toBe(naturalVersion);
    const words = Object.keys(saved.stems);
    expect(words.length).toBeGreaterThan(1000);
    const wrong = words.filter((w) => saved.stems[w] !== porter.stem(foldAccents(w)));
    expect(wrong).toEqual([]);
  });

  it('is sorted, one word per line, so that a binary search finds every word', async () => {
    // The compiled module, which reads the table next to it (dist/stems.txt).
    const { savedStem } = (await import(new URL('../../../dist/core/understanding/text.js', import.meta.url).href)) as { savedStem(w: string): string | undefined };
    const words = lines.map((l) => l.split('\t')[0]!);
    expect(lines.every((l) => l.split('\t').length === 2)).toBe(true);
    expect(words.every((w, i) => i === 0 || words[i - 1]! < w)).toBe(true);
    // The lookup the bot uses finds each word (first, last and all between) and nothing else.
    const lost = words.filter((w) => savedStem(w) !== saved.stems[w]);
    expect(lost).toEqual([]);
    for (const absent of ['', 'zzzzzzzz', '0', 'aaaa-not-a-word', `${words[0]}x`, words.at(-1)! + 'q']) {
      if (!Object.hasOwn(saved.stems, absent)) expect(savedStem(absent)).toBeUndefined();
    }
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
