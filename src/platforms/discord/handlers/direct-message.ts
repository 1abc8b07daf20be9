/** A direct message: the whole DM channel is one conversation, so follow-ups keep their context. */
import type { Message } from 'discord.js';
import { renderAnswer } from '../../../render/discord/embeds.js';
import { loggableError } from '../loggable-error.js';
import { answerMessage, apologize } from '../message-reply.js';
import type { HandlerContext } from './context.js';

export async function handleDirectMessage(message: Message<false>, ctx: HandlerContext): Promise<void> {
  if (!message.content.trim()) return;
  const log = ctx.logger.child({ message: message.id, dm: message.channelId });
  try {
    const key = ctx.keys.forDirectMessages(message.channelId);
    const reply = await ctx.bot.ask(message.content, key);
    const sent = await answerMessage(message, renderAnswer(reply.answer));
    log.info({ intent: reply.understanding.intent, followUp: reply.understanding.followUp, messages: sent.length }, 'direct message answered');
  } catch (err) {
    log.error({ err: loggableError(err) }, 'direct message failed');
    await apologize(message, log);
  }
}
