/**
 * A naive Bayes intent classifier (natural's BayesClassifier's model, see NaiveBayes) trained on first use from the
 * phrases in intents/training/. It weighs the intents that name no service: greeting, help,
 * list_services, recommend (asking for a service in general terms), out_of_scope. Which need a
 * recommendation is about is the need matcher's job, not this one's.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Intent } from '../../knowledge/schema.js';
import { stem, tokenize } from './text.js';

export interface IntentScore {
  intent: Intent;
  p: number;
}

/** Every training phrase's tokens with its intent, tokenized once per knowledge (training and the greeting words both read them). */
const tokenizedTraining = new WeakMap<Knowledge, { intent: Intent; tokens: string[] }[]>();
function trainingTokens(k: Knowledge): { intent: Intent; tokens: string[] }[] {
  let out = tokenizedTraining.get(k);
  if (!out) {
    out = k.training.flatMap((t) => t.phrases.map((p) => ({ intent: t.intent, tokens: tokenize(p) })));
    tokenizedTraining.set(k, out);
  }
  return out;
}

/** Words that appear in one intent's phrases and in no other's ("bye" for greeting, "catalog" for list_services). */
export function distinctiveWords(k: Knowledge, intent: Intent): Set<string> {
  const mine = new Set<string>();
  const others = new Set<string>();
  for (const t of trainingTokens(k)) for (const w of t.tokens) (t.intent === intent ? mine : others).add(w);
  return new Set([...mine].filter((w) => !others.has(w)));
}

export interface IntentClassifier {
  /** Probabilities (summing to 1) for each trained intent, best first. */
  classify(tokens: readonly string[]): IntentScore[];
  /** Stems seen in training. */
  readonly known: ReadonlySet<string>;
}

/** Features: stems, plus stem bigrams so "what can you do" differs from "what can S3 do". */
export function features(tokens: readonly string[]): string[] {
  const stems = tokens.map(stem);
  const out = [...new Set(stems)];
  for (let i = 0; i + 1 < stems.length; i++) out.push(`${stems[i]}_${stems[i + 1]}`);
  return out;
}

export const MAX_FEATURES = 48;

/**
 * Trains on first use: questions that name a service never need it, so `awsbot ask "s3 vs ec2"`
 * does not pay for training it.
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

/**
 * Naive Bayes with the counts and smoothing of natural's BayesClassifier (apparatus) given sparse
 * observations, computed here:
 * loading natural's classifier module costs a recommendation ~30 ms of start-up, more than training.
 * test/core/understanding/intent-classifier.test.ts checks the probabilities against natural's own
 * on every labelled question.
 */
export class NaiveBayes {
  private readonly features = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly examples = 1; // as natural: start at one to smooth
  constructor(private readonly smoothing = 1) {}

  addExample(observation: readonly string[], label: string): void {
    let counts = this.features.get(label);
    if (!counts) {
      counts = new Map();
      this.features.set(label, counts);
      this.totals.set(label, 1);
    }
    // natural counts examples only for dense (array) observations; for the sparse ones the bot has
    // always given it, totals stay at their smoothing 1, so a class scores the product of its
    // features' counts. Kept as is: the readings were measured with exactly this model.
    for (const f of observation) counts.set(f, counts.has(f) ? counts.get(f)! + 1 : 1 + this.smoothing);
  }

  /** Each label's P(label) * P(observation | label), labels in the order first trained, then best first. */
  classifications(observation: readonly string[]): { label: string; value: number }[] {
    const out: { label: string; value: number }[] = [];
    for (const [label, counts] of this.features) {
      const total = this.totals.get(label)!;
      let prob = 0;
      for (const f of observation) prob += Math.log((counts.get(f) || this.smoothing) / total);
      out.push({ label, value: (total / this.examples) * Math.exp(prob) });
    }
    return out.sort((x, y) => y.value - x.value);
  }

  /** P(label): its examples (plus one for smoothing) over all. */
  prior(label: string): number {
    return this.totals.get(label)! / this.examples;
  }
}

function train(k: Knowledge): IntentClassifier {
  const model = new NaiveBayes();
  const known = new Set<string>();
  for (const { intent, tokens } of trainingTokens(k)) {
    const f = features(tokens);
    if (f.length === 0) continue;
    f.forEach((x) => known.add(x));
    model.addExample(f, intent);
  }

  return {
    known,
    classify(tokens) {
      const f = features(tokens)
        .filter((x) => known.has(x))
        .slice(0, MAX_FEATURES);
      // Divide out the class prior: the recommend class has many more phrases (every need's), and
      // its size must not decide short or vague messages.
      const raw = model.classifications(f).map((r) => ({ label: r.label, value: r.value / model.prior(r.label) }));
      const sum = raw.reduce((a, r) => a + r.value, 0);
      return raw
        .map((r) => ({ intent: r.label as Intent, p: sum > 0 ? r.value / sum : 1 / raw.length }))
        .sort((a, b) => b.p - a.p);
    },
  };
}
