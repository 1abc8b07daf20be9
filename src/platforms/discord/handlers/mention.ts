/**
 * A server message addressed to the bot: it mentions the bot (or the bot's role), or replies to
 * one of the bot's messages. Answered as a reply, in the conversation of its reply chain.
 * Without the Message Content intent Discord only shows the bot the text of messages that
 * mention it; other messages arrive empty and are left alone.
 */
import type { Message } from 'discord.js';
import { renderAnswer } from '../../../render/discord/embeds.js';
import { loggableError } from '../loggable-error.js';
import { answerMessage, apologize } from '../message-reply.js';
import type { HandlerContext } from './context.js';

export function addressesBot(message: Message<true>, botId: string): boolean {
  if (message.mentions.users.has(botId)) return true;
  if (message.mentions.roles.some((role) => role.tags?.botId === botId)) return true;
  return message.mentions.repliedUser?.id === botId;
}

export async function handleMention(message: Message<true>, ctx: HandlerContext): Promise<void> {
  const botId = message.client.user.id;
  if (!addressesBot(message, botId) || !message.content.trim()) return;
  const log = ctx.logger.child({ message: message.id, guild: message.guildId });
  try {
    const key = await ctx.keys.forMessage(message);
    const reply = await ctx.bot.ask(message.content, key);
    const sent = await answerMessage(message, renderAnswer(reply.answer));
    ctx.keys.remember([message, ...sent], key);
    log.info({ intent: reply.understanding.intent, followUp: reply.understanding.followUp, messages: sent.length }, 'mention answered');
  } catch (err) {
    log.error({ err: loggableError(err) }, 'mention failed');
    await apologize(message, log);
  }
}
