/** What every Slack listener needs: the core bot, a logger, the de-duplication store, its own identity. */
import type { Bot } from '../../../core/bot.js';
import type { DedupeStore } from '../../../core/dedupe-store.js';
import type { Logger } from '../../../log.js';

export interface ListenerDeps {
  bot: Bot;
  logger: Logger;
  dedupe: DedupeStore;
  /** The bot's own user id (from auth.test): it never answers itself. */
  botUserId: string;
}
