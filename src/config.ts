/**
 * The one environment schema. Configuration comes from the environment and an optional .env file;
 * every problem is reported at once, by variable name, never with a secret's value.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (example: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), { message: `expected an http(s) URL such as ${example}` });

const positiveInt = (what: string) =>
  z.coerce.number({ message: `expected a whole number (${what})` }).int({ message: `expected a whole number (${what})` }).positive({ message: `expected a number above 0 (${what})` });

export const envSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), { message: 'expected a bot token starting with xoxb-' }),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), { message: 'expected an app-level token starting with xapp-' }),
    SLACK_API_URL: url('https://slack.com/api/').default('https://slack.com/api/'),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: 'expected a numeric application id' }),
    DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: 'expected a numeric guild (server) id' }),
    DISCORD_API_URL: url('https://discord.com/api').default('https://discord.com/api'),
    DISCORD_MESSAGE_CONTENT: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => ['', 'true', 'false', '1', '0', 'yes', 'no'].includes(v), { message: 'expected true or false' })
      .transform((v) => ['true', '1', 'yes'].includes(v))
      .default(false),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0, { message: 'expected a port from 0 to 65535' }).max(65535, { message: 'expected a port from 0 to 65535' }).default(3000),
    CONTEXT_TTL_MINUTES: positiveInt('minutes a conversation is remembered').default(30),
    CONTEXT_MAX_CONVERSATIONS: positiveInt('conversations kept in memory').default(10_000),
    REDIS_URL: optionalText.refine((v) => v === undefined || /^rediss?:\/\//.test(v), { message: 'expected a redis:// or rediss:// URL' }),
    REDIS_KEY_PREFIX: optionalText.refine((v) => v === undefined || /^[\w:.-]{1,64}$/.test(v), { message: 'expected letters, digits and : . _ - (at most 64)' }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MISSES_FILE: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) with SLACK_BOT_TOKEN' });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set, but Slack also needs SLACK_BOT_TOKEN (xoxb-…)' });
    }
    if (!env.DISCORD_TOKEN && (env.DISCORD_APPLICATION_ID || env.DISCORD_GUILD_ID)) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_TOKEN'], message: 'DISCORD_APPLICATION_ID or DISCORD_GUILD_ID is set, but Discord also needs DISCORD_TOKEN' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl: string; mode: 'socket' | 'http' };
  discord?: { token: string; applicationId?: string; guildId?: string; apiUrl: string; messageContent: boolean };
  http: { host: string; port: number };
  context: { ttlMs: number; maxConversations: number };
  redisUrl?: string;
  /** Prefix of every Redis key, so several bots (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  logLevel: Env['LOG_LEVEL'];
  missesFile?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * An empty variable (`PORT=`, as .env.example and compose files write them) means unset, for every
 * variable alike: it takes its default, never port 0 (a random port) or an error.
 */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

/** Validates the environment; throws {@link ConfigError} naming every offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? 'environment'), message: i.message })));
  }
  const e = parsed.data;
  return {
    slack: e.SLACK_BOT_TOKEN
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, mode: e.SLACK_APP_TOKEN ? 'socket' : 'http' }
      : undefined,
    discord: e.DISCORD_TOKEN
      ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL, messageContent: e.DISCORD_MESSAGE_CONTENT }
      : undefined,
    http: { host: e.HOST, port: e.PORT },
    context: { ttlMs: e.CONTEXT_TTL_MINUTES * 60_000, maxConversations: e.CONTEXT_MAX_CONVERSATIONS },
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX ?? 'awsbot:',
    logLevel: e.LOG_LEVEL,
    missesFile: e.MISSES_FILE,
  };
}
