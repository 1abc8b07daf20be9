/**
 * The answer bank's decision between two services ("kinesis data streams or firehose?"): the
 * decision entries weighing both, indexed by the pair on first use, and which of them answers a
 * question. Pure over the bank; no retrieval here (the caller passes what retrieval ranked).
 */
import type { BankEntry } from '../../knowledge/answer-bank-schema.js';
import { SUGGEST_AT, type Match } from '../retrieval/retriever.js';
import { STOPWORDS } from './language.js';
import { stem, tokenize } from './text.js';

export interface PairDecisions {
  /**
   * Of the decisions weighing both services, the one retrieval ranked (`ranked`, best first) with
   * some confidence; else, when `unranked` allows, the one whose phrasings share most words with
   * the question (service names included), then the one about fewest services. A question with
   * words of its own (`ownWords`: stemmed, names left out) takes only a decision that uses one.
   */
  decide(pair: readonly [string, string], ranked: readonly (Match | undefined)[], unranked: boolean, text: string, ownWords?: readonly string[]): BankEntry | undefined;
}

const contentStems = (text: string) => tokenize(text).filter((t) => !STOPWORDS.has(t)).map(stem);

export function createPairDecisions(bank: readonly BankEntry[]): PairDecisions {
  let byPair: Map<string, BankEntry[]> | undefined;
  const decisionsByPair = (): Map<string, BankEntry[]> => {
    if (byPair) return byPair;
    byPair = new Map();
    for (const e of bank) {
      if (e.kind !== 'decision') continue;
      for (let i = 0; i < e.services.length; i++)
        for (let j = i + 1; j < e.services.length; j++) {
          const key = [e.services[i]!, e.services[j]!].sort().join('|');
          (byPair.get(key) ?? byPair.set(key, []).get(key)!).push(e);
        }
    }
    return byPair;
  };

  return {
    decide(pair, ranked, unranked, text, ownWords = []) {
      const options = decisionsByPair().get([...pair].sort().join('|'));
      if (!options) return undefined;
      for (const m of ranked) if (m && m.confidence >= SUGGEST_AT && options.some((o) => o.id === m.candidate.id)) return options.find((o) => o.id === m.candidate.id);
      // A question that says more than the two names ("leaderboard for 2M players: dynamodb or
      // elasticache?") is not answered by whichever decision weighs them in general.
      if (!unranked) return undefined;
      // "aurora or dynamodb for low traffic": a question with words of its own beyond the names
      // (`ownWords`, stemmed) is answered only by a decision whose phrasings or keywords use one of them.
      const fitting = ownWords.length === 0 ? options : options.filter((e) => [...e.questions, ...e.keywords].some((q) => contentStems(q).some((t) => ownWords.includes(t))));
      if (fitting.length === 0) return undefined;
      const asked = new Set(contentStems(text));
      const shared = (e: BankEntry) => Math.max(...e.questions.map((q) => new Set(contentStems(q).filter((t) => asked.has(t))).size));
      return fitting
        .map((e) => ({ e, shared: shared(e) }))
        .sort((a, b) => b.shared - a.shared || a.e.services.length - b.e.services.length)[0]!.e;
    },
  };
}
