/**
 * The shape of a question, where no aspect word says what it asks: "X or Y for <a task>" and
 * "should we put <something> in X or Y?" ask about use cases; "can X do …?" asks about features.
 */
import { STOPWORDS } from './language.js';
import type { Lexicon } from './lexicon.js';
import { aspectKeywordAt } from './aspect.js';
import { stem } from './text.js';

const FOR_WORDS = new Set(['for', 'para', 'pour', 'für', 'fur']);
const ARTICLES = new Set(['a', 'an', 'the', 'my', 'our', 'some', 'un', 'una', 'une', 'mon', 'ma', 'mes', 'nos', 'einen', 'eine', 'ein', 'mi', 'mis']);
/** "for" that does not introduce a task: "for example", "for dummies", "for me". */
const NOT_A_TASK = new Set(['example', 'instance', 'sure', 'now', 'me', 'us', 'you', 'that', 'this', 'it', 'dummies', 'beginners', 'newbies', 'noobs', 'idiots', 'real', 'free', 'ever', 'good', 'once', 'what', 'which', 'how', 'the']);
const CAN_WORDS = new Set(['can', 'could', 'does', 'will', 'puede', 'peut', 'kann']);
const WH_WORDS = new Set(['what', 'whats', 'how', 'why', 'which', 'who', 'where', 'when']);
const TASK_VERBS = new Set(['put', 'keep', 'store', 'host', 'run', 'deploy', 'save', 'serve', 'process', 'stream', 'cache', 'send', 'build', 'archive', 'backup', 'hold', 'handle', 'move', 'migrate', 'ship', 'queue', 'schedule', 'power', 'back']);
const MODALS = new Set(['should', 'would', 'could', 'can', 'shall', 'do', 'to', 'want', 'wanna', 'gonna', 'must', 'need', 'planning', 'plan', 'going']);

/**
 * Where "for <a task>" starts (the index of the first task word), if the question has one. The
 * task's words do not count as aspect words: "kinesis or sqs for payment events" is about use cases.
 * A "for" followed directly by an aspect word ("S3 vs EFS for cost") is not a task.
 */
export function taskClauseStart(lex: Lexicon, tokens: readonly string[], consumed: readonly boolean[]): number | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!FOR_WORDS.has(tokens[i]!)) continue;
    let j = i + 1;
    while (j < tokens.length && ARTICLES.has(tokens[j]!)) j++;
    if (j >= tokens.length || consumed[j] || NOT_A_TASK.has(tokens[j]!)) continue;
    if (aspectKeywordAt(lex, tokens.slice(j, j + 4).map(stem), 0) > 0) continue;
    return j;
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

/** "what is it for?", "what is S3 Intelligent-Tiering for?": the question ends on "for". */
export function endsOnFor(tokens: readonly string[]): boolean {
  return tokens.length >= 3 && FOR_WORDS.has(tokens[tokens.length - 1]!) && tokens.some((t) => WH_WORDS.has(t));
}

/** "can SNS send push notifications?", "does Kinesis keep order like SQS FIFO?": about features. */
export function asksCanItDo(tokens: readonly string[], firstServiceStart: number | undefined): boolean {
  if (firstServiceStart === undefined) return false;
  if (tokens.slice(0, firstServiceStart).some((t) => WH_WORDS.has(t))) return false;
  const first = tokens.findIndex((t) => !['hey', 'hi', 'so', 'ok', 'okay', 'quick', 'q', 'question', 'and', 'but'].includes(t));
  if (first < 0 || !CAN_WORDS.has(tokens[first]!)) return false;
  return tokens.length - firstServiceStart >= 2;
}
