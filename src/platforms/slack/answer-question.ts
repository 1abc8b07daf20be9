/** A question in a message (a mention or a DM): understood in its conversation, answered in its place. */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { renderAnswer, type SlackMessage } from '../../render/slack/blocks.js';
import type { Place } from './conversation-key.js';
import type { ListenerDeps } from './listeners/deps.js';
import { apologise, postAnswer } from './reply.js';

export async function answerQuestion(deps: ListenerDeps, client: webApi.WebClient, place: Place, text: string, log: Logger): Promise<void> {
  let messages: SlackMessage[];
  try {
    const { understanding: u, answer } = await deps.bot.ask(text, place.conversation);
    messages = renderAnswer(answer);
    log.info({ intent: u.intent, services: u.services, aspect: u.aspect, followUp: u.followUp, clarify: u.clarify, messages: messages.length }, 'answering');
  } catch (err) {
    log.error({ err }, 'could not build the answer');
    await apologise(client, place, log);
    return;
  }
  await postAnswer(client, place, messages, log);
}
