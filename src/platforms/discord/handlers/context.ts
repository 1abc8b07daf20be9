/** What every Discord handler works with. */
import type { Bot } from '../../../core/bot.js';
import type { Logger } from '../../../log.js';
import type { ConversationKeys } from '../conversation-keys.js';

export interface HandlerContext {
  bot: Bot;
  logger: Logger;
  keys: ConversationKeys;
  /** An interaction whose answer is not ready after this long is deferred, then edited in. */
  deferAfterMs: number;
}
