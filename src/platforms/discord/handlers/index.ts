/**
 * Routes Discord events to one handler each: the slash command, its autocomplete, follow-up
 * buttons, server mentions and direct messages. Bots (this one included) are never answered, and
 * no interaction or message is handled twice: each is claimed once (shared between replicas with
 * Redis) and marked done when its answer is sent.
 */
import { Events, type Client, type Interaction, type Message } from 'discord.js';
import { actionFromCustomId } from '../../../render/discord/embeds.js';
import type { Claim, ClaimStore } from '../../../state/claims.js';
import { withSendFailures, type SendFailureReport } from '../../send-failures.js';
import { COMPARE_COMMAND } from '../command.js';
import { loggableError } from '../loggable-error.js';
import { handleAutocomplete } from './autocomplete.js';
import { handleButton } from './button.js';
import { handleCompareCommand } from './compare-command.js';
import type { HandlerContext } from './context.js';
import { handleDirectMessage } from './direct-message.js';
import { addressesBot, handleMention } from './mention.js';

type Track = <T>(work: () => Promise<T>) => Promise<T>;
const untracked: Track = (work) => work();

export function routeEvents(client: Client, ctx: HandlerContext, claims: ClaimStore, track: Track = untracked, onSendFailure?: SendFailureReport): void {
  client.on(Events.InteractionCreate, (interaction) => void track(() => withSendFailures(onSendFailure, () => onInteraction(interaction, ctx, claims))));
  client.on(Events.MessageCreate, (message) => void track(() => withSendFailures(onSendFailure, () => onMessage(message, ctx, claims))));
}

async function onInteraction(interaction: Interaction, ctx: HandlerContext, claims: ClaimStore): Promise<void> {
  let claim: Claim | undefined;
  try {
    claim = await claims.claim(`discord:interaction:${interaction.id}`);
    if (!claim) return;
    if (interaction.isAutocomplete() && interaction.commandName === COMPARE_COMMAND) return await handleAutocomplete(interaction, ctx);
    if (interaction.isChatInputCommand() && interaction.commandName === COMPARE_COMMAND) return await handleCompareCommand(interaction, ctx);
    if (interaction.isButton() && actionFromCustomId(interaction.customId) !== undefined) return await handleButton(interaction, ctx);
  } catch (err) {
    ctx.logger.error({ err: loggableError(err), interaction: interaction.id }, 'interaction could not be handled');
  } finally {
    await claim?.done();
  }
}

async function onMessage(message: Message, ctx: HandlerContext, claims: ClaimStore): Promise<void> {
  let claim: Claim | undefined;
  try {
    if (message.author.bot || message.system || message.webhookId) return;
    if (message.inGuild() && !addressesBot(message, message.client.user.id)) return;
    claim = await claims.claim(`discord:message:${message.id}`);
    if (!claim) return;
    if (message.inGuild()) await handleMention(message, ctx);
    else await handleDirectMessage(message as Message<false>, ctx);
  } catch (err) {
    ctx.logger.error({ err: loggableError(err), message: message.id }, 'message could not be handled');
  } finally {
    await claim?.done();
  }
}
