/**
 * Allowed mentions for every message the bot sends: nothing a user typed (an `@everyone`, a user
 * or role mention) pings anyone, and replies do not ping the person replied to.
 */
import type { MessageMentionOptions } from 'discord.js';

export const NO_PINGS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });
