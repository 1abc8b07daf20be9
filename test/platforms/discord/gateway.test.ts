/** The gateway connection: login, intents, heartbeats, bad credentials, clean stop (disconnects: reconnect.test.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { startDiscord } from '../../../src/platforms/discord/client.js';
import { FakeDiscord, INTENTS } from '../../helpers/fake-discord.js';
import { newBot } from '../../helpers/knowledge.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await harness?.stop();
  await fake?.close();
  harness = undefined;
  fake = undefined;
});

const configFor = (token: string, apiUrl: string) => loadConfig({ DISCORD_TOKEN: token, DISCORD_API_URL: apiUrl });

describe('connecting', () => {
  it('given a fake Discord, when the adapter starts, then it identifies with JSON encoding and only non-privileged intents, and is ready', async () => {
    harness = await startHarness();
    const { fake: f, discord } = harness;
    expect(discord.client.isReady()).toBe(true);
    expect(discord.client.user.id).toBe(f.botUser.id);
    expect(discord.client.guilds.cache.has(f.guildId)).toBe(true);
    expect(f.identifies).toBe(1);
    expect(f.identifiedIntents).toBe(INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages);
    expect(f.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(harness.logs.some((l) => l.msg === 'discord client ready')).toBe(true);
  });

  it('then heartbeats are sent and acknowledged', async () => {
    harness = await startHarness({ fake: { heartbeatIntervalMs: 60 } });
    const f = harness.fake;
    await f.waitFor(() => f.heartbeatAcks >= 3, 3000, 'three heartbeats');
    await f.waitFor(() => harness!.discord.client.ws.ping >= 0, 1000, 'a measured ping');
    expect(f.connected).toBe(true);
  });

  it('when stopped, then the gateway connection is closed', async () => {
    harness = await startHarness();
    const f = harness.fake;
    await harness.discord.stop();
    await f.waitFor(() => !f.connected, 2000, 'the connection to close');
    await f.close();
    harness = undefined;
  });
});

describe('bad credentials and settings', () => {
  it('given a configuration without Discord, then starting fails saying what to set', async () => {
    await expect(startDiscord({ config: loadConfig({}), bot: newBot(), logger: silentLogger() })).rejects.toThrow(/set DISCORD_TOKEN/);
  });

  it('given a wrong token, then starting fails with an explanation instead of hanging', async () => {
    fake = await FakeDiscord.start();
    const start = startDiscord({ config: configFor('not-the-token', fake.apiUrl), bot: newBot(), logger: silentLogger() });
    await expect(start).rejects.toThrow(/DISCORD_TOKEN/);
  });

  it('given the Message Content intent requested but not enabled in the portal, then starting fails saying where to enable it', async () => {
    fake = await FakeDiscord.start({ messageContentIntent: false });
    const start = startDiscord({ config: configFor(fake.token, fake.apiUrl), bot: newBot(), logger: silentLogger(), messageContent: true });
    await expect(start).rejects.toThrow(/Privileged Gateway Intents/);
  });

  it('given the Message Content intent enabled and requested, then the client identifies with it', async () => {
    fake = await FakeDiscord.start({ messageContentIntent: true });
    const discord = await startDiscord({ config: configFor(fake.token, fake.apiUrl), bot: newBot(), logger: silentLogger(), messageContent: true });
    expect(fake.identifiedIntents! & INTENTS.MessageContent).toBe(INTENTS.MessageContent);
    await discord.stop();
  });
});
