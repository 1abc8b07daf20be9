/**
 * The shape of a question, where no aspect word says what it asks: "X or Y for <a task>" and
 * "should we put <something> in X or Y?" ask about use cases; "can X do …?" asks about features.
 */
import { STOPWORDS } from './language.js';
import type { Lexicon } from './lexicon.js';
import { aspectKeywordAt, aspectStems } from './aspect.js';

const FOR_WORDS = new Set(['for', 'para', 'pour', 'für', 'fur', 'voor']);
/** Italian "per" introduces a task only before an article ("per un piccolo team"); English "per" never does. */
const ITALIAN_ARTICLES = new Set(['un', 'una', 'uno', 'il', 'lo', 'la', 'i', 'gli', 'le', "l"]);
const ARTICLES = new Set(['a', 'an', 'the', 'my', 'our', 'some', 'un', 'una', 'une', 'uno', 'mon', 'ma', 'mes', 'nos', 'einen', 'eine', 'ein', 'mi', 'mis', 'il', 'lo', 'een', 'onze', 'um', 'uma']);
/** "for" that does not introduce a task: "for example", "for dummies", "for me". */
const NOT_A_TASK = new Set(['example', 'instance', 'sure', 'now', 'me', 'us', 'you', 'that', 'this', 'it', 'dummies', 'beginners', 'newbies', 'noobs', 'idiots', 'free', 'ever', 'good', 'once', 'what', 'which', 'how', 'the']);
const CAN_WORDS = new Set(['can', 'could', 'does', 'will', 'puede', 'peut', 'kann']);
const WH_WORDS = new Set(['what', 'whats', 'how', 'why', 'which', 'who', 'where', 'when']);
const TASK_VERBS = new Set(['put', 'keep', 'store', 'host', 'run', 'deploy', 'save', 'serve', 'process', 'stream', 'cache', 'send', 'build', 'archive', 'backup', 'hold', 'handle', 'move', 'migrate', 'ship', 'queue', 'schedule', 'power', 'back']);
const MODALS = new Set(['should', 'would', 'could', 'can', 'shall', 'do', 'to', 'want', 'wanna', 'gonna', 'must', 'need', 'planning', 'plan', 'going']);

/**
 * Where "for <a task>" starts (the index of the first task word), if the question has one. The
 * task's words do not count as aspect words: "kinesis or sqs for payment events" is about use cases.
 * A "for" followed directly by an aspect word ("S3 vs EFS for cost") is not a task.
 */
export function taskClause(
  lex: Lexicon,
  tokens: readonly string[],
  consumed: readonly boolean[],
  clauseStart: readonly boolean[],
): { start: number; end: number } | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!FOR_WORDS.has(tokens[i]!) && !(tokens[i] === 'per' && ITALIAN_ARTICLES.has(tokens[i + 1] ?? ''))) continue;
    let j = i + 1;
    while (j < tokens.length && ARTICLES.has(tokens[j]!)) j++;
    // "for 30 minutes" is a duration; "for a 30 minute batch job" is a task.
    if (j >= tokens.length || consumed[j] || NOT_A_TASK.has(tokens[j]!) || clauseStart[j] || (j === i + 1 && /^\d/.test(tokens[j]!))) continue;
    if (aspectKeywordAt(lex, aspectStems(lex, tokens.slice(j, j + 4)), 0) > 0) continue;
    let end = j + 1;
    while (end < tokens.length && !clauseStart[end]) end++;
    return { start: j, end };
  }
  return undefined;
}

/** "should we put our product catalog in DynamoDB or Aurora?": a task verb with its object. */
export function namesATask(tokens: readonly string[], consumed: readonly boolean[]): boolean {
  for (let v = 1; v < tokens.length - 1; v++) {
    if (!TASK_VERBS.has(tokens[v]!) && !(tokens[v] === 'use' && tokens[v + 1] === 'to')) continue;
    const before = tokens.slice(Math.max(0, v - 4), v);
    if (!before.some((t) => MODALS.has(t))) continue;
    for (let j = v + 1; j < Math.min(tokens.length, v + 4); j++) {
      if (consumed[j]) break;
      const t = tokens[j]!;
      if (!STOPWORDS.has(t) && !TASK_VERBS.has(t)) return true;
    }
  }
  return false;
}

const TIME_UNITS = /^(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|ms|milliseconds?)$/;

/** "can a lambda run for 30 minutes?", "keep messages 20 days": a duration asks about limits. */
export function namesADuration(tokens: readonly string[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) if (/^\d+$/.test(tokens[i]!) && TIME_UNITS.test(tokens[i + 1]!)) return true;
  return false;
}

/** "what is it for?", "what is S3 Intelligent-Tiering for?": the question ends on "for". */
export function endsOnFor(tokens: readonly string[]): boolean {
  return tokens.length >= 3 && FOR_WORDS.has(tokens[tokens.length - 1]!) && tokens.some((t) => WH_WORDS.has(t));
}

const ASK_WORDS = new Set(['does', 'do', 'is', 'are', 'can', 'will', 'did']);
const HAVE_WORDS = new Set(['have', 'has', 'support', 'supports', 'offer', 'offers', 'provide', 'provides', 'include', 'includes', 'guarantee', 'guarantees', 'allow', 'allows']);
const FIT_WORDS = new Set(['good', 'suitable', 'ok', 'okay', 'worth', 'right', 'best', 'better', 'ideal', 'fit', 'enough', 'for', 'overkill', 'different', 'same', 'similar', 'alike', 'equivalent']);
const SUBJECTS = new Set(['both', 'they', 'it', 'either', 'each', 'these', 'those', 'them']);

/**
 * "does DynamoDB have a change stream?", "do both guarantee ordering?", "are they incremental?":
 * a yes/no question about what a service has or does. Outranks "for <a task>" (the task there is
 * what the feature is for, not a request for use cases).
 */
export function asksWhetherItHas(tokens: readonly string[], clauseStart: readonly boolean[], isService: readonly boolean[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!clauseStart[i] || !ASK_WORDS.has(tokens[i]!)) continue;
    let end = i + 1;
    while (end < tokens.length && !clauseStart[end]) end++;
    const clause = tokens.slice(i + 1, end);
    const pronoun = SUBJECTS.has(clause[0] ?? '');
    if ((pronoun || isService[i + 1] === true) && clause.slice(0, 5).some((t) => HAVE_WORDS.has(t))) return true;
    // "are they incremental?", "is it multi-tenant?": a short description, not "is it good for …".
    const describesIt = (tokens[i] === 'is' || tokens[i] === 'are') && pronoun && clause.length >= 2 && clause.length <= 4;
    if (describesIt && !clause.some((t) => FIT_WORDS.has(t))) return true;
  }
  return false;
}

const CHATTER = new Set(['hey', 'hi', 'so', 'ok', 'okay', 'quick', 'q', 'question', 'and', 'but', 'also', 'btw', 'actually']);
/** Asking how or why is not asking what it can do. */
const HOW_WORDS = new Set(['how', 'why', 'when', 'where']);

/**
 * "can SNS send push notifications?", "does Kinesis keep order like SQS FIFO?", "SNS vs SQS: can
 * either of them do FIFO?", "what protocols can SNS deliver to?": a question about features.
 */
export function asksCanItDo(tokens: readonly string[], clauseStart: readonly boolean[], isService: readonly boolean[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!clauseStart[i]) continue;
    let first = i;
    while (first < tokens.length && CHATTER.has(tokens[first]!) && !(first > i && clauseStart[first])) first++;
    if (first >= tokens.length || !CAN_WORDS.has(tokens[first]!)) continue;
    let end = first + 1;
    while (end < tokens.length && !clauseStart[end]) end++;
    if (end - first >= 3 && !tokens.slice(first, end).some((t) => HOW_WORDS.has(t))) return true;
  }
  // "what protocols can SNS deliver to?": can + service + verb, not after how/why.
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i] === 'can' && isService[i + 1] && !isService[i + 2] && !tokens.slice(0, i).some((t) => HOW_WORDS.has(t))) return true;
  }
  return false;
}
