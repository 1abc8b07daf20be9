/** What every Slack listener needs: the core bot, a logger, the message claims, its own identity. */
import type { Bot } from '../../../core/bot.js';
import type { Logger } from '../../../log.js';
import type { ClaimStore } from '../../../state/claims.js';

export interface ListenerDeps {
  bot: Bot;
  logger: Logger;
  /** One decision per message, shared between replicas when Redis is configured. */
  claims: ClaimStore;
  /** The bot's own user id (from auth.test): it never answers itself. */
  botUserId: string;
}
