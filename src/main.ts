/**
 * `npm start`: runs the bot with whatever is configured — Slack, Discord, or both from one process —
 * plus /healthz, /readyz and /metrics. With no platform configured it opens the terminal chat when
 * run in a terminal, and otherwise exits with guidance. SIGTERM/SIGINT drain and exit within 10 s.
 */
import { config as loadDotenv } from 'dotenv';
import type { Config } from './config.js';
import { ConfigError, loadConfig } from './config.js';
import { createBot } from './core/bot.js';
import { MemoryConversationStore, type ConversationStore } from './state/conversation-store.js';
import { KnowledgeError, loadKnowledge } from './knowledge/load.js';
import { createLogger, type Logger } from './log.js';
import { healthRoutes } from './observability/health.js';
import { createMetrics } from './observability/metrics.js';
import { createMissLog, type MissLog } from './observability/misses.js';
import { InFlight, observeBot } from './observability/observed-bot.js';
import { startRouteServer, type RouteServer } from './observability/route-server.js';
import { MemoryClaimStore, type ClaimStore } from './state/claims.js';

const GUIDANCE = `awsbot: no chat platform is configured.
  Slack:   set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)
  Discord: set DISCORD_TOKEN
  (in the environment or a .env file; see .env.example and the README)
  To try it in a terminal instead: npx awsbot chat
`;
/** Where Slack posts in HTTP mode (platforms/slack/app.ts's EVENTS_PATH; not imported, to load Bolt only when Slack is configured). */
const SLACK_EVENTS_PATH = '/slack/events';
/** The whole shutdown, in-flight answers included, must fit in this. */
const SHUTDOWN_MS = 10_000;

interface Running {
  name: string;
  /** Stop taking new questions (answers already started go on). */
  pause?(): void | Promise<void>;
  stop(): Promise<void>;
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`awsbot: ${err.message}\nSee .env.example for every variable and what it expects.\n`);
      return 2;
    }
    throw err;
  }
  if (!config.slack && !config.discord) {
    if (process.stdin.isTTY && process.stdout.isTTY) {
      process.stdout.write('No Slack or Discord configured (set SLACK_* or DISCORD_*, see .env.example): starting the terminal chat.\n');
      return (await import('./cli/chat.js')).runChat([]);
    }
    process.stderr.write(GUIDANCE);
    return 2;
  }

  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

  // Health first: /healthz answers from here on, and /readyz says what is still loading or connecting.
  const metrics = createMetrics();
  const ready: Record<string, () => boolean> = { knowledge: () => false };
  if (config.slack) ready.slack = () => false;
  if (config.discord) ready.discord = () => false;
  const routes = healthRoutes(metrics, { checks: ready });
  let server: RouteServer;
  try {
    server = await startRouteServer(routes, config.http.host, config.http.port, logger);
  } catch (err) {
    logger.fatal({ err: (err as Error).message, host: config.http.host, port: config.http.port }, 'cannot listen for health checks and metrics; not starting');
    return 1;
  }
  logger.info({ address: server.address }, 'health and metrics server listening');
  // Slack (HTTP mode) gets 503 and retries until it is connected.
  if (config.slack?.mode === 'http') server.reserve(SLACK_EVENTS_PATH);

  const running: Running[] = [];
  const inFlight = new InFlight();
  let closeStores: () => Promise<void> = async () => {};
  let misses: MissLog | undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const hard = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_MS);
    hard.unref();
    logger.info({ signal, inFlight: inFlight.size }, 'shutting down: no new questions, finishing the ones in flight');
    // No new questions or connections, then the answers in flight, then connections and shared state.
    await Promise.allSettled(running.map(async (r) => r.pause?.()));
    server.stopAccepting();
    const drained = await inFlight.idle(SHUTDOWN_MS - 2000);
    if (!drained) logger.warn({ inFlight: inFlight.size }, 'answers still in flight at shutdown');
    await misses?.flush();
    await Promise.allSettled([...running.map((r) => r.stop()), server.close(), closeStores()]);
    logger.info({ exitCode }, 'stopped');
    clearTimeout(hard);
    process.exit(exitCode);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  let knowledge;
  try {
    knowledge = loadKnowledge();
  } catch (err) {
    if (err instanceof KnowledgeError) {
      logger.fatal({ problems: err.problems }, 'the knowledge base in intents/ is invalid; not starting');
      await server.close();
      return 1;
    }
    throw err;
  }

  misses = config.missesFile ? createMissLog(config.missesFile, (err) => logger.warn({ err }, 'cannot write the misses file')) : undefined;
  const stores = await openStores(config, logger);
  closeStores = stores.closeStores;
  const { conversations, claims } = stores;
  const bot = createBot(knowledge, { store: conversations });
  // The first answer trains the intent classifier: done now, so that "ready" means answering at full speed.
  bot.answerNow('difference between S3 and EC2');
  ready.knowledge = () => true;

  // The platforms connect side by side. One that cannot start stops the whole process with exit
  // code 1: never half alive (serving one platform while the other is down and /healthz says ok),
  // so the orchestrator restarts it and an operator sees why in the log.
  const startPlatform = async (name: 'slack' | 'discord', label: string, start: () => Promise<void>) => {
    logger.info({ platform: name }, `connecting to ${label}`);
    const slow = setTimeout(() => logger.warn({ platform: name }, `still connecting to ${label} after 10 s`), 10_000);
    slow.unref();
    try {
      await start();
    } catch (err) {
      logger.fatal({ platform: name, err: err instanceof Error ? err.message : String(err) }, `${label} could not start: exiting`);
      await shutdown(`${name} start-up failure`, 1);
    } finally {
      clearTimeout(slow);
    }
  };
  const platforms: Promise<void>[] = [];
  if (config.slack) {
    platforms.push(
      startPlatform('slack', 'Slack', async () => {
        const { startSlack } = await import('./platforms/slack/app.js');
        const slack = await startSlack({
          config,
          bot: observeBot(bot, { platform: 'slack', metrics, logger, misses }),
          logger,
          claims,
          server,
          track: (work) => inFlight.track(work),
          onSendFailure: (reason) => metrics.errors.inc({ platform: 'slack', kind: 'send', reason }),
        });
        let slackUp = true;
        ready.slack = () => slackUp;
        // Stopping Slack's receiver takes no new requests; answers already started keep their Web API client.
        running.push({ name: 'slack', pause: async () => ((slackUp = false), slack.stop()), stop: async () => {} });
      }),
    );
  }
  if (config.discord) {
    const discordConfig = config.discord;
    platforms.push(
      startPlatform('discord', 'Discord', async () => {
        const { startDiscord } = await import('./platforms/discord/client.js');
        const discord = await startDiscord({
          config,
          bot: observeBot(bot, { platform: 'discord', metrics, logger, misses }),
          logger,
          claims,
          messageContent: discordConfig.messageContent,
          track: (work) => inFlight.track(work),
          onSendFailure: (reason) => metrics.errors.inc({ platform: 'discord', kind: 'send', reason }),
        });
        ready.discord = () => discord.client.isReady();
        running.push({ name: 'discord', pause: () => discord.pause(), stop: () => discord.stop() });
      }),
    );
  }
  await Promise.all(platforms);
  if (stopping) return undefined;
  logger.info({ platforms: Object.keys(ready).filter((k) => k !== 'knowledge'), services: knowledge.catalog.length }, 'awsbot started');

  return undefined;
}

async function openStores(config: Config, logger: Logger): Promise<{ conversations: ConversationStore; claims: ClaimStore; closeStores: () => Promise<void> }> {
  if (!config.redisUrl) {
    return {
      conversations: new MemoryConversationStore({ ttlMs: config.context.ttlMs, maxEntries: config.context.maxConversations }),
      claims: new MemoryClaimStore(),
      closeStores: async () => {},
    };
  }
  // Usable at once; Redis is used from the moment it answers, however long that takes (logged when it does).
  const { openRedisStores } = await import('./state/redis-stores.js');
  const redis = openRedisStores({ url: config.redisUrl, logger, ttlMs: config.context.ttlMs, prefix: config.redisKeyPrefix });
  return { conversations: redis.conversations, claims: redis.claims, closeStores: () => redis.close() };
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`awsbot: could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
