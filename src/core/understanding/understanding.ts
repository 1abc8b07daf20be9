/** What the bot understood from a message: the reading every other part acts on. */
import type { Aspect, Intent } from '../../knowledge/schema.js';

export interface Correction {
  /** What the user typed. */
  from: string;
  /** The service id it was read as. */
  to: string;
}

export interface Understanding {
  intent: Intent;
  /** Canonical service ids; for recommend, the picks best first. */
  services: string[];
  aspect: Aspect | null;
  /** 0..1: how sure the bot is of this reading. */
  confidence: number;
  corrections: Correction[];
  /** Set when the reading used the conversation's previous turn. */
  followUp: boolean;
  /** Below the confidence threshold: the bot asks instead of answering. */
  clarify: boolean;
  /** Names of things outside the catalog that the message mentions. */
  outside: string[];
  /**
   * Other clouds' or vendors' products the question sets against AWS, as typed ("azure blob
   * storage"); their AWS counterparts are in `services`.
   */
  others?: string[];
  /** For recommend: the need matched, best first. */
  needs: { id: string; score: number }[];
  /** The message after platform noise was removed. */
  text: string;
  /** The answer-bank entry or profile fact retrieval found for the question, if any came close. */
  match?: MatchRef;
  /**
   * For a comparison: whether the question's "or"/"vs" sits between two of the named services
   * ("ecs or eks"), rather than between other things ("rest api or http api … for our lambda backend").
   */
  betweenServices?: boolean;
  /** For a comparison: the two services an "or"/"vs" sits between, and that word ("kinesis data streams or firehose?"). */
  choice?: { pair: [string, string]; word: string };
  /**
   * Which part of the matched entry the question asks for first: its command ("how do i do that
   * from the cli?") or where it applies ("is that per region?").
   */
  detail?: 'command' | 'scope';
  /** For a follow-up: the entry the previous answer led with ("which one costs money?" after it). */
  topic?: string;
  /** For a follow-up: the price row the previous answer led with ("and in eu-west-1?" after it). */
  priced?: string;
  /**
   * What retrieval was asked: the message, or for a short follow-up the message with the question
   * it continues ("and if we batch?" after "throughput limit of an sqs fifo queue").
   */
  asked?: string;
}

/** A retrieval match as the rest of the bot sees it: which candidate, how sure. */
export interface MatchRef {
  /** An answer-bank entry id, or "service/aspect/index" for a profile fact. */
  id: string;
  type: 'entry' | 'fact';
  kind: 'fact' | 'howto' | 'troubleshoot' | 'decision';
  confidence: number;
  /** The question's shape asks for a specific answer (how-to, fix, fact, decision). */
  specific: boolean;
  /** The question's shape asks for a how-to or a fix: it never gets a service overview. */
  practical: boolean;
  /** The confidence from which this match is offered as the closest answer. */
  suggestAt: number;
  /** The question says much beyond naming services (its terms' summed rarity): "…and whats the max expiry". */
  rich?: boolean;
  /**
   * The match's runners-up close behind it (entry ids or facts' "service/aspect/index"), best first:
   * shown beside it, so a guess between readings offers each.
   */
  alternatives?: { id: string; type: 'entry' | 'fact' }[];
}

/** What a conversation remembers of its last answered turn. */
export interface Turn {
  intent: Intent;
  services: string[];
  aspect: Aspect | null;
  /** The answer-bank entry the last answer led with: what "it" most likely refers to next. */
  topic?: string;
  /** The price row the last answer led with. */
  priced?: string;
  /**
   * The last how-to or fix the conversation was answered with, kept while facts about it follow:
   * "cli?" after "how far back can it go?" asks for the restore's command, not the fact's.
   */
  task?: string;
  /** What retrieval was asked last ({@link Understanding.asked}): a short follow-up continues it. */
  asked?: string;
}

/** A reading with every field at its neutral value, overridden by `fields`. */
export function reading(fields: Partial<Understanding> & Pick<Understanding, 'intent'>): Understanding {
  return {
    services: [],
    aspect: null,
    confidence: 1,
    corrections: [],
    followUp: false,
    clarify: false,
    outside: [],
    needs: [],
    text: '',
    ...fields,
  };
}
