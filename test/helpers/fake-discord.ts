/**
 * A small fake Discord on 127.0.0.1 for tests with the real discord.js: its REST API (point
 * discord.js at `apiUrl`) and its gateway (HELLO, IDENTIFY, heartbeats, READY and GUILD_CREATE,
 * RESUME with replay, dispatches). It behaves like Discord where the bot's correctness depends on
 * it: intents are applied server-side (no message content without the privileged intent unless
 * the message mentions the bot or is a DM; DMs only with the DirectMessages intent), payloads over
 * Discord's limits are rejected with 400, an interaction answered after 3 seconds or twice is
 * refused, and the pings each sent message would cause are computed from its allowed mentions.
 * Faults (429 rate limits, errors) can be injected per route.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { autocompleteLimitViolations, messageLimitViolations } from './discord-limits.js';

type Json = Record<string, any>;

export const INTENTS = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 } as const;
const DISCORD_EPOCH = 1420070400000n;
/** What Discord allows for the first response to an interaction. */
const INTERACTION_WINDOW_MS = 3000;

export interface FakeDiscordOptions {
  token?: string;
  /** Whether the application may use the privileged Message Content intent (a portal setting). */
  messageContentIntent?: boolean;
  heartbeatIntervalMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** The path after /api/v10, as received (e.g. `%40original` stays encoded). */
  path: string;
  query: URLSearchParams;
  body: any;
  status: number;
}

/** Who a sent message would notify, by Discord's rules for content and allowed mentions. */
export interface Pings {
  everyone: boolean;
  users: string[];
  roles: string[];
}

export interface SentMessage {
  via: 'channel' | 'callback' | 'edit-original' | 'followup';
  message: Json;
  body: Json;
  ephemeral: boolean;
  pings: Pings;
}

export interface CallbackRecord {
  interactionId: string;
  type: number;
  data: Json | undefined;
  /** Milliseconds between the interaction's dispatch and this callback. */
  afterMs: number;
}

interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  times: number;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
  socket?: WebSocket;
  backlog: Json[];
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  channelId: string;
  guildId?: string;
  user: Json;
  createdAt: number;
  acknowledged: boolean;
  originalId?: string;
  /** For component interactions: the message whose button was clicked. */
  interactedMessageId?: string;
}

export interface UserMessageOptions {
  content: string;
  author?: Json;
  /** In the guild text channel (default) or in a DM with the author. */
  dm?: boolean;
  /** Puts `<@bot>` in front of the content (and the bot in the message's mentions). */
  mentionBot?: boolean;
  replyTo?: Json;
  /** Whether the reply pings the author of the replied message (Discord's default: yes). */
  pingReply?: boolean;
}

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly botUser: Json;
  readonly alice: Json;
  readonly bob: Json;
  readonly otherBot: Json;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly botRoleId = snowflake();
  readonly requests: RecordedRequest[] = [];
  /** Gateway payloads received from the client (heartbeats, IDENTIFY, RESUME, ...). */
  readonly received: Json[] = [];
  readonly sent: SentMessage[] = [];
  readonly callbacks: CallbackRecord[] = [];
  readonly autocompleteResults: Json[][] = [];
  readonly commands: { route: string; body: any }[] = [];
  readonly messages = new Map<string, Json>();
  heartbeatAcks = 0;
  identifies = 0;
  resumes = 0;

  private readonly options: Required<FakeDiscordOptions>;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private session?: Session;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly dmChannels = new Map<string, string>();
  private readonly faults: Fault[] = [];
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.options = { token: 'fake-bot-token', messageContentIntent: false, heartbeatIntervalMs: 41_250, ...options };
    this.token = this.options.token;
    this.botUser = { id: snowflake(), username: 'awsbot', discriminator: '0', global_name: 'awsbot', avatar: null, bot: true };
    this.alice = user('alice');
    this.bob = user('bob');
    this.otherBot = { ...user('otherbot'), bot: true };
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.http.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ------------------------------------------------------------------ test controls

  /** The next `times` requests matching get this response instead of being handled. */
  failNext(match: { method?: string; path: RegExp }, response: { status: number; body?: unknown; headers?: Record<string, string> }, times = 1): void {
    this.faults.push({ ...match, status: response.status, body: response.body ?? { message: 'fault', code: 0 }, headers: response.headers ?? {}, times });
  }

  /** The next matching request gets a 429 with `retry_after`, as Discord's per-route limits do. */
  rateLimitNext(match: { method?: string; path: RegExp }, retryAfterSeconds: number): void {
    this.failNext(match, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      headers: {
        'Retry-After': String(retryAfterSeconds),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset-After': String(retryAfterSeconds),
        'X-RateLimit-Bucket': 'fake-bucket',
        'X-RateLimit-Scope': 'user',
      },
    });
  }

  /** Cuts the gateway connection without a close frame, as a network drop does (code 1006). */
  dropGateway(): void {
    this.session?.socket?.terminate();
  }

  /** Closes the gateway connection with a close code. */
  closeGateway(code: number): void {
    this.session?.socket?.close(code, 'closed by the fake');
  }

  /** Forgets every session, so a RESUME is refused (op 9) and the client must identify again. */
  forgetSessions(): void {
    this.sessions.clear();
  }

  get connected(): boolean {
    return this.session?.socket?.readyState === 1;
  }

  get identifiedIntents(): number | undefined {
    return this.session?.intents;
  }

  /** Resolves when `find` returns something; rejects after `timeoutMs`. */
  async waitFor<T>(find: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`fake Discord: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** The next message the bot sends after this call (optionally matching). */
  nextSent(predicate: (s: SentMessage) => boolean = () => true, timeoutMs = 5000): Promise<SentMessage> {
    const from = this.sent.length;
    return this.waitFor(() => this.sent.slice(from).find(predicate), timeoutMs, 'a message from the bot');
  }

  /** Resolves after `ms` during which the bot sent nothing. */
  async expectSilence(ms: number): Promise<void> {
    const before = this.sent.length + this.callbacks.length;
    await new Promise((r) => setTimeout(r, ms));
    if (this.sent.length + this.callbacks.length !== before) throw new Error('fake Discord: the bot answered when it should not have');
  }

  dmChannelOf(u: Json): string {
    let id = this.dmChannels.get(u.id);
    if (!id) {
      id = snowflake();
      this.dmChannels.set(u.id, id);
    }
    return id;
  }

  // ------------------------------------------------------------------ users acting

  /** A user posts a message; it is dispatched as MESSAGE_CREATE, filtered by the client's intents. */
  userSays(o: UserMessageOptions): Json {
    const author = o.author ?? this.alice;
    const content = o.mentionBot ? `<@${this.botUser.id}> ${o.content}` : o.content;
    const mentions: Json[] = [];
    for (const m of content.matchAll(/<@!?(\d+)>/g)) {
      const u = [this.botUser, this.alice, this.bob, this.otherBot].find((x) => x.id === m[1]);
      if (u && !mentions.some((x) => x.id === u.id)) mentions.push(u);
    }
    if (o.replyTo && (o.pingReply ?? true) && !mentions.some((x) => x.id === o.replyTo!.author.id)) mentions.push(o.replyTo.author);
    const channelId = o.dm ? this.dmChannelOf(author) : this.channelId;
    const message: Json = {
      id: snowflake(),
      channel_id: channelId,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: /@(everyone|here)\b/.test(content),
      mentions,
      mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]),
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: o.replyTo ? 19 : 0,
      flags: 0,
    };
    if (!o.dm) {
      message.guild_id = this.guildId;
      message.member = member();
    } else {
      message.channel_type = 1;
    }
    if (o.replyTo) {
      message.message_reference = { type: 0, message_id: o.replyTo.id, channel_id: o.replyTo.channel_id, guild_id: o.replyTo.guild_id };
      message.referenced_message = withoutReference(o.replyTo);
    }
    this.messages.set(message.id, message);
    this.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** A user runs `/aws-compare` with these options. */
  slashCommand(options: Record<string, string>, where: { dm?: boolean; user?: Json } = {}): InteractionState {
    const data = {
      id: 'cmd-aws-compare',
      name: 'aws-compare',
      type: 1,
      options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })),
    };
    return this.interact(2, data, where);
  }

  /** A user types in an option of `/aws-compare`: autocomplete for `focused`. */
  autocomplete(focused: string, options: Record<string, string>, where: { dm?: boolean; user?: Json } = {}): InteractionState {
    const data = {
      id: 'cmd-aws-compare',
      name: 'aws-compare',
      type: 1,
      options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value, ...(name === focused ? { focused: true } : {}) })),
    };
    return this.interact(4, data, where);
  }

  /** A user clicks a button of a message the bot sent. */
  clickButton(message: Json, customId: string, where: { user?: Json } = {}): InteractionState {
    return this.interact(3, { custom_id: customId, component_type: 2 }, { dm: message.guild_id === undefined, user: where.user }, message);
  }

  /** Every button (label and custom id) of a message. */
  buttonsOf(message: Json): { label: string; custom_id: string }[] {
    return (message.components ?? []).flatMap((row: Json) => row.components ?? []);
  }

  private interact(type: number, data: Json, where: { dm?: boolean; user?: Json }, message?: Json): InteractionState {
    const who = where.user ?? this.alice;
    const channelId = message?.channel_id ?? (where.dm ? this.dmChannelOf(who) : this.channelId);
    const state: InteractionState = {
      id: snowflake(),
      token: `itoken-${Math.random().toString(36).slice(2)}`,
      type,
      channelId,
      guildId: where.dm ? undefined : this.guildId,
      user: who,
      createdAt: Date.now(),
      acknowledged: false,
      interactedMessageId: message?.id,
    };
    this.interactions.set(state.token, state);
    const payload: Json = {
      id: state.id,
      application_id: this.applicationId,
      type,
      token: state.token,
      version: 1,
      data,
      channel_id: channelId,
      channel: where.dm ? { id: channelId, type: 1, recipients: [who] } : { id: channelId, type: 0, guild_id: this.guildId, name: 'general', position: 0, permission_overwrites: [] },
      app_permissions: '1125899906842623',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: where.dm ? { '1': who.id } : { '0': this.guildId },
      context: where.dm ? 1 : 0,
      attachment_size_limit: 8388608,
    };
    if (where.dm) {
      payload.user = who;
    } else {
      payload.guild_id = this.guildId;
      payload.guild_locale = 'en-US';
      payload.guild = { id: this.guildId, locale: 'en-US', features: [] };
      payload.member = { ...member(), user: who, permissions: '1125899906842623' };
    }
    if (message) payload.message = message;
    this.dispatch('INTERACTION_CREATE', payload);
    return state;
  }

  /** Delivers the same dispatch again, as Discord may after a reconnect. */
  redeliver(t: string, d: Json): void {
    this.dispatch(t, d);
  }

  // ------------------------------------------------------------------ gateway

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    if (params.get('encoding') !== 'json' || params.get('v') !== '10') {
      ws.close(4012, 'Invalid API version or encoding');
      return;
    }
    ws.on('message', (raw) => this.onGatewayMessage(ws, raw.toString()));
    ws.on('close', () => {
      for (const s of this.sessions.values()) if (s.socket === ws) s.socket = undefined;
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
  }

  private onGatewayMessage(ws: WebSocket, raw: string): void {
    let payload: Json;
    try {
      payload = JSON.parse(raw);
    } catch {
      ws.close(4002, 'Decode error');
      return;
    }
    this.received.push(payload);
    switch (payload.op) {
      case 1:
        this.heartbeatAcks++;
        this.send(ws, { op: 11, d: null, s: null, t: null });
        break;
      case 2:
        this.identify(ws, payload.d);
        break;
      case 6:
        this.resume(ws, payload.d);
        break;
      default:
        break;
    }
    this.emit('change');
  }

  private identify(ws: WebSocket, d: Json): void {
    if (d?.token !== this.token) return void ws.close(4004, 'Authentication failed.');
    const intents = Number(d.intents);
    if (intents & INTENTS.MessageContent && !this.options.messageContentIntent) return void ws.close(4014, 'Disallowed intent(s).');
    this.identifies++;
    const session: Session = { id: `session-${snowflake()}`, seq: 0, intents, socket: ws, backlog: [] };
    this.sessions.set(session.id, session);
    this.session = session;
    this.dispatch('READY', {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: `${this.gatewayUrl}/resume`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
    });
    this.dispatch('GUILD_CREATE', this.guildPayload());
  }

  private resume(ws: WebSocket, d: Json): void {
    const session = this.sessions.get(d?.session_id);
    if (!session || d?.token !== this.token) return this.send(ws, { op: 9, d: false, s: null, t: null });
    this.resumes++;
    session.socket = ws;
    this.session = session;
    for (const missed of session.backlog.filter((p) => p.s > Number(d.seq))) this.send(ws, missed);
    this.dispatch('RESUMED', {});
  }

  private dispatch(t: string, d: Json): void {
    const session = this.session;
    if (!session) throw new Error(`fake Discord: no session to dispatch ${t} to (the client has not identified)`);
    const visible = this.applyIntents(t, d, session.intents);
    if (!visible) return;
    const payload = { op: 0, s: ++session.seq, t, d: visible };
    session.backlog.push(payload);
    if (session.backlog.length > 500) session.backlog.shift();
    if (session.socket) this.send(session.socket, payload);
  }

  /** What Discord would deliver of an event to a client with these intents; undefined for nothing. */
  applyIntents(t: string, d: Json, intents: number): Json | undefined {
    if (t === 'GUILD_CREATE' && !(intents & INTENTS.Guilds)) return undefined;
    if (t !== 'MESSAGE_CREATE') return d;
    const dm = d.guild_id === undefined;
    if (dm ? !(intents & INTENTS.DirectMessages) : !(intents & INTENTS.GuildMessages)) return undefined;
    const hidden = (m: Json) =>
      !(intents & INTENTS.MessageContent) && m.guild_id !== undefined && m.author?.id !== this.botUser.id && !(m.mentions ?? []).some((u: Json) => u.id === this.botUser.id);
    const strip = (m: Json) => (hidden(m) ? { ...m, content: '', embeds: [], attachments: [], components: [] } : m);
    const out = strip(d);
    return d.referenced_message ? { ...out, referenced_message: strip(d.referenced_message) } : out;
  }

  private send(ws: WebSocket, payload: Json): void {
    if (ws.readyState === 1) ws.send(JSON.stringify(payload));
  }

  private guildPayload(): Json {
    return {
      id: this.guildId,
      name: 'AWS fans',
      icon: null,
      owner_id: this.alice.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      features: [],
      roles: [
        { id: this.guildId, name: '@everyone', permissions: '1071698660929', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: this.botRoleId, name: 'awsbot', permissions: '274877991936', position: 1, color: 0, hoist: false, managed: true, mentionable: true, flags: 0, tags: { bot_id: this.botUser.id } },
      ],
      emojis: [],
      stickers: [],
      channels: [{ id: this.channelId, type: 0, guild_id: this.guildId, name: 'general', position: 0, permission_overwrites: [], topic: null, nsfw: false, parent_id: null, rate_limit_per_user: 0 }],
      threads: [],
      members: [{ ...member([this.botRoleId]), user: this.botUser }],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      member_count: 3,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
    };
  }

  // ------------------------------------------------------------------ REST

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const path = url.pathname.replace(/^\/api\/v10/, '');
    const record: RecordedRequest = { method, path, query: url.searchParams, body, status: 0 };
    this.requests.push(record);
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
      this.emit('change');
    };
    if (!url.pathname.startsWith('/api/v10/')) return reply(404, { message: '404: Not Found', code: 0 });
    const fault = this.faults.find((f) => f.times > 0 && (!f.method || f.method === method) && f.path.test(path));
    if (fault) {
      fault.times--;
      return reply(fault.status, fault.body, fault.headers);
    }
    try {
      const [status, payload] = this.route(method, path, url.searchParams, body, req.headers.authorization);
      reply(status, payload);
    } catch (err) {
      reply(500, { message: `fake Discord error: ${(err as Error).message}`, code: 0 });
    }
  }

  private route(method: string, path: string, query: URLSearchParams, body: any, auth: string | undefined): [number, unknown?] {
    const botAuth = auth === `Bot ${this.token}`;
    const unauthorized: [number, unknown] = [401, { message: '401: Unauthorized', code: 0 }];
    let m: RegExpMatchArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      if (!botAuth) return unauthorized;
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === 'GET' && path === '/applications/@me') {
      if (!botAuth) return unauthorized;
      return [200, { id: this.applicationId, name: 'awsbot', bot: this.botUser, flags: 0 }];
    }
    if (method === 'PUT' && (m = path.match(/^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/))) {
      if (!botAuth) return unauthorized;
      if (m[1] !== this.applicationId) return [403, { message: 'Missing Access', code: 50001 }];
      if (m[2] && m[2] !== this.guildId) return [404, { message: 'Unknown Guild', code: 10004 }];
      this.commands.push({ route: path, body });
      return [200, (body as Json[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake() }))];
    }
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!botAuth) return unauthorized;
      const invalid = this.invalidMessage(body);
      if (invalid) return invalid;
      const message = this.botMessage(m[1]!, body, {});
      this.record('channel', message, body);
      return [200, message];
    }
    if (method === 'GET' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      if (!botAuth) return unauthorized;
      const message = this.messages.get(m[2]!);
      if (!message || message.channel_id !== m[1]) return [404, { message: 'Unknown Message', code: 10008 }];
      const visible = this.applyIntents('MESSAGE_CREATE', message, this.session?.intents ?? 0) ?? message;
      return [200, visible];
    }
    if (method === 'POST' && path.match(/^\/channels\/(\d+)\/typing$/)) return [204];
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.callback(m[1]!, decodeURIComponent(m[2]!), body, query.get('with_response') === 'true');
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/(%40original|@original)$/))) {
      const state = this.interactions.get(decodeURIComponent(m[2]!));
      if (m[1] !== this.applicationId || !state?.originalId) return [404, { message: 'Unknown Webhook', code: 10015 }];
      const original = this.messages.get(state.originalId)!;
      if (method === 'GET') return [200, original];
      if (method !== 'PATCH') return [405, { message: '405: Method Not Allowed', code: 0 }];
      const invalid = this.invalidMessage({ ...original, ...body });
      if (invalid) return invalid;
      const edited: Json = { ...original, ...pick(body, ['content', 'embeds', 'components', 'flags']), flags: (original.flags ?? 0) & ~128, edited_timestamp: new Date().toISOString() };
      this.messages.set(edited.id, edited);
      this.record('edit-original', edited, body);
      return [200, edited];
    }
    if (method === 'POST' && (m = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      const state = this.interactions.get(decodeURIComponent(m[2]!));
      if (m[1] !== this.applicationId || !state) return [404, { message: 'Unknown Webhook', code: 10015 }];
      if (!state.acknowledged) return [400, { message: 'Interaction has not been acknowledged.', code: 40060 }];
      const invalid = this.invalidMessage(body);
      if (invalid) return invalid;
      const message = this.botMessage(state.channelId, body, { interaction_metadata: this.metadataOf(state), webhook_id: this.applicationId });
      this.record('followup', message, body);
      return [200, message];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private callback(interactionId: string, token: string, body: Json, withResponse: boolean): [number, unknown?] {
    const state = this.interactions.get(token);
    if (!state || state.id !== interactionId) return [404, { message: 'Unknown interaction', code: 10062 }];
    const afterMs = Date.now() - state.createdAt;
    if (afterMs > INTERACTION_WINDOW_MS) return [404, { message: 'Unknown interaction', code: 10062 }];
    if (state.acknowledged) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    const type = Number(body?.type);
    const data: Json | undefined = body?.data;
    if (type === 8) {
      const problems = autocompleteLimitViolations(data?.choices);
      if (problems.length > 0) return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      state.acknowledged = true;
      this.callbacks.push({ interactionId, type, data, afterMs });
      this.autocompleteResults.push(data!.choices);
      return [204];
    }
    if (type !== 4 && type !== 5 && type !== 6 && type !== 7) return [400, { message: 'Invalid Form Body', code: 50035 }];
    if (type === 4 || type === 7) {
      const invalid = this.invalidMessage(data ?? {});
      if (invalid) return invalid;
    }
    state.acknowledged = true;
    this.callbacks.push({ interactionId, type, data, afterMs });
    let message: Json | undefined;
    if (type === 4 || type === 5) {
      const flags = (data?.flags ?? 0) | (type === 5 ? 128 : 0);
      message = this.botMessage(state.channelId, { ...data, flags }, { interaction_metadata: this.metadataOf(state), webhook_id: this.applicationId });
      state.originalId = message.id;
      if (type === 4) this.record('callback', message, data ?? {});
    }
    if (!withResponse) return [204];
    return [
      200,
      {
        interaction: { id: state.id, type: state.type, response_message_id: message?.id, response_message_loading: type === 5, response_message_ephemeral: Boolean((data?.flags ?? 0) & 64) },
        ...(message ? { resource: { type, message } } : {}),
      },
    ];
  }

  private metadataOf(state: InteractionState): Json {
    return {
      id: state.id,
      type: state.type,
      user: state.user,
      authorizing_integration_owners: state.guildId ? { '0': state.guildId } : { '1': state.user.id },
      ...(state.interactedMessageId ? { interacted_message_id: state.interactedMessageId } : {}),
    };
  }

  private invalidMessage(body: Json | undefined): [number, unknown] | undefined {
    if (!body || (!body.content && !(body.embeds?.length > 0) && !(body.components?.length > 0))) {
      return [400, { message: 'Cannot send an empty message', code: 50006 }];
    }
    const problems = messageLimitViolations(body);
    return problems.length > 0 ? [400, { message: 'Invalid Form Body', code: 50035, errors: problems }] : undefined;
  }

  private botMessage(channelId: string, body: Json, extra: Json): Json {
    const referenced = body.message_reference?.message_id ? this.messages.get(body.message_reference.message_id) : undefined;
    const guildId = channelId === this.channelId ? this.guildId : undefined;
    const message: Json = {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: extra.interaction_metadata ? (extra.interaction_metadata.type === 2 ? 20 : 0) : referenced ? 19 : 0,
      flags: body.flags ?? 0,
      ...extra,
    };
    if (guildId) message.guild_id = guildId;
    if (referenced) {
      message.message_reference = { type: 0, message_id: referenced.id, channel_id: referenced.channel_id, guild_id: referenced.guild_id };
      message.referenced_message = withoutReference(referenced);
    }
    this.messages.set(message.id, message);
    // Discord delivers the bot's own messages to it too (the bot must ignore them).
    if (!(message.flags & 64)) setImmediate(() => this.session && this.dispatch('MESSAGE_CREATE', message));
    return message;
  }

  private record(via: SentMessage['via'], message: Json, body: Json): void {
    const referenced = message.message_reference ? this.messages.get(message.message_reference.message_id) : undefined;
    this.sent.push({ via, message, body, ephemeral: Boolean((body.flags ?? 0) & 64), pings: pingsOf(body, referenced) });
  }
}

/**
 * Who a message notifies: mentions in its content allowed by `allowed_mentions` (everything when
 * absent), plus the author of the replied message unless `replied_user` is false. Embeds never ping.
 */
export function pingsOf(body: Json, replied?: Json): Pings {
  const content: string = body.content ?? '';
  const allowed: Json | undefined = body.allowed_mentions;
  const parse: string[] = allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone'];
  const users = new Set<string>();
  const roles = new Set<string>();
  for (const m of content.matchAll(/<@!?(\d+)>/g)) if (parse.includes('users') || allowed?.users?.includes(m[1])) users.add(m[1]!);
  for (const m of content.matchAll(/<@&(\d+)>/g)) if (parse.includes('roles') || allowed?.roles?.includes(m[1])) roles.add(m[1]!);
  const repliedUser = replied ? (allowed ? allowed.replied_user === true : true) : false;
  if (repliedUser && replied?.author?.id) users.add(replied.author.id);
  return { everyone: parse.includes('everyone') && /@(everyone|here)\b/.test(content), users: [...users], roles: [...roles] };
}

let counter = 0n;
function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | counter);
}

function user(name: string): Json {
  return { id: snowflake(), username: name, discriminator: '0', global_name: name, avatar: null };
}

function member(roles: string[] = []): Json {
  return { roles, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, avatar: null, nick: null, premium_since: null, pending: false, communication_disabled_until: null };
}

function withoutReference(message: Json): Json {
  const { referenced_message: _omit, ...rest } = message;
  return rest;
}

function pick(body: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
