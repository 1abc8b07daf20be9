/** Mentions in a server channel, reply-chain follow-ups, direct messages, and what the bot must leave alone. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { MemoryConversationStore } from '../../../src/state/conversation-store.js';
import { FakeDiscord, pingsOf, type SentMessage } from '../../helpers/fake-discord.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { startHarness, type Harness } from './harness.js';

const NO_PINGS_WIRE = { parse: [], replied_user: false };
const titleOf = (s: SentMessage) => s.body.embeds?.[0]?.title as string | undefined;

describe('in a server channel, without the Message Content intent', () => {
  let h: Harness;
  let fake: FakeDiscord;
  beforeAll(async () => {
    h = await startHarness();
    fake = h.fake;
  });
  afterAll(() => h.stop());
  afterEach(() => {
    // Whatever the test, nothing the bot sent may ping anyone.
    for (const s of fake.sent) {
      expect(s.body.allowed_mentions).toEqual(NO_PINGS_WIRE);
      expect(s.pings).toEqual({ everyone: false, users: [], roles: [] });
    }
  });

  it('given "@awsbot difference between S3 and EC2", then a reply to that message with the embed answer', async () => {
    const { question, sent } = await h.ask({ content: 'difference between S3 and EC2', mentionBot: true });
    const reply = sent[0]!;
    expect(reply.via).toBe('channel');
    expect(reply.message.channel_id).toBe(fake.channelId);
    expect(reply.body.message_reference).toMatchObject({ message_id: question.id });
    expect(titleOf(reply)).toBe('Amazon S3 vs Amazon EC2');
  });

  it('given a reply to the bot\'s answer (pinging it), then the follow-up keeps the context: "what about pricing?", "how does it compare to Lambda?"', async () => {
    const [first] = (await h.ask({ content: 'what is DynamoDB?', mentionBot: true })).sent;
    expect(titleOf(first!)).toBe('Amazon DynamoDB');
    const [second] = (await h.ask({ content: 'what about pricing?', replyTo: first!.message })).sent;
    expect(titleOf(second!)).toBe('Amazon DynamoDB: Pricing');
    const [third] = (await h.ask({ content: 'how does it compare to RDS?', replyTo: second!.message })).sent;
    expect(titleOf(third!)).toBe('Amazon DynamoDB vs Amazon RDS');
  });

  it('given two reply chains in the same channel, then each keeps its own context', async () => {
    const [sqs] = (await h.ask({ content: 'what is SQS?', mentionBot: true })).sent;
    const [aurora] = (await h.ask({ content: 'what is Aurora?', mentionBot: true, author: fake.bob })).sent;
    expect(titleOf((await h.ask({ content: 'what about limits?', replyTo: sqs!.message })).sent[0]!)).toBe('Amazon SQS: Limits and quotas');
    expect(titleOf((await h.ask({ content: 'what about limits?', replyTo: aurora!.message, author: fake.bob })).sent[0]!)).toBe('Amazon Aurora: Limits and quotas');
  });

  it('given a new mention (not a reply), then it starts a new conversation', async () => {
    expect(titleOf((await h.ask({ content: 'what is EBS?', mentionBot: true })).sent[0]!)).toBe('Amazon EBS');
    const reply = (await h.ask({ content: 'what about pricing?', mentionBot: true })).sent[0]!;
    expect(titleOf(reply)).not.toBe('Amazon EBS: Pricing');
  });

  it('given "@everyone" and a user mention in the question, then the answer pings nobody', async () => {
    const { question, sent } = await h.ask({ content: `@everyone S3 vs EC2 <@${fake.bob.id}> <@&${fake.botRoleId}>`, mentionBot: true });
    const reply = sent[0]!;
    expect(titleOf(reply)).toBe('Amazon S3 vs Amazon EC2');
    expect(reply.pings).toEqual({ everyone: false, users: [], roles: [] });
    // The same reply without allowed mentions would have pinged the asker: the check can fail.
    expect(pingsOf({ ...reply.body, allowed_mentions: undefined }, question).users).toEqual([fake.alice.id]);
    expect(pingsOf({ content: question.content }).everyone).toBe(true);
  });

  it('given a message that does not mention the bot, then Discord shows it no content and it stays silent', async () => {
    await h.expectNoAnswer(() => fake.userSays({ content: 'difference between S3 and EC2 anyone?' }));
  });

  it('given a reply to the bot without the ping, then without the Message Content intent it cannot read it and stays silent', async () => {
    const [answer] = (await h.ask({ content: 'what is Redshift?', mentionBot: true })).sent;
    await h.expectNoAnswer(() => fake.userSays({ content: 'what about pricing?', replyTo: answer!.message, pingReply: false }));
  });

  it('given another bot mentions it, or its own message mentions it, then it never answers a bot', async () => {
    await h.expectNoAnswer(() => {
      fake.userSays({ content: 'what is S3?', mentionBot: true, author: fake.otherBot });
      fake.userSays({ content: 'what is S3?', mentionBot: true, author: fake.botUser });
    });
  });

  it('given the same message delivered twice, then it is answered once', async () => {
    const { question, sent } = await h.ask({ content: 'what is ECS?', mentionBot: true });
    expect(sent).toHaveLength(1);
    await h.expectNoAnswer(() => fake.redeliver('MESSAGE_CREATE', question));
    expect(fake.sent.filter((s) => s.body.message_reference?.message_id === question.id)).toHaveLength(1);
  });

  it('given a bare mention, then the help answer', async () => {
    expect(titleOf((await h.ask({ content: '', mentionBot: true })).sent[0]!)).toBe('How to use awsbot');
  });
});

describe('in a server channel, with the Message Content intent enabled and requested', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ fake: { messageContentIntent: true }, messageContent: true });
  });
  afterAll(() => h.stop());

  it('given a reply to the bot without the ping, then it reads it and keeps the context', async () => {
    const [answer] = (await h.ask({ content: 'what is Redshift?', mentionBot: true })).sent;
    expect(titleOf((await h.ask({ content: 'what about pricing?', replyTo: answer!.message, pingReply: false })).sent[0]!)).toBe('Amazon Redshift: Pricing');
  });

  it('given a mention of the bot\'s role instead of the bot (readable with the intent), then it answers as for a mention', async () => {
    expect(titleOf((await h.ask({ content: `<@&${h.fake.botRoleId}> what is Fargate?` })).sent[0]!)).toBe('AWS Fargate');
  });

  it('given a message that neither mentions nor replies to the bot, then it still stays out of the conversation', async () => {
    await h.expectNoAnswer(() => h.fake.userSays({ content: 'difference between S3 and EC2 anyone?' }));
  });
});

describe('direct messages', () => {
  let h: Harness;
  let fake: FakeDiscord;
  beforeAll(async () => {
    h = await startHarness();
    fake = h.fake;
  });
  afterAll(() => h.stop());

  it('given a DM conversation, then follow-ups use its context: "what about pricing?", "how does it compare to Lambda?"', async () => {
    const [first] = (await h.ask({ content: 'what is S3?', dm: true })).sent;
    expect(first!.message.channel_id).toBe(fake.dmChannelOf(fake.alice));
    expect(first!.body.message_reference).toBeUndefined();
    expect(titleOf(first!)).toBe('Amazon S3');
    expect(titleOf((await h.ask({ content: 'what about pricing?', dm: true })).sent[0]!)).toBe('Amazon S3: Pricing');
    // A comparison is two messages: both are sent before the next test starts.
    const third = (await h.ask({ content: 'how does it compare to Lambda?', dm: true })).sent;
    expect(titleOf(third[0]!)).toBe('Amazon S3 vs AWS Lambda');
    for (const s of third) {
      expect(s.message.channel_id).toBe(fake.dmChannelOf(fake.alice));
      expect(s.body.allowed_mentions).toEqual(NO_PINGS_WIRE);
    }
  });

  it('given two users in DMs, then their conversations are separate', async () => {
    const eks = (await h.ask({ content: 'what is EKS?', dm: true, author: fake.bob })).sent;
    expect(eks.map(titleOf)).toEqual(['Amazon EKS']);
    const limits = (await h.ask({ content: 'what about limits?', dm: true, author: fake.bob })).sent;
    expect(limits.map(titleOf)).toEqual(['Amazon EKS: Limits and quotas']);
    expect(limits[0]!.message.channel_id).toBe(fake.dmChannelOf(fake.bob));
    // Alice's DM conversation is still hers: S3 vs Lambda, not EKS.
    expect((await h.ask({ content: 'what about limits?', dm: true })).sent[0]!.message.channel_id).toBe(fake.dmChannelOf(fake.alice));
    expect(titleOf((await h.ask({ content: 'what about pricing?', dm: true })).sent[0]!)).toMatch(/^Amazon S3 vs AWS Lambda/);
  });

  it('given a DM from another bot, then no answer', async () => {
    await h.expectNoAnswer(() => fake.userSays({ content: 'what is S3?', dm: true, author: fake.otherBot }), { content: 'what is S3?', dm: true });
  });
});

describe('a reply chain after a restart', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(() => fake.close());

  it('given the bot restarted (sharing its conversation store), then a reply to an old answer finds its conversation through Discord', async () => {
    const store = new MemoryConversationStore();
    const before = await startHarness({ existing: fake, bot: createBot(realKnowledge(), { store }) });
    const [answer] = (await before.ask({ content: 'difference between SQS and SNS', mentionBot: true })).sent;
    await before.stop();

    const after = await startHarness({ existing: fake, bot: createBot(realKnowledge(), { store }) });
    try {
      expect(titleOf((await after.ask({ content: 'what about pricing?', replyTo: answer!.message })).sent[0]!)).toBe('Amazon SQS vs Amazon SNS: Pricing');
      // The new process had to fetch the question the old answer replied to.
      const questionId = answer!.message.message_reference.message_id;
      expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${fake.channelId}/messages/${questionId}`)).toBe(true);
    } finally {
      await after.stop();
    }
  }, 40_000);
});
