/**
 * Starts the real Discord adapter (real discord.js) against a fresh fake Discord, with a logger
 * whose lines the test can read; `stop` closes both. `ask` waits for the bot to have finished with
 * a question, every message of its answer sent, so nothing of one test's answer spills into the next.
 */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type { Bot } from '../../../src/core/bot.js';
import type { ClaimStore } from '../../../src/state/claims.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { InFlight } from '../../../src/observability/observed-bot.js';
import { startDiscord, type DiscordHandle } from '../../../src/platforms/discord/client.js';
import { FakeDiscord, type FakeDiscordOptions, type SentMessage, type UserMessageOptions } from '../../helpers/fake-discord.js';
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
  /** Resolves with the first log line (already written or to come) that matches. */
  waitForLog(match: (l: LogLine) => boolean, what?: string, timeoutMs?: number): Promise<LogLine>;
  /** Resolves once no event is being handled: every handler started so far has finished, its sends included. */
  idle(): Promise<void>;
  /**
   * A user says something the bot answers; resolves, once the bot has finished with it, with
   * everything the bot sent from the moment it was said.
   */
  ask(o: UserMessageOptions): Promise<{ question: Record<string, any>; sent: SentMessage[] }>;
  /**
   * `act` does something the bot must not answer; then a user asks `marker` (dispatched after it).
   * Once the marker is answered and every handler has finished, nothing but the marker's answer
   * may have been sent or called back. Event-based: no waiting for a silence of some length.
   */
  expectNoAnswer(act: () => void, marker?: UserMessageOptions): Promise<void>;
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
  const lines = new EventEmitter();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        const parsed = JSON.parse(line) as LogLine;
        logs.push(parsed);
        lines.emit('line', parsed);
      }
      done();
    },
  });
  const inFlight = new InFlight();
  const bot = options.bot ?? newBot();
  // The first answer trains the intent classifier (seconds on a loaded machine): done here, as main.ts does before it is ready.
  bot.answerNow('difference between S3 and EC2');
  let discord: DiscordHandle;
  try {
    discord = await startDiscord({
      config: loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }),
      bot,
      logger: createLogger('info', sink),
      claims: options.claims,
      deferAfterMs: options.deferAfterMs,
      messageContent: options.messageContent,
      track: (work) => inFlight.track(work),
    });
  } catch (err) {
    if (!options.existing) await fake.close();
    throw err;
  }
  const waitForLog = (match: (l: LogLine) => boolean, what = 'a log line', timeoutMs = 5000) =>
    new Promise<LogLine>((resolve, reject) => {
      const found = logs.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        lines.off('line', onLine);
        reject(new Error(`no log line for ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onLine = (l: LogLine) => {
        if (!match(l)) return;
        clearTimeout(timer);
        lines.off('line', onLine);
        resolve(l);
      };
      lines.on('line', onLine);
    });
  const idle = async () => {
    if (!(await inFlight.idle(5000))) throw new Error('the bot was still handling events after 5 s');
  };
  // Every handler of a message ends with one of these lines, about that message.
  const finished = /^(mention|direct message) (answered|failed)$/;
  const ask = async (o: UserMessageOptions) => {
    const from = fake.sent.length;
    const question = fake.userSays(o);
    await waitForLog((l) => l.message === question.id && finished.test(l.msg), `the answer to "${o.content}"`, 10_000);
    await idle();
    return { question, sent: fake.sent.slice(from) };
  };
  return {
    fake,
    discord,
    bot,
    logs,
    waitForLog,
    idle,
    ask,
    async expectNoAnswer(act, marker = { content: 'what is S3?', mentionBot: true }) {
      const sentBefore = fake.sent.length;
      const callbacksBefore = fake.callbacks.length;
      act();
      const { sent } = await ask(marker);
      if (fake.sent.length - sentBefore !== sent.length || fake.callbacks.length !== callbacksBefore) {
        throw new Error(`the bot answered what it should have left alone: ${JSON.stringify(fake.sent.slice(sentBefore).map((s) => s.body.content ?? s.body.embeds?.[0]?.title))}`);
      }
    },
    async stop() {
      await discord.stop();
      if (!options.existing) await fake.close();
    },
  };
}
