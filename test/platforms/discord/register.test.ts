/** `npm run discord:register`: the command definition, registration per guild or globally, the invite URL, friendly errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASPECTS } from '../../../src/knowledge/schema.js';
import { COMPARE_COMMAND, compareCommand } from '../../../src/platforms/discord/command.js';
import { inviteUrl, runRegister } from '../../../src/platforms/discord/register.js';
import { FakeDiscord } from '../../helpers/fake-discord.js';
import { realKnowledge } from '../../helpers/knowledge.js';

/** View Channels, Send Messages, Embed Links, Read Message History, Send Messages in Threads (Discord's bit values). */
const EXPECTED_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 38n);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) }, out, err };
}

describe('the /aws-compare definition', () => {
  const command = compareCommand(realKnowledge());
  const options = command.options ?? [];

  it('has first and second required with autocomplete, third optional with autocomplete, aspect optional with fixed choices', () => {
    expect(command.name).toBe(COMPARE_COMMAND);
    expect(options.map((o) => [o.name, o.type, Boolean(o.required), 'autocomplete' in o && Boolean(o.autocomplete)])).toEqual([
      ['first', 3, true, true],
      ['second', 3, true, true],
      ['third', 3, false, true],
      ['aspect', 3, false, false],
    ]);
    const aspect = options[3]!;
    expect('choices' in aspect && aspect.choices?.map((c) => c.value)).toEqual([...ASPECTS]);
  });

  it("fits Discord's rules for commands: names, descriptions, choices; usable in servers and DMs", () => {
    const names = [command.name, ...options.map((o) => o.name)];
    for (const n of names) expect(n).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
    for (const d of [command.description, ...options.map((o) => o.description)]) {
      expect(d.length).toBeGreaterThanOrEqual(1);
      expect(d.length).toBeLessThanOrEqual(100);
    }
    const aspect = options[3]!;
    const choices = 'choices' in aspect ? (aspect.choices ?? []) : [];
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(command.contexts).toEqual([0, 1]);
  });
});

describe('registering', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(() => fake.close());

  it('given DISCORD_GUILD_ID, then the command is registered in that guild (application id read from the token) and the invite URL printed', async () => {
    const { io, out, err } = capture();
    const code = await runRegister({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId }, io, realKnowledge());
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/applications/@me')).toBe(true);
    const registered = fake.commands.at(-1)!;
    expect(registered.route).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(registered.body).toEqual([compareCommand(realKnowledge())]);
    const url = new URL(out.find((l) => l.startsWith('https://'))!);
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe(fake.applicationId);
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.search).toContain('scope=bot+applications.commands');
    expect(BigInt(url.searchParams.get('permissions')!)).toBe(EXPECTED_PERMISSIONS);
    expect(out.join('\n')).toMatch(/in the server/);
  });

  it('given no guild id, then the command is registered globally', async () => {
    const { io, out } = capture();
    const code = await runRegister({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: fake.applicationId }, io, realKnowledge());
    expect(code).toBe(0);
    expect(fake.commands.at(-1)!.route).toBe(`/applications/${fake.applicationId}/commands`);
    expect(out.join('\n')).toMatch(/globally/);
    expect(out).toContain(inviteUrl(fake.applicationId));
  });

  it('given no token, then it explains how to get one', async () => {
    const { io, err } = capture();
    expect(await runRegister({}, io, realKnowledge())).toBe(1);
    expect(err.join('\n')).toMatch(/DISCORD_TOKEN is not set[\s\S]*Reset Token/);
  });

  it('given a malformed guild id, then it names the variable and what is expected', async () => {
    const { io, err } = capture();
    expect(await runRegister({ DISCORD_TOKEN: fake.token, DISCORD_GUILD_ID: 'my-server' }, io, realKnowledge())).toBe(1);
    expect(err.join('\n')).toMatch(/DISCORD_GUILD_ID: expected a numeric guild \(server\) id/);
  });

  it('given a wrong token, then it says Discord rejected it, without printing it', async () => {
    const { io, err } = capture();
    expect(await runRegister({ DISCORD_TOKEN: 'wrong-secret-token', DISCORD_API_URL: fake.apiUrl }, io, realKnowledge())).toBe(1);
    expect(err.join('\n')).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(err.join('\n')).not.toContain('wrong-secret-token');
  });

  it('given a guild Discord does not know, then it says to copy the server id again', async () => {
    const { io, err } = capture();
    expect(await runRegister({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: '123456789' }, io, realKnowledge())).toBe(1);
    expect(err.join('\n')).toMatch(/Unknown Guild/);
  });

  it('given an application id of another application, then it says access was refused and how to invite', async () => {
    const { io, err } = capture();
    expect(await runRegister({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: '99999999' }, io, realKnowledge())).toBe(1);
    expect(err.join('\n')).toMatch(/refused access/);
  });

  it('given Discord cannot be reached, then it says so and names DISCORD_API_URL', async () => {
    const closed = await FakeDiscord.start();
    const apiUrl = closed.apiUrl;
    await closed.close();
    const { io, err } = capture();
    expect(await runRegister({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: apiUrl, DISCORD_APPLICATION_ID: fake.applicationId }, io, realKnowledge())).toBe(1);
    expect(err.join('\n')).toMatch(/Could not reach Discord at http:\/\/127\.0\.0\.1:\d+\/api .*DISCORD_API_URL/);
  });
});
