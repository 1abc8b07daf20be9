/**
 * A follow-up button: its custom id carries the whole question (an encoded action), so a click
 * is answered the same after a restart. The answer is a new message in the same conversation.
 */
import type { ButtonInteraction } from 'discord.js';
import { decodeAction } from '../../../core/answer/actions.js';
import { actionFromCustomId } from '../../../render/discord/embeds.js';
import { apologize, tellUser } from '../interaction-reply.js';
import { answerActionInteraction } from './answer-action.js';
import { loggableError } from '../loggable-error.js';
import type { HandlerContext } from './context.js';

export const STALE_BUTTON = "That button doesn't work any more. Ask me again, or use `/aws-compare`.";

export async function handleButton(interaction: ButtonInteraction, ctx: HandlerContext): Promise<void> {
  const log = ctx.logger.child({ interaction: interaction.id, button: interaction.customId });
  try {
    const action = actionFromCustomId(interaction.customId) ?? '';
    if (!decodeAction(action, (id) => ctx.bot.knowledge.byId.has(id))) {
      log.info('stale or unknown button');
      await tellUser(interaction, STALE_BUTTON);
      return;
    }
    const key = await ctx.keys.forMessage(interaction.message);
    const sent = await answerActionInteraction(interaction, ctx, action, key);
    log.info({ messages: sent.length }, 'button answered');
  } catch (err) {
    log.error({ err: loggableError(err) }, 'button failed');
    await apologize(interaction, log);
  }
}
