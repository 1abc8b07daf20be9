/**
 * Starts the real Discord adapter (real discord.js) against a fresh fake Discord, with a logger
 * whose lines the test can read; `stop` closes both.
 */
import { Writable } from 'node:stream';
import type { Bot } from '../../../src/core/bot.js';
import type { ClaimStore } from '../../../src/state/claims.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { startDiscord, type DiscordHandle } from '../../../src/platforms/discord/client.js';
import { FakeDiscord, type FakeDiscordOptions } from '../../helpers/fake-discord.js';
import { newBot } from '../../helpers/knowledge.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  discord: DiscordHandle;
  bot: Bot;
  logs: LogLine[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  /** Use this fake Discord instead of starting one (it is not closed by `stop`). */
  existing?: FakeDiscord;
  bot?: Bot;
  claims?: ClaimStore;
  deferAfterMs?: number;
  messageContent?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.existing ?? (await FakeDiscord.start(options.fake));
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const bot = options.bot ?? newBot();
  let discord: DiscordHandle;
  try {
    discord = await startDiscord({
      config: loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }),
      bot,
      logger: createLogger('info', sink),
      claims: options.claims,
      deferAfterMs: options.deferAfterMs,
      messageContent: options.messageContent,
    });
  } catch (err) {
    if (!options.existing) await fake.close();
    throw err;
  }
  return {
    fake,
    discord,
    bot,
    logs,
    async stop() {
      await discord.stop();
      if (!options.existing) await fake.close();
    },
  };
}
