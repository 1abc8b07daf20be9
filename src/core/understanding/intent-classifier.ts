/**
 * A naive Bayes intent classifier (natural's BayesClassifier) trained at start-up from the
 * phrases in intents/training/. It weighs the intents that name no service: greeting, help,
 * list_services, recommend (asking for a service in general terms), out_of_scope. Which need a
 * recommendation is about is the need matcher's job, not this one's.
 */
import { createRequire } from 'node:module';
import type BayesClassifierType from 'natural/lib/natural/classifiers/bayes_classifier.js';
import type { Knowledge } from '../../knowledge/load.js';
import type { Intent } from '../../knowledge/schema.js';
import { stem, tokenize } from './text.js';

export interface IntentScore {
  intent: Intent;
  p: number;
}

/** Words that appear in one intent's phrases and in no other's ("bye" for greeting, "catalog" for list_services). */
export function distinctiveWords(k: Knowledge, intent: Intent): Set<string> {
  const others = new Set(k.training.filter((t) => t.intent !== intent).flatMap((t) => t.phrases.flatMap((p) => tokenize(p))));
  return new Set(
    k.training
      .filter((t) => t.intent === intent)
      .flatMap((t) => t.phrases.flatMap((p) => tokenize(p)))
      .filter((w) => !others.has(w)),
  );
}

export interface IntentClassifier {
  /** Probabilities (summing to 1) for each trained intent, best first. */
  classify(tokens: readonly string[]): IntentScore[];
  /** Stems seen in training. */
  readonly known: ReadonlySet<string>;
}

/** Features: stems, plus stem bigrams so "what can you do" differs from "what can S3 do". */
function features(tokens: readonly string[]): string[] {
  const stems = tokens.map(stem);
  const out = [...new Set(stems)];
  for (let i = 0; i + 1 < stems.length; i++) out.push(`${stems[i]}_${stems[i + 1]}`);
  return out;
}

const MAX_FEATURES = 48;

const requireCjs = createRequire(import.meta.url);

/**
 * Trains on first use: questions that name a service never need it, so `awsbot ask "s3 vs ec2"`
 * does not pay for loading natural's classifier and training it.
 */
export function trainIntentClassifier(k: Knowledge): IntentClassifier {
  let trained: IntentClassifier | undefined;
  const get = () => (trained ??= train(k));
  return {
    get known() {
      return get().known;
    },
    classify: (tokens) => get().classify(tokens),
  };
}

function train(k: Knowledge): IntentClassifier {
  const BayesClassifier = requireCjs('natural/lib/natural/classifiers/bayes_classifier.js') as typeof BayesClassifierType;
  const model = new BayesClassifier().classifier;
  const known = new Set<string>();
  const add = (phrase: string, intent: Intent) => {
    const f = features(tokenize(phrase));
    if (f.length === 0) return;
    f.forEach((x) => known.add(x));
    model.addExample({ ...f }, intent);
  };
  for (const file of k.training) for (const phrase of file.phrases) add(phrase, file.intent);

  return {
    known,
    classify(tokens) {
      const f = features(tokens)
        .filter((x) => known.has(x))
        .slice(0, MAX_FEATURES);
      // Divide out the class prior: the recommend class has many more phrases (every need's), and
      // its size must not decide short or vague messages.
      const raw = model.getClassifications({ ...f }).map((r) => ({ label: r.label, value: r.value / (model.classTotals[r.label]! / model.totalExamples) }));
      const sum = raw.reduce((a, r) => a + r.value, 0);
      return raw
        .map((r) => ({ intent: r.label as Intent, p: sum > 0 ? r.value / sum : 1 / raw.length }))
        .sort((a, b) => b.p - a.p);
    },
  };
}
