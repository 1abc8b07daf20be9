import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig } from '../src/config.js';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('needs nothing to start the terminal chat, and has sensible defaults', () => {
    const c = loadConfig({});
    expect(c.slack).toBeUndefined();
    expect(c.discord).toBeUndefined();
    expect(c.http).toEqual({ host: '0.0.0.0', port: 3000 });
    expect(c.context.ttlMs).toBe(30 * 60_000);
  });

  it('treats an empty variable (PORT= and every other) as unset: its default, never port 0 or an error', () => {
    const variables = Object.keys(envSchema.shape);
    for (const blank of ['', '  ']) {
      const env = Object.fromEntries(variables.map((v) => [v, blank]));
      expect(loadConfig(env)).toEqual(loadConfig({}));
      expect(loadConfig({ PORT: blank }).http.port).toBe(3000);
    }
    expect(loadConfig({ DISCORD_TOKEN: 't', SLACK_API_URL: '', DISCORD_API_URL: '', LOG_LEVEL: '', HOST: '' })).toMatchObject({
      slack: undefined,
      discord: { apiUrl: 'https://discord.com/api' },
      http: { host: '0.0.0.0', port: 3000 },
      logLevel: 'info',
    });
  });

  it('chooses Socket Mode when an app token is set, HTTP otherwise', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack?.mode).toBe('http');
  });

  it('names every offending variable at once, with what it expects, and never a secret', () => {
    const e = problems({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token', PORT: 'eighty', CONTEXT_TTL_MINUTES: '-5', REDIS_URL: 'http://nope', DISCORD_GUILD_ID: 'abc' });
    const vars = e.problems.map((p) => p.variable);
    expect(vars).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'PORT', 'CONTEXT_TTL_MINUTES', 'REDIS_URL', 'DISCORD_GUILD_ID']));
    expect(e.message).not.toContain('xoxp-secret-user-token');
    expect(e.message).toContain('xoxb-');
  });

  it('treats a half-configured platform as an error, not a silent fallback', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' }).problems[0]!.message).toMatch(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
    expect(problems({ SLACK_SIGNING_SECRET: 's' }).problems[0]!.variable).toBe('SLACK_BOT_TOKEN');
    expect(problems({ DISCORD_GUILD_ID: '123456789012' }).problems[0]!.variable).toBe('DISCORD_TOKEN');
  });

  it('.env.example lists every variable, and as written it is a valid configuration', () => {
    const example = parse(readFileSync(new URL('../.env.example', import.meta.url), 'utf8'));
    expect(Object.keys(example).sort()).toEqual(Object.keys(envSchema.shape).sort());
    expect(() => loadConfig(example)).not.toThrow();
  });

  it('lets the Slack and Discord API base URLs point at a stand-in server', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/', DISCORD_TOKEN: 't', DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(c.slack?.apiUrl).toBe('http://127.0.0.1:9/api/');
    expect(c.discord?.apiUrl).toBe('http://127.0.0.1:9/api');
  });
});
