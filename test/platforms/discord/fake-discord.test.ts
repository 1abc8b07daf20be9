/** The fake Discord itself behaves like Discord where the adapter's tests rely on it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, INTENTS, pingsOf } from '../../helpers/fake-discord.js';

describe('the fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(() => fake.close());

  const guildMessage = (mentionsBot: boolean) => ({
    id: '1',
    guild_id: 'g',
    author: { id: 'u' },
    content: 'hello',
    embeds: [{ title: 'x' }],
    attachments: [],
    components: [],
    mentions: mentionsBot ? [fake.botUser] : [],
  });

  it('hides message content without the privileged intent, unless the bot is mentioned, as Discord does', () => {
    const base = INTENTS.Guilds | INTENTS.GuildMessages;
    expect(fake.applyIntents('MESSAGE_CREATE', guildMessage(false), base)).toMatchObject({ content: '', embeds: [] });
    expect(fake.applyIntents('MESSAGE_CREATE', guildMessage(true), base)).toMatchObject({ content: 'hello' });
    expect(fake.applyIntents('MESSAGE_CREATE', guildMessage(false), base | INTENTS.MessageContent)).toMatchObject({ content: 'hello' });
  });

  it('delivers guild messages only with GuildMessages and DMs only with DirectMessages', () => {
    const dm = { ...guildMessage(false), guild_id: undefined, channel_type: 1 };
    expect(fake.applyIntents('MESSAGE_CREATE', guildMessage(true), INTENTS.Guilds)).toBeUndefined();
    expect(fake.applyIntents('MESSAGE_CREATE', dm, INTENTS.Guilds | INTENTS.GuildMessages)).toBeUndefined();
    expect(fake.applyIntents('MESSAGE_CREATE', dm, INTENTS.DirectMessages)).toMatchObject({ content: 'hello' });
  });

  it('computes pings from content and allowed mentions, with replies pinging by default', () => {
    const replied = { author: { id: '42' } };
    expect(pingsOf({ content: '@everyone <@7> <@&8>' })).toEqual({ everyone: true, users: ['7'], roles: ['8'] });
    expect(pingsOf({ content: 'hi' }, replied).users).toEqual(['42']);
    expect(pingsOf({ content: '@everyone <@7>', allowed_mentions: { parse: [], replied_user: false } }, replied)).toEqual({ everyone: false, users: [], roles: [] });
  });

  it('rejects a message over Discord\'s limits with 400 Invalid Form Body', async () => {
    const res = await fetch(`${fake.apiUrl}/v10/channels/${fake.channelId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ embeds: [{ title: 't'.repeat(257) }] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 50035 });
  });
});
