/**
 * What a message in a conversation asks of retrieval, given the turn before it: which services are
 * named and which are context, whether the last answer's words rank related answers, lend their
 * question ("and kinesis?" asks the last question about Kinesis) or are excluded, so that a
 * follow-up is answered about what the conversation is about. Pure: no retrieval here.
 */
import type { BankEntry } from '../../knowledge/answer-bank-schema.js';
import type { RetrievalQuery } from '../retrieval/retriever.js';
import { stem, tokenize } from './text.js';
import type { Turn, Understanding } from './understanding.js';

/** "Which one keeps ordering?": a pick between the services just compared. */
export const WHICH_OF_THEM = /\b(which (one|ones|of (them|the two|these|those|the))|does either|do both)\b/i;
/** A follow-up that points back at what was just said: "what if compliance wants them kept for a year". */
export const REFERS_BACK = /\b(it|its|them|they|that|those|this|these)\b/i;
/** A follow-up this short that names another service asks the last question again, about it ("and for sns topics?"). */
export const SAME_QUESTION_WORDS = 8;
/** A last question this long lends its own words to a follow-up; a longer one (a pasted error), its answer's phrasing. */
const LENDS_WORDS = 16;
/** "that"/"it" pointing at the last answer even when the message names another service. */
const THAT_BACK = /\b(does|do|will|would|can|could|is|should) (that|this|it)\b|\b(that|this) (work|apply|help|cover)/i;
/** "does that work for rds passwords?", "will it apply to fargate too?": whether the last answer holds for another thing. */
const STILL_HOLDS = /\b(does|do|will|would|can|could|should) (that|this|it) (also |still )?(work|apply|cover|help)\b/i;
/** "and from lambda?", "based on cloudwatch alarms?": the new service is used with the last one, not instead of it. */
const RELATIONAL = /\b(from|with|through|via|inside|behind|based on|using|into|to)\s+(the |a |an |our |my )?\w+/i;
/** "and the refresh token?", "and for http apis?", "same for fifo queues?": the last question, about something else. */
const AND_THE = /^\s*((and|what about|how about|ok and)\s+(the|for|a|an|with|if|in|on)\b|(same|same thing|same question) (for|with|on|in)\b)/i;

/** "same for aurora? can i set it to 0 on dev": the last question about another thing, whatever follows. */
const SAME_FOR_WORDS = 16;
const SAME_FOR = /^\s*(same|same thing|same question|and the same) (for|with|on|in)\b/i;

export interface FollowUpQuery {
  query: RetrievalQuery;
  /** Services the question names, as retrieval weighs them. */
  named: readonly string[];
  /**
   * Not read as a follow-up, yet about the last answer: "does that work for rds passwords?" after a
   * Secrets Manager rotation answer, "whats the max with an iam user?" after one involving IAM.
   */
  carried: boolean;
  /**
   * "does that work for rds passwords?" after an answer about rotation that covers RDS: the last
   * answer already holds the answer for the service newly named.
   */
  covered: boolean;
}

const words = (text: string) => text.split(/\s+/).length;

/** `entryOf`: the answer bank's entry by id. */
export function followUpQuery(u: Understanding, previous: Turn | undefined, entryOf: (id: string) => BankEntry | undefined): FollowUpQuery {
  const lastEntry = previous?.topic !== undefined ? entryOf(previous.topic) : undefined;
  const newService = previous !== undefined && u.services.some((s) => !previous.services.includes(s));
  const carried =
    !u.followUp && u.intent === 'describe' && lastEntry !== undefined && u.services.length === 1 && newService &&
    (THAT_BACK.test(u.text) || (lastEntry.services.includes(u.services[0]!) && words(u.text) <= SAME_QUESTION_WORDS));
  // "and from lambda?" after an EFS mount answer: Lambda with EFS, not Lambda instead of EFS;
  // "can it shut down our dev ec2 instances?" after a Budgets answer: "it" is still Budgets.
  const relational = u.followUp && newService && (RELATIONAL.test(u.text) || THAT_BACK.test(u.text));
  // "ok and secrets manager? is there a gateway one for that too": a follow-up that turns to another
  // service asks about that one, as if named in a new question.
  const turnsTo = u.followUp && newService && !relational && u.intent !== 'compare';
  // "does it work with iam auth from the lambda?" after an RDS Proxy answer in a conversation about
  // Lambda and RDS: "it" is the last answer's subject, and the service named is already in the thread.
  const inThread = !u.followUp && !carried && lastEntry !== undefined && u.services.length > 0 && !newService && THAT_BACK.test(u.text);
  // "and from lambda?" after an EFS mount fix: EFS with Lambda, both as if named.
  const withLast = relational && lastEntry !== undefined ? [...new Set([lastEntry.services[0]!, ...u.services])] : undefined;
  const named = withLast ?? (inThread ? [] : turnsTo ? u.services : u.followUp || u.intent === 'recommend' ? [] : carried ? [...u.services, ...previous!.services] : u.services);
  // A follow-up naming a service the conversation already has keeps the others in context too.
  const within = u.followUp && !newService && previous !== undefined;
  const context = u.followUp ? (relational || within ? [...new Set([...u.services, ...previous!.services])] : u.services) : (previous?.services ?? []);
  // "and if i call it through api gateway?" after the Lambda timeout answer, "and the refresh token?"
  // after the access token's lifetime: the last question about another thing, so it lends its words;
  // about another service, the last answer itself is not the answer.
  const switched = u.followUp && newService;
  const same = u.followUp && u.intent !== 'compare' && lastEntry !== undefined && ((words(u.text) <= SAME_QUESTION_WORDS && (switched || AND_THE.test(u.text))) || (words(u.text) <= SAME_FOR_WORDS && SAME_FOR.test(u.text)));
  // The question the user asked, as retrieval read it, rather than the stored phrasing of the entry
  // that answered it: that entry may have been a near miss ("sqs standard or fifo" for a question
  // about FIFO throughput), and the follow-up continues what was asked. A long message (a pasted
  // error) would drown the follow-up's own words: then the entry's phrasing says it shorter.
  const asked = previous?.asked !== undefined && words(previous.asked) <= LENDS_WORDS ? previous.asked : undefined;
  const lent = same ? (asked ?? lastEntry.questions[0]) : undefined;
  const query: RetrievalQuery = {
    text: lent ? `${u.text} ${lent}` : u.text,
    services: named,
    context,
    aspect: u.aspect,
    pick: u.followUp && context.length >= 2 && WHICH_OF_THEM.test(u.text),
    ...((u.followUp && !(same && switched)) || carried || inThread ? { topic: previous?.topic } : {}),
    ...(same && switched ? { exclude: previous!.topic! } : {}),
  };
  const added = previous ? u.services.filter((s) => !previous.services.includes(s)) : [];
  const covered = (u.followUp || carried) && lastEntry !== undefined && added.length > 0 && STILL_HOLDS.test(u.text) && words(u.text) <= SAME_QUESTION_WORDS && added.every((s) => lastEntry.services.includes(s));
  return { query, named, carried, covered };
}

/**
 * Whether an entry's own text (lead, steps, caveats, command) holds at least half of a follow-up's
 * retrieval terms: "no nat here, which endpoints exactly?" after an answer whose steps list them.
 */
export function entrySays(entry: BankEntry | undefined, terms: readonly string[]): boolean {
  if (!entry || terms.length === 0) return false;
  const said = new Set(tokenize([entry.lead, ...entry.steps, ...entry.caveats, entry.command ?? ''].join(' ')).map(stem));
  return terms.filter((t) => said.has(t)).length * 2 >= terms.length;
}
