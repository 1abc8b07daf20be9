/**
 * The platform-agnostic bot: understand a message in its conversation, remember the turn, build
 * the answer. Adapters (terminal, Slack, Discord) call {@link Bot.ask} and {@link Bot.act} and
 * render the {@link Answer}; nothing here knows about any platform.
 */
import type { Knowledge } from '../knowledge/load.js';
import { decodeAction } from './answer/actions.js';
import { buildAnswer } from './answer/build.js';
import { bankEntry } from '../knowledge/bank-lookup.js';
import { LEAD_AT } from './retrieval/retriever.js';
import type { Answer } from './answer/types.js';
import { MemoryConversationStore, type ConversationStore } from '../state/conversation-store.js';
import { createUnderstander, type Understander } from './understanding/understand.js';
import { reading, type Turn, type Understanding } from './understanding/understanding.js';

export interface Reply {
  understanding: Understanding;
  answer: Answer;
}

export interface Bot {
  readonly knowledge: Knowledge;
  readonly understander: Understander;
  readonly store: ConversationStore;
  /** Answers a message; `conversation` (a DM, a thread, a terminal session) keys follow-up context. */
  ask(text: string, conversation?: string): Promise<Reply>;
  /** Answers a follow-up button; undefined when the action is malformed or unknown. */
  act(action: string, conversation?: string): Promise<Reply | undefined>;
  /** Understanding and answer without conversation state (pure, synchronous). */
  answerNow(text: string, previous?: Turn): Reply;
}

export interface BotOptions {
  store?: ConversationStore;
}

/**
 * The services a later "it" refers to: those the question named, narrowed to the ones the answer
 * was about when it led with one entry ("sqs vs sns", then "which one keeps messages?" answered
 * by an SQS entry: "how long can it hold them?" is about SQS).
 */
function answeredServices(k: Knowledge, u: Understanding, answer?: Answer): string[] {
  if (!answer?.entry) return u.services;
  const about = bankEntry(k, answer.entry)?.services ?? [answer.entry.split('/')[0]!];
  // A recommendation's picks, or services the answer shown is not about, are not what a later
  // "which one" points at: "gateway vs interface endpoint" answered by a VPC entry is about VPC.
  if (u.intent === 'recommend' || !u.services.some((s) => about.includes(s))) return about;
  // "who deleted my ec2 instance" answered by a CloudTrail entry: the conversation is about both, so
  // "does it log s3 object reads too?" can be about CloudTrail.
  const main = about[0]!;
  if (u.services.length < 2 && !u.services.includes(main) && (u.match?.confidence ?? 0) >= LEAD_AT) return [...u.services, main];
  // Only a sure answer narrows the conversation; a closest guess leaves it as asked.
  if (u.services.length < 2 || (u.match?.confidence ?? 0) < LEAD_AT) return u.services;
  const narrowed = u.services.filter((s) => about.includes(s));
  return narrowed.length > 0 ? narrowed : u.services;
}

/** How much of the last question a conversation keeps for the next follow-up to continue. */
const MAX_ASKED_CHARS = 400;

/** Intents whose services later follow-ups refer back to. */
const REMEMBERED = new Set(['compare', 'describe', 'recommend']);

export function createBot(knowledge: Knowledge, options: BotOptions = {}): Bot {
  const understander = createUnderstander(knowledge);
  const store = options.store ?? new MemoryConversationStore();

  const remember = async (conversation: string | undefined, u: Understanding, answer?: Answer, previous?: Turn) => {
    if (!conversation || u.clarify) return;
    // A price answered for a bank entry ("do alias queries cost anything") leaves that entry the topic.
    const led = answer?.entry ?? (answer?.priced && u.match?.type === 'entry' ? u.match.id : undefined);
    const topic = led && bankEntry(knowledge, led) ? led : undefined;
    // An answer from the bank is what the conversation is now about, whatever the question was read
    // as ("is there a way to see which permissions a role uses", then "how far back does it look?").
    if (!topic && (!REMEMBERED.has(u.intent) || u.services.length === 0)) return;
    const services = answeredServices(knowledge, u, answer);
    const asked = REMEMBERED.has(u.intent) ? u.intent : 'describe';
    const intent = asked === 'compare' && services.length < 2 ? 'describe' : asked;
    const kind = topic ? bankEntry(knowledge, topic)!.kind : undefined;
    const task = kind === 'howto' || kind === 'troubleshoot' ? topic : kind === 'fact' && u.followUp ? previous?.task : undefined;
    await store.set(conversation, { intent, services, aspect: u.aspect, ...(topic ? { topic } : {}), ...(task ? { task } : {}), ...(answer?.priced ? { priced: answer.priced } : {}), ...(u.asked ? { asked: u.asked.slice(0, MAX_ASKED_CHARS) } : {}) });
  };

  const answerNow = (text: string, previous?: Turn): Reply => {
    const understanding = understander.understand(text, previous);
    return { understanding, answer: buildAnswer(knowledge, understanding) };
  };

  return {
    knowledge,
    understander,
    store,
    answerNow,
    async ask(text, conversation) {
      const previous = conversation ? await store.get(conversation) : undefined;
      const reply = answerNow(text, previous);
      await remember(conversation, reply.understanding, reply.answer, previous);
      return reply;
    },
    async act(raw, conversation) {
      const action = decodeAction(raw, (id) => knowledge.byId.has(id));
      if (!action) return undefined;
      const understanding = reading({ intent: action.intent, services: action.services, aspect: action.aspect, followUp: true });
      await remember(conversation, understanding);
      return { understanding, answer: buildAnswer(knowledge, understanding) };
    },
  };
}
