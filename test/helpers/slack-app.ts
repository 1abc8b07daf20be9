/** The real Slack adapter (real Bolt) against the fake Slack, as tests start it: loopback only, fast retries. */
import type { CustomRoute } from '@slack/bolt';
import { loadConfig } from '../../src/config.js';
import type { Bot } from '../../src/core/bot.js';
import { MemoryClaimStore } from '../../src/state/claims.js';
import { createLogger, silentLogger, type Logger } from '../../src/log.js';
import { InFlight } from '../../src/observability/observed-bot.js';
import { EVENTS_PATH, startSlack, type SlackAdapter } from '../../src/platforms/slack/app.js';
import { APP_TOKEN, BOT_TOKEN, FakeSlack, SIGNING_SECRET } from './fake-slack.js';
import { newBot } from './knowledge.js';

export interface SlackHarness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  bot: Bot;
  /** The receiver's POST endpoint (HTTP mode). */
  eventsUrl: string;
  /** Resolves once no request is being handled: every listener started so far has finished, its posts included. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Quick retries: a 5xx or dropped call is retried twice within milliseconds. */
export const TEST_RETRIES = { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 10 };

/** Logs go nowhere, unless SLACK_TEST_LOGS=1 asks to see them. */
function testLogger(): Logger {
  return process.env.SLACK_TEST_LOGS ? createLogger('debug') : silentLogger();
}

export async function startHarness(mode: 'http' | 'socket', o: { customRoutes?: CustomRoute[] } = {}): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  const bot = newBot();
  // The first answer trains the intent classifier (seconds on a loaded machine): done here, as main.ts does before it is ready.
  bot.answerNow('difference between S3 and EC2');
  const inFlight = new InFlight();
  try {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      ...(mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
      SLACK_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    const adapter = await startSlack({
      config,
      bot,
      logger: testLogger(),
      claims: new MemoryClaimStore(),
      customRoutes: o.customRoutes,
      processBeforeResponse: true,
      client: { retryConfig: TEST_RETRIES, timeoutMs: 2000 },
      track: (work) => inFlight.track(work),
    });
    const port = adapter.address?.port;
    return {
      fake,
      adapter,
      bot,
      eventsUrl: `http://127.0.0.1:${port}${EVENTS_PATH}`,
      async idle() {
        if (!(await inFlight.idle(5000))) throw new Error('the Slack adapter was still handling requests after 5 s');
      },
      async close() {
        await adapter.stop();
        await fake.close();
      },
    };
  } catch (err) {
    await fake.close();
    throw err;
  }
}
