/** Slack payloads as Slack sends them, for tests: mentions, DMs, /aws-compare, button clicks. */
import { BOT_USER, TEAM } from './fake-slack.js';

export const ALICE = 'U0ALICE';
export const GENERAL = 'C0GENERAL';
export const ALICE_DM = 'D0ALICE';

let clock = 1_800_000_000;
/** A fresh message ts, as Slack writes them. */
export function nextTs(): string {
  return `${clock++}.000200`;
}

export interface MessageOptions {
  channel?: string;
  ts?: string;
  thread_ts?: string;
  user?: string;
}

export function mentionEvent(text: string, o: MessageOptions = {}): Record<string, unknown> {
  const ts = o.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: o.user ?? ALICE,
    text: `<@${BOT_USER}> ${text}`,
    ts,
    event_ts: ts,
    channel: o.channel ?? GENERAL,
    team: TEAM,
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
  };
}

export function directMessageEvent(text: string, o: MessageOptions & { bot_id?: string; subtype?: string } = {}): Record<string, unknown> {
  const ts = o.ts ?? nextTs();
  return {
    type: 'message',
    channel_type: 'im',
    channel: o.channel ?? ALICE_DM,
    user: o.user ?? ALICE,
    text,
    ts,
    event_ts: ts,
    team: TEAM,
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
    ...(o.bot_id ? { bot_id: o.bot_id } : {}),
    ...(o.subtype ? { subtype: o.subtype } : {}),
  };
}

export function commandFields(text: string, responseUrl: string, o: { channel_id?: string; user_id?: string } = {}): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: o.channel_id ?? GENERAL,
    channel_name: 'general',
    user_id: o.user_id ?? ALICE,
    user_name: 'alice',
    command: '/aws-compare',
    text,
    api_app_id: 'A0AWSBOT',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}

export interface ClickOptions {
  action_id: string;
  value: string;
  channel?: string;
  /** The clicked message; omitted for ephemeral messages, as Slack does. */
  message?: { ts: string; thread_ts?: string };
  ephemeral?: boolean;
  response_url: string;
  user?: string;
}

export function buttonClickPayload(o: ClickOptions): Record<string, unknown> {
  const channel = o.channel ?? GENERAL;
  const container = o.ephemeral
    ? { type: 'message', message_ts: nextTs(), channel_id: channel, is_ephemeral: true }
    : { type: 'message', message_ts: o.message?.ts, channel_id: channel, is_ephemeral: false, ...(o.message?.thread_ts ? { thread_ts: o.message.thread_ts } : {}) };
  return {
    type: 'block_actions',
    user: { id: o.user ?? ALICE, username: 'alice', name: 'alice', team_id: TEAM },
    api_app_id: 'A0AWSBOT',
    token: 'legacy-verification-token',
    container,
    trigger_id: '1.2.3',
    team: { id: TEAM, domain: 'fake' },
    channel: { id: channel, name: 'general' },
    ...(o.message && !o.ephemeral ? { message: { type: 'message', user: BOT_USER, text: 'answer', ...o.message } } : {}),
    response_url: o.response_url,
    actions: [{ type: 'button', action_id: o.action_id, block_id: 'b1', value: o.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
  };
}
