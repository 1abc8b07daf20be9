/**
 * What awsbot reads from Slack's payloads, validated with zod at the edge: a message event, the
 * /aws-compare command, a button click. Parsing never throws: a payload that does not fit gives
 * undefined (or a problem to show the user) and is logged by the listener.
 */
import { z } from 'zod';

/** /aws-compare text longer than this is not a comparison request. */
export const MAX_COMMAND_TEXT_CHARS = 300;

const id = z.string().trim().min(1);

// ------------------------------------------------------------------ message events

const messageSchema = z.object({
  channel: id,
  ts: id,
  thread_ts: id.optional(),
  user: id.optional(),
  bot_id: z.string().optional(),
  bot_profile: z.unknown().optional(),
  subtype: z.string().optional(),
  text: z.string().optional(),
  channel_type: z.string().optional(),
});

export type IncomingMessage = z.infer<typeof messageSchema>;

export function readMessage(event: unknown): IncomingMessage | undefined {
  const parsed = messageSchema.safeParse(event);
  return parsed.success ? parsed.data : undefined;
}

/** Subtypes that are still a person writing; every other subtype is an edit, a join, a bot… */
const PERSON_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

/**
 * True for what the bot must never answer: its own messages, any other bot or app, and system
 * messages (edits, deletions, joins). No loops, whatever Bolt's own filter lets through.
 */
export function isFromBotOrSystem(m: IncomingMessage, botUserId: string | undefined): boolean {
  if (m.bot_id || m.bot_profile !== undefined) return true;
  if (m.subtype && !PERSON_SUBTYPES.has(m.subtype)) return true;
  if (!m.user) return true;
  return botUserId !== undefined && m.user === botUserId;
}

// ------------------------------------------------------------------ /aws-compare

const commandSchema = z.object({
  text: z.string().default(''),
  user_id: id,
  channel_id: id,
  team_id: id.optional(),
  response_url: z.url(),
});

export type CompareCommand = z.infer<typeof commandSchema>;

export type CommandReading = { ok: true; command: CompareCommand } | { ok: false; problem: 'malformed' | 'too_long' };

export function readCompareCommand(payload: unknown): CommandReading {
  const parsed = commandSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  const text = parsed.data.text.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_COMMAND_TEXT_CHARS) return { ok: false, problem: 'too_long' };
  return { ok: true, command: { ...parsed.data, text } };
}

// ------------------------------------------------------------------ button clicks

const clickSchema = z.object({
  actions: z.array(z.object({ action_id: id, value: z.string().optional() })).min(1),
  user: z.object({ id, username: z.string().optional(), name: z.string().optional() }),
  team: z.object({ id }).nullish(),
  channel: z.object({ id }).optional(),
  message: z.object({ ts: id, thread_ts: id.optional() }).loose().optional(),
  container: z
    .object({ is_ephemeral: z.boolean().optional(), channel_id: id.optional(), message_ts: id.optional(), thread_ts: id.optional() })
    .loose()
    .default({}),
  response_url: z.url().optional(),
});

export interface ButtonClick {
  actionId: string;
  value: string;
  user: { id: string; name?: string };
  team?: string;
  channel?: string;
  /** The clicked message; absent for ephemeral messages, which Slack does not send back. */
  message?: { ts: string; thread_ts?: string };
  ephemeral: boolean;
  responseUrl?: string;
}

export function readButtonClick(body: unknown): ButtonClick | undefined {
  const parsed = clickSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const action = b.actions[0]!;
  const channel = b.channel?.id ?? b.container.channel_id;
  const ts = b.message?.ts ?? b.container.message_ts;
  const threadTs = b.message?.thread_ts ?? b.container.thread_ts;
  const click: ButtonClick = {
    actionId: action.action_id,
    value: action.value ?? '',
    user: { id: b.user.id, name: b.user.username ?? b.user.name },
    ephemeral: b.container.is_ephemeral === true,
  };
  if (b.team?.id) click.team = b.team.id;
  if (channel) click.channel = channel;
  if (ts) click.message = threadTs ? { ts, thread_ts: threadTs } : { ts };
  if (b.response_url) click.responseUrl = b.response_url;
  return click;
}
