/**
 * What retrieval can answer with: every answer-bank entry and every profile fact, each with the
 * services it concerns and the texts that stand for it in the index.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { AnswerKindName, BankEntry } from '../../knowledge/answer-bank-schema.js';
import { ASPECTS } from '../../knowledge/names.js';
import type { Aspect, Fact } from '../../knowledge/schema.js';

export type Candidate =
  | { type: 'entry'; id: string; kind: AnswerKindName; services: readonly string[]; entry: BankEntry }
  | { type: 'fact'; id: string; kind: 'fact'; services: readonly string[]; aspect: Aspect; fact: Fact };

export interface IndexedText {
  /** Index of the candidate this text stands for. */
  candidate: number;
  /** "q": the phrasings of the question; "x": an answer's own words (lead, keywords, a fact). */
  field: 'q' | 'x';
  text: string;
}

/**
 * Words a question uses for each aspect that a fact's own sentence rarely contains ("max size" for
 * "A secret value is limited to 65,536 bytes"): indexed with the fact, at the answer field's weight.
 */
const ASPECT_TAGS: Record<(typeof ASPECTS)[number], string> = {
  pricing: 'cost price billed',
  use_cases: 'use for',
  features: 'support',
  scalability: 'scale',
  management: 'manage',
  durability: 'availability durability',
  security: 'security access',
  performance: 'performance latency throughput',
  limits: 'maximum limit size quota',
};

/**
 * A stored text whose words are put together when first read: with the terms saved at build time,
 * start-up never needs them.
 */
class LazyText implements IndexedText {
  private made: string | undefined;
  constructor(
    readonly candidate: number,
    readonly field: 'q' | 'x',
    private readonly make: () => string,
  ) {}
  get text(): string {
    return (this.made ??= this.make());
  }
}

export function collectCandidates(k: Knowledge): { candidates: Candidate[]; texts: IndexedText[] } {
  const candidates: Candidate[] = [];
  const texts: IndexedText[] = [];
  for (const entry of k.bank) {
    const c = candidates.push({ type: 'entry', id: entry.id, kind: entry.kind, services: entry.services, entry }) - 1;
    texts.push(new LazyText(c, 'q', () => entry.questions.join(' . ')));
    texts.push(new LazyText(c, 'x', () => [...entry.keywords, ...entry.keywords, entry.lead].join(' . ')));
  }
  for (const profile of k.profiles.values()) {
    for (const aspect of ASPECTS) {
      profile.aspects[aspect].facts.forEach((fact, i) => {
        const c = candidates.push({ type: 'fact', id: `${profile.id}/${aspect}/${i}`, kind: 'fact', services: [profile.id], aspect, fact }) - 1;
        texts.push(new LazyText(c, 'x', () => `${fact.text} . ${ASPECT_TAGS[aspect]}`));
      });
    }
  }
  return { candidates, texts };
}
