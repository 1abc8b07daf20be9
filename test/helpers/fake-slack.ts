/**
 * A small fake Slack on 127.0.0.1 for tests: real HTTP and WebSocket traffic, no other address.
 * - Web API: records every call (auth.test, chat.postMessage, views.publish…), checks the token,
 *   rejects invalid blocks as Slack would, and can fail on purpose (429 with Retry-After, 5xx,
 *   a dropped connection, a Slack error code) before succeeding.
 * - response_url: loopback URLs that record what the app sends to them.
 * - Towards the app's HTTP receiver: signed Events API requests, slash commands and interactivity.
 * - Socket Mode: apps.connections.open returns a ws://127.0.0.1 URL; the fake says hello first and
 *   sends envelopes, resolving each when the client acknowledges its envelope_id.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { blockKitProblems } from './block-kit.js';

export const TEAM = 'T0TEAM';
export const BOT_USER = 'U0AWSBOT';
export const BOT_ID = 'B0AWSBOT';
export const BOT_TOKEN = 'xoxb-fake-bot-token';
export const APP_TOKEN = 'xapp-fake-app-token';
export const SIGNING_SECRET = 'fake-signing-secret-0123456789abcdef';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** What the fake answered: an HTTP status, and Slack's ok/error for 200s. */
  status: number;
  ok: boolean;
  error?: string;
  /** The body of a 200 answer. */
  result?: Record<string, unknown>;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { error: string } | { drop: true };

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

interface Pending {
  resolve: (ack: Record<string, unknown>) => void;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseApiArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) args[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return args;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  /** A signature to send instead of the right one; null sends none. */
  signature?: string | null;
  retryNum?: number;
  retryReason?: string;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: RecordedResponse[] = [];
  /** Channels the bot was never invited to: chat.postMessage answers not_in_channel. */
  readonly notInChannel = new Set<string>();
  /** Socket Mode connections handed out by apps.connections.open (kept across reset()). */
  openedConnections = 0;
  private readonly failures = new Map<string, Failure[]>();
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, Pending>();
  private nextTs = 1_700_000_000;
  private nextId = 1;
  private readonly wss: WebSocketServer;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {
    this.wss = new WebSocketServer({ server, path: '/link' });
    this.wss.on('connection', (ws) => this.onSocket(ws));
  }

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      void fake!.handle(req, res).catch((err: unknown) => send(res, 500, { ok: false, error: String(err) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeSlack(server, (server.address() as AddressInfo).port);
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A loopback response_url that records what is posted to it. */
  newResponseUrl(): string {
    return `http://127.0.0.1:${this.port}/respond/${this.nextId++}`;
  }

  /** Answers the next `times` calls of `method` with this failure, then normally again. */
  failNext(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** Successful calls of a method, their arguments in order. */
  posted(method = 'chat.postMessage'): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method && c.ok).map((c) => c.args);
  }

  /** The ts Slack gave the n-th successfully posted message. */
  postedTs(n: number): string {
    const call = this.calls.filter((c) => c.method === 'chat.postMessage' && c.ok)[n];
    if (!call?.result) throw new Error(`no posted message #${n}`);
    return String(call.result.ts);
  }

  /** Every call of a method, failed ones included. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(url: string): Record<string, unknown>[] {
    const id = url.split('/').pop();
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.failures.clear();
    this.notInChannel.clear();
  }

  /** Resolves once `check` holds, polling briefly; fails the test with `what` after `timeoutMs`. */
  async waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // ---------------------------------------------------------------- Web API and response_url

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const raw = await readBody(req);
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body: JSON.parse(raw) as Record<string, unknown> });
      send(res, 200, { ok: true });
      return;
    }
    if (!url.pathname.startsWith('/api/') || req.method !== 'POST') {
      send(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseApiArgs(raw, req.headers['content-type']);
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ('drop' in failure) {
        this.calls.push({ method, args, status: 0, ok: false, error: 'dropped' });
        req.socket.destroy();
        return;
      }
      if ('status' in failure) {
        this.calls.push({ method, args, status: failure.status, ok: false });
        if (failure.status === 429) send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
        else send(res, failure.status, { ok: false, error: 'server_error' });
        return;
      }
      this.calls.push({ method, args, status: 200, ok: false, error: failure.error });
      send(res, 200, { ok: false, error: failure.error });
      return;
    }
    const auth = req.headers.authorization ?? '';
    const answer = this.answer(method, args, auth);
    this.calls.push({ method, args, status: 200, ok: answer.ok === true, result: answer, ...(answer.ok ? {} : { error: String(answer.error) }) });
    send(res, 200, answer);
  }

  private answer(method: string, args: Record<string, unknown>, auth: string): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      if (auth !== `Bearer ${APP_TOKEN}`) return { ok: false, error: 'invalid_auth' };
      this.openedConnections++;
      return { ok: true, url: `ws://127.0.0.1:${this.port}/link?ticket=${this.nextId++}` };
    }
    if (auth !== `Bearer ${BOT_TOKEN}`) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake Team', user: 'awsbot', team_id: TEAM, user_id: BOT_USER, bot_id: BOT_ID };
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        if (args.blocks === undefined && !args.text) return { ok: false, error: 'no_text' };
        if (args.blocks !== undefined && blockKitProblems({ text: args.text, blocks: args.blocks }).length > 0) return { ok: false, error: 'invalid_blocks' };
        const ts = `${this.nextTs++}.000100`;
        return { ok: true, channel, ts, message: { type: 'message', user: BOT_USER, bot_id: BOT_ID, text: args.text, ts } };
      }
      case 'views.publish': {
        const view = args.view as { blocks?: unknown } | undefined;
        if (!args.user_id || !view) return { ok: false, error: 'invalid_arguments' };
        if (blockKitProblems({ blocks: view.blocks }, 'view').length > 0) return { ok: false, error: 'invalid_blocks' };
        return { ok: true, view: { id: 'V1', ...view } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  // ---------------------------------------------------------------- towards the app's HTTP receiver

  async signedPost(url: string, body: string, contentType: string, o: SignOptions = {}): Promise<Response> {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp) };
    const signature = o.signature === undefined ? sign(o.secret ?? SIGNING_SECRET, timestamp, body) : o.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    if (o.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(o.retryNum);
      headers['x-slack-retry-reason'] = o.retryReason ?? 'http_timeout';
    }
    return fetch(url, { method: 'POST', headers, body });
  }

  /** An Events API callback, as Slack wraps it. */
  eventEnvelope(event: Record<string, unknown>, eventId = `Ev${this.nextId++}`): Record<string, unknown> {
    return {
      token: 'legacy-verification-token',
      team_id: TEAM,
      api_app_id: 'A0AWSBOT',
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    };
  }

  sendEvent(receiverUrl: string, envelope: Record<string, unknown>, o: SignOptions = {}): Promise<Response> {
    return this.signedPost(receiverUrl, JSON.stringify(envelope), 'application/json', o);
  }

  sendCommand(receiverUrl: string, fields: Record<string, string>, o: SignOptions = {}): Promise<Response> {
    return this.signedPost(receiverUrl, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o);
  }

  sendInteraction(receiverUrl: string, payload: Record<string, unknown>, o: SignOptions = {}): Promise<Response> {
    return this.signedPost(receiverUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', o);
  }

  // ---------------------------------------------------------------- Socket Mode

  get socketCount(): number {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      const p = msg.envelope_id ? this.pending.get(msg.envelope_id) : undefined;
      if (p && msg.envelope_id) {
        this.pending.delete(msg.envelope_id);
        p.resolve(msg.payload ?? {});
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0AWSBOT' } }));
  }

  /** Sends an envelope to the connected client; resolves with the payload of its acknowledgement. */
  sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>, retryAttempt = 0): Promise<Record<string, unknown>> {
    const ws = [...this.sockets].find((s) => s.readyState === WebSocket.OPEN);
    if (!ws) return Promise.reject(new Error('no Socket Mode client connected'));
    const envelopeId = `env-${this.nextId++}`;
    const acked = new Promise<Record<string, unknown>>((resolve) => this.pending.set(envelopeId, { resolve }));
    ws.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api' ? { retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? 'timeout' : '' } : {}),
      }),
    );
    return acked;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
