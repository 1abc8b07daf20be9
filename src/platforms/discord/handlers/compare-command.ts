/** `/aws-compare first second [third] [aspect]`: validates the options, then answers with embeds. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { encodeAction } from '../../../core/answer/actions.js';
import { ASPECT_OPTION, SERVICE_OPTIONS } from '../command.js';
import { readCompareOptions } from '../compare-options.js';
import { apologize, tellUser } from '../interaction-reply.js';
import { answerActionInteraction } from './answer-action.js';
import { loggableError } from '../loggable-error.js';
import type { HandlerContext } from './context.js';

export async function handleCompareCommand(interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<void> {
  const log = ctx.logger.child({ interaction: interaction.id, command: interaction.commandName });
  try {
    const raw = Object.fromEntries([...SERVICE_OPTIONS, ASPECT_OPTION].map((name) => [name, interaction.options.getString(name)]));
    const request = readCompareOptions(raw, ctx.bot);
    if (!request.ok) {
      log.info({ problem: request.error.code }, 'compare options rejected');
      await tellUser(interaction, request.error.message);
      return;
    }
    const channelId = interaction.channelId ?? interaction.user.id;
    const key = interaction.inGuild()
      ? ctx.keys.forInteraction(interaction.guildId, channelId, interaction.id)
      : ctx.keys.forDirectMessages(channelId);
    const action = encodeAction({ intent: 'compare', ...request.value });
    const sent = await answerActionInteraction(interaction, ctx, action, key);
    log.info({ services: request.value.services, aspect: request.value.aspect, messages: sent.length }, 'compare command answered');
  } catch (err) {
    log.error({ err: loggableError(err) }, 'compare command failed');
    await apologize(interaction, log);
  }
}
