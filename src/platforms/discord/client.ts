/**
 * Starts awsbot on Discord: a discord.js client with only non-privileged intents (slash commands,
 * mentions and DMs work without Message Content), its events routed to the handlers, and the
 * gateway's connection watched and logged (discord.js reconnects and resumes by itself).
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Bot } from '../../core/bot.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { MemoryClaimStore, type ClaimStore } from '../../state/claims.js';
import type { SendFailureReport } from '../send-failures.js';
import { ConversationKeys } from './conversation-keys.js';
import { routeEvents } from './handlers/index.js';
import { NO_PINGS } from './no-pings.js';

export interface DiscordOptions {
  /** The project's configuration; its `discord` section (token, API URL) must be set. */
  config: Config;
  bot: Bot;
  logger: Logger;
  /** Claims each interaction and message once; in memory unless a shared store (Redis) is given. */
  claims?: ClaimStore;
  /** An interaction whose answer is not ready after this long is deferred, then edited in. Default 1,000 ms. */
  deferAfterMs?: number;
  /**
   * Ask for the privileged Message Content intent (enable it in the Developer Portal first): the
   * bot then also reads replies to its answers that do not ping it. Default false.
   */
  messageContent?: boolean;
  /** Wraps the handling of every event, reply included (shutdown waits for it). */
  track?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Told of every answer, apology or note that could not be sent, with a short reason (for metrics). */
  onSendFailure?: SendFailureReport;
}

export interface DiscordHandle {
  client: Client<true>;
  /** Stops taking new interactions and messages; answers already started go on. */
  pause(): void;
  stop(): Promise<void>;
}

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;
/** DM channels are not cached before their first message: without this, DMs are dropped. */
export const PARTIALS = [Partials.Channel] as const;
export const DEFAULT_DEFER_AFTER_MS = 1000;

/** Logs in and resolves once the client is ready (all guilds received); rejects if login fails. */
export async function startDiscord(options: DiscordOptions): Promise<DiscordHandle> {
  const logger = options.logger.child({ platform: 'discord' });
  const discord = options.config.discord;
  if (!discord) throw new Error('Discord is not configured: set DISCORD_TOKEN (see the Discord section of the README).');
  const client = new Client({
    intents: options.messageContent ? [...INTENTS, GatewayIntentBits.MessageContent] : [...INTENTS],
    partials: [...PARTIALS],
    rest: { api: discord.apiUrl },
    allowedMentions: NO_PINGS,
  });
  watchConnection(client, logger);
  routeEvents(
    client,
    { bot: options.bot, logger, keys: new ConversationKeys(), deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS },
    options.claims ?? new MemoryClaimStore(),
    options.track,
    options.onSendFailure,
  );
  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined); // awaited below; never an unhandled rejection if login fails first
  try {
    await client.login(discord.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw explainLoginFailure(err);
  }
  const user = client.user!;
  logger.info({ user: user.tag, id: user.id, guilds: client.guilds.cache.size }, 'discord client ready');
  return {
    client: client as Client<true>,
    pause() {
      client.removeAllListeners(Events.InteractionCreate);
      client.removeAllListeners(Events.MessageCreate);
    },
    async stop() {
      await client.destroy();
      logger.info('discord client stopped');
    },
  };
}

/** Login failures an admin can fix, in words that say how. */
export function explainLoginFailure(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/disallowed intents|privileged intent/i.test(message)) {
    return new Error(
      'Discord refused the Message Content intent: enable it in the Developer Portal (your application → Bot → Privileged Gateway Intents → Message Content Intent), or run without it.',
      { cause: err },
    );
  }
  if (/invalid token|authentication failed|401/i.test(message)) {
    return new Error('Discord rejected DISCORD_TOKEN: copy it again from the Developer Portal (your application → Bot → Reset Token).', { cause: err });
  }
  return err instanceof Error ? err : new Error(message);
}

/** Errors and reconnections are logged; an 'error' event without a listener would crash the process. */
function watchConnection(client: Client, logger: Logger): void {
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardError, (err, shard) => logger.warn({ err, shard }, 'discord gateway connection error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.error({ code: event.code, shard }, 'discord gateway closed for good'));
  client.on(Events.ShardReconnecting, (shard) => logger.warn({ shard }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord gateway resumed'));
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, 'discord gateway ready'));
}
