/**
 * The intent classifier computes natural's BayesClassifier model itself (so that a recommendation
 * does not load natural's classifier module at start-up): its probabilities must be natural's own,
 * on every labelled question of test/eval/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { features, MAX_FEATURES, NaiveBayes, trainIntentClassifier } from '../../../src/core/understanding/intent-classifier.js';
import { cleanMessage, tokenize } from '../../../src/core/understanding/text.js';
import { realKnowledge } from '../../helpers/knowledge.js';

type Natural = { addExample(o: object, l: string): void; getClassifications(o: object): { label: string; value: number }[] };
const BayesClassifier = createRequire(import.meta.url)('natural/lib/natural/classifiers/bayes_classifier.js') as new () => { classifier: Natural };

describe('the intent classifier', () => {
  const k = realKnowledge();
  const ours = new NaiveBayes();
  const theirs = new BayesClassifier().classifier;
  const known = new Set<string>();
  for (const file of k.training)
    for (const phrase of file.phrases) {
      const f = features(tokenize(phrase));
      if (f.length === 0) continue;
      f.forEach((x) => known.add(x));
      ours.addExample(f, file.intent);
      theirs.addExample({ ...f }, file.intent);
    }
  const dir = new URL('../../eval/', import.meta.url);
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));

  it('gives natural BayesClassifier\'s classifications, value for value, on every labelled question', () => {
    expect(texts.length).toBeGreaterThan(1000);
    for (const text of texts) {
      const f = features(tokenize(cleanMessage(text))).filter((x) => known.has(x)).slice(0, MAX_FEATURES);
      expect(ours.classifications(f), text).toEqual(theirs.getClassifications({ ...f }));
    }
  });

  it('ranks greetings, help and recommendations as trained', () => {
    const c = trainIntentClassifier(k);
    expect(c.classify(tokenize('hello there'))[0]!.intent).toBe('greeting');
    expect(c.classify(tokenize('what can you do'))[0]!.intent).toBe('help');
    expect(c.classify(tokenize('where should i store nightly database backups'))[0]!.intent).toBe('recommend');
  });
});
