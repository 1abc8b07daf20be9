/**
 * Answers an interaction within Discord's 3-second window: directly (type 4) when the answer is
 * ready in time, otherwise deferred first (type 5) and edited in. Messages after the first go out
 * as follow-ups. Nothing sent pings anyone.
 */
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type ButtonInteraction, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { Logger } from '../../log.js';
import type { DiscordMessage } from '../../render/discord/embeds.js';
import { APOLOGY } from './apology.js';
import { loggableError } from './loggable-error.js';
import { NO_PINGS } from './no-pings.js';
import { sendFailed } from '../send-failures.js';

export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction;

/** Sends the messages `produce` builds; returns those Discord created (for conversation keys). */
export async function answerInteraction(
  interaction: AnswerableInteraction,
  produce: () => Promise<DiscordMessage[]>,
  deferAfterMs: number,
): Promise<Message[]> {
  const pending = produce();
  const early = await settledWithin(pending, deferAfterMs);
  try {
    return await send(interaction, early, pending);
  } catch (err) {
    // The answer could not be built (counted as an answer failure) or could not be sent (counted here).
    if (!(await pending.then(() => true, () => false))) throw err;
    sendFailed(err);
    throw err;
  }
}

async function send(interaction: AnswerableInteraction, early: { value: DiscordMessage[] } | undefined, pending: Promise<DiscordMessage[]>): Promise<Message[]> {
  const sent: Message[] = [];
  let messages: DiscordMessage[];
  if (early) {
    messages = early.value;
    const response = await interaction.reply({ ...first(messages), allowedMentions: NO_PINGS, withResponse: true });
    if (response.resource?.message) sent.push(response.resource.message);
  } else {
    await interaction.deferReply();
    messages = await pending;
    sent.push(await interaction.editReply({ ...first(messages), allowedMentions: NO_PINGS }));
  }
  for (const more of messages.slice(1)) sent.push(await interaction.followUp({ ...more, allowedMentions: NO_PINGS }));
  return sent;
}

/** A short message only the user sees: a problem with what they asked. */
export async function tellUser(interaction: AnswerableInteraction, text: string): Promise<void> {
  try {
    await interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  } catch (err) {
    sendFailed(err);
    throw err;
  }
}

/** Tells the user the answer could not be sent, however far the interaction got; never throws. */
export async function apologize(interaction: AnswerableInteraction, logger: Logger): Promise<void> {
  try {
    if (interaction.replied) {
      await interaction.followUp({ content: APOLOGY, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    } else if (interaction.deferred) {
      await interaction.editReply({ content: APOLOGY, embeds: [], components: [], allowedMentions: NO_PINGS });
    } else {
      await interaction.reply({ content: APOLOGY, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    }
  } catch (err) {
    if (!alreadyAcknowledged(err)) {
      sendFailed(err);
      logger.error({ err: loggableError(err), interaction: interaction.id }, 'could not send the apology either');
      return;
    }
    // Discord took a response that discord.js saw fail (a lost reply to the defer): edit that one.
    try {
      await interaction.webhook.editMessage('@original', { content: APOLOGY, embeds: [], components: [], allowedMentions: NO_PINGS });
    } catch (again) {
      sendFailed(again);
      logger.error({ err: loggableError(again), interaction: interaction.id }, 'could not send the apology either');
    }
  }
}

function alreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

function first(messages: DiscordMessage[]): DiscordMessage {
  const m = messages[0];
  if (!m) throw new Error('the renderer produced no message');
  return m;
}

/** The value when `promise` settles within `ms`; undefined after that; rejects if it rejects in time. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
