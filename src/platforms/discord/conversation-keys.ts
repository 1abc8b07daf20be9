/**
 * Which conversation a Discord message belongs to, so follow-ups keep their context: a DM channel
 * is one conversation; in a server, a reply chain is one, keyed by its root message (a slash
 * command's answer is rooted at its interaction). The bot remembers the messages of the chains it
 * answered; after a restart, it walks the chain back through Discord instead.
 */
import type { Message } from 'discord.js';

/** The most messages walked back to find the root of a reply chain. */
const MAX_HOPS = 10;

export class ConversationKeys {
  private readonly byMessage = new Map<string, string>();

  constructor(private readonly maxEntries = 20_000) {}

  forDirectMessages(channelId: string): string {
    return `discord:dm:${channelId}`;
  }

  forInteraction(guildId: string, channelId: string, interactionId: string): string {
    return `discord:${guildId}:${channelId}:i${interactionId}`;
  }

  /** Records that these messages (a question, the bot's answer) belong to the conversation `key`. */
  remember(messages: readonly Pick<Message, 'id'>[], key: string): void {
    for (const m of messages) {
      this.byMessage.delete(m.id);
      this.byMessage.set(m.id, key);
    }
    while (this.byMessage.size > this.maxEntries) this.byMessage.delete(this.byMessage.keys().next().value as string);
  }

  /** The conversation of a message: its DM channel, or the root of its reply chain in a server. */
  async forMessage(message: Message): Promise<string> {
    if (!message.inGuild()) return this.forDirectMessages(message.channelId);
    let current: Message<true> = message;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const known = this.byMessage.get(current.id);
      if (known) return known;
      const parentId = current.reference?.messageId ?? current.interactionMetadata?.interactedMessageId ?? undefined;
      if (!parentId) break;
      const parent = await current.channel.messages.fetch(parentId).catch(() => undefined);
      if (!parent) break;
      current = parent;
    }
    const interaction = current.interactionMetadata;
    return interaction && !interaction.interactedMessageId
      ? this.forInteraction(current.guildId, current.channelId, interaction.id)
      : `discord:${current.guildId}:${current.channelId}:${current.id}`;
  }
}
