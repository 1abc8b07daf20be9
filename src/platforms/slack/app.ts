/**
 * The Slack adapter's wiring. Socket Mode when an app-level token is set (no public URL needed);
 * otherwise HTTP with request signing, Events API, slash commands and interactivity all on
 * POST /slack/events (forged, unsigned or replayed requests get 401). In HTTP mode Bolt's receiver
 * is mounted on the process's own server (route-server.ts, already serving /healthz…), or on a
 * server of its own when none is given.
 */
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type CustomRoute } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../log.js';
import { MemoryClaimStore, type ClaimStore } from '../../state/claims.js';
import { withSendFailures, type SendFailureReport } from '../send-failures.js';
import { boltLogger } from './bolt-logger.js';
import { webClientOptions, type ClientTuning } from './client-options.js';
import { registerListeners } from './listeners/index.js';
import { slackErrorCode } from './reply.js';
import { startRouteServer, type RequestListener, type RouteServer } from '../../observability/route-server.js';

/** Where Slack sends events, commands and interactivity in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

export interface StartSlackOptions {
  config: Config;
  bot: Bot;
  logger: Logger;
  /** Claims each message once; share one (Redis) between replicas. Default: in memory. */
  claims?: ClaimStore;
  /** The process's HTTP server: HTTP mode mounts POST /slack/events on it. Without one, the adapter starts its own. */
  server?: RouteServer;
  /** Without `server`: extra HTTP routes (/healthz, /metrics) on the adapter's own server. */
  customRoutes?: CustomRoute[];
  /** HTTP mode: reply to Slack only once the listeners finished. Default false (acknowledge at once). */
  processBeforeResponse?: boolean;
  /** Web API retry policy and timeout; defaults in client-options.ts. */
  client?: ClientTuning;
  /** Wraps the handling of every incoming request, answer posting included (shutdown waits for it). */
  track?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Told of every answer, apology or note that could not be sent, with a short reason (for metrics). */
  onSendFailure?: SendFailureReport;
}

export interface SlackAdapter {
  app: App;
  mode: 'socket' | 'http';
  /** The HTTP server's address: HTTP mode, or Socket Mode with custom routes. */
  address?: AddressInfo;
  stop(): Promise<void>;
}

export class SlackStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}

export async function startSlack(options: StartSlackOptions): Promise<SlackAdapter> {
  const { config, bot } = options;
  const slack = config.slack;
  if (!slack) throw new SlackStartError('Slack is not configured: set SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
  const log = options.logger.child({ platform: 'slack', mode: slack.mode });
  const sdkLogger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = { ...webClientOptions(slack.apiUrl, options.client), logger: sdkLogger };

  // Who the bot is, once: its own messages are never answered, and a bad token stops here, clearly.
  let identity: webApi.AuthTestResponse;
  try {
    identity = await new webApi.WebClient(slack.botToken, clientOptions).auth.test();
  } catch (err) {
    const code = slackErrorCode(err);
    throw new SlackStartError(
      code ? `Slack did not accept the bot token (auth.test: ${code})` : `could not reach Slack at ${clientOptions.slackApiUrl} (${(err as Error).message})`,
      { cause: err },
    );
  }
  if (!identity.user_id) throw new SlackStartError('auth.test did not return the bot user id');

  const customRoutes = options.customRoutes ?? [];
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (slack.mode === 'socket') {
    if (!slack.appToken) throw new SlackStartError('Socket Mode needs SLACK_APP_TOKEN (xapp-…)');
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: sdkLogger,
      // apps.connections.open goes to the same API URL; the Socket Mode client keeps its own reconnect policy.
      installerOptions: { clientOptions: { slackApiUrl: clientOptions.slackApiUrl } },
    });
  } else {
    if (!slack.signingSecret) throw new SlackStartError('HTTP mode needs SLACK_SIGNING_SECRET');
    receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: EVENTS_PATH,
      processBeforeResponse: options.processBeforeResponse ?? false,
      logger: sdkLogger,
    });
  }

  const app = new App({
    token: slack.botToken,
    botId: identity.bot_id,
    botUserId: identity.user_id,
    receiver,
    logger: sdkLogger,
    clientOptions,
    convoStore: false,
  });
  // Listeners catch their own failures; anything else is logged, never rethrown (no crash, no 500 that makes Slack retry).
  app.error(async (err) => {
    log.error({ err }, 'unhandled Slack error');
  });
  const track = options.track ?? (<T>(work: () => Promise<T>) => work());
  const onSendFailure = options.onSendFailure;
  app.use(async ({ next }) => {
    await track(() => withSendFailures(onSendFailure, next));
  });
  registerListeners(app, { bot, logger: log, claims: options.claims ?? new MemoryClaimStore(), botUserId: identity.user_id });

  if (receiver instanceof SocketModeReceiver) {
    const socket = receiver;
    try {
      await app.start();
    } catch (err) {
      await socket.client.disconnect().catch(() => undefined);
      const code = slackErrorCode(err);
      throw new SlackStartError(
        code ? `Slack did not accept the app-level token (apps.connections.open: ${code})` : `could not connect to Slack in Socket Mode (${(err as Error).message})`,
        { cause: err },
      );
    }
    let routes: RouteServer | undefined;
    try {
      if (!options.server && customRoutes.length > 0) routes = await startRouteServer(customRoutes, config.http.host, config.http.port, log);
    } catch (err) {
      await socket.client.disconnect();
      throw err;
    }
    const address = options.server?.address ?? routes?.address;
    log.info({ botUserId: identity.user_id, address }, 'Slack connected (Socket Mode)');
    return {
      app,
      mode: 'socket',
      address,
      async stop() {
        await socket.client.disconnect();
        await routes?.close();
      },
    };
  }

  // HTTP mode: Bolt's receiver answers POST /slack/events on our server (App#start would start a server of Bolt's own).
  const http = receiver;
  const listener: RequestListener = (req, res) => http.requestListener(req, res);
  const own = options.server ? undefined : await startRouteServer(customRoutes, config.http.host, config.http.port, log);
  const server = (options.server ?? own)!;
  server.mount(EVENTS_PATH, listener);
  log.info({ botUserId: identity.user_id, address: server.address, path: EVENTS_PATH }, 'Slack listening (HTTP)');
  return {
    app,
    mode: 'http',
    address: server.address,
    async stop() {
      server.unmount(EVENTS_PATH);
      await own?.close();
    },
  };
}
