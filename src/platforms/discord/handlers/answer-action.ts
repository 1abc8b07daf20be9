/** Answers a follow-up action (a button, or /aws-compare's options) in an interaction, and remembers the conversation. */
import type { Message } from 'discord.js';
import { renderAnswer } from '../../../render/discord/embeds.js';
import { answerInteraction, type AnswerableInteraction } from '../interaction-reply.js';
import type { HandlerContext } from './context.js';

export async function answerActionInteraction(interaction: AnswerableInteraction, ctx: HandlerContext, action: string, key: string): Promise<Message[]> {
  const sent = await answerInteraction(
    interaction,
    async () => {
      const reply = await ctx.bot.act(action, key);
      if (!reply) throw new Error(`the bot could not answer the action ${action}`);
      return renderAnswer(reply.answer);
    },
    ctx.deferAfterMs,
  );
  ctx.keys.remember(sent, key);
  return sent;
}
