/**
 * Sends an answer to a message: in a server, as replies to it (so the reply chain holds the
 * conversation); in a DM, as plain messages. Nothing sent pings anyone.
 */
import type { Message } from 'discord.js';
import type { Logger } from '../../log.js';
import type { DiscordMessage } from '../../render/discord/embeds.js';
import { APOLOGY } from './apology.js';
import { loggableError } from './loggable-error.js';
import { NO_PINGS } from './no-pings.js';
import { sendFailed } from '../send-failures.js';

/** Sends the messages in order; returns those Discord created. */
export async function answerMessage(message: Message, messages: readonly DiscordMessage[]): Promise<Message[]> {
  const sent: Message[] = [];
  const channel = message.channel;
  try {
    for (const m of messages) {
      sent.push(
        message.inGuild() || !channel.isSendable()
          ? await message.reply({ ...m, allowedMentions: NO_PINGS, failIfNotExists: false })
          : await channel.send({ ...m, allowedMentions: NO_PINGS }),
      );
    }
  } catch (err) {
    sendFailed(err);
    throw err;
  }
  return sent;
}

/** Tells the user the answer could not be sent; never throws. */
export async function apologize(message: Message, logger: Logger): Promise<void> {
  try {
    await message.reply({ content: APOLOGY, allowedMentions: NO_PINGS, failIfNotExists: false });
  } catch (err) {
    sendFailed(err);
    logger.error({ err: loggableError(err), message: message.id }, 'could not send the apology either');
  }
}
