/** Mentions in a server channel, reply-chain follow-ups, direct messages, and what the bot must leave alone. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { MemoryConversationStore } from '../../../src/core/conversation-store.js';
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
    const question = fake.userSays({ content: 'difference between S3 and EC2', mentionBot: true });
    const reply = await fake.nextSent();
    expect(reply.via).toBe('channel');
    expect(reply.message.channel_id).toBe(fake.channelId);
    expect(reply.body.message_reference).toMatchObject({ message_id: question.id });
    expect(titleOf(reply)).toBe('Amazon S3 vs Amazon EC2');
  });

  it('given a reply to the bot\'s answer (pinging it), then the follow-up keeps the context: "what about pricing?", "how does it compare to Lambda?"', async () => {
    fake.userSays({ content: 'what is DynamoDB?', mentionBot: true });
    const first = await fake.nextSent();
    expect(titleOf(first)).toBe('Amazon DynamoDB');
    fake.userSays({ content: 'what about pricing?', replyTo: first.message });
    const second = await fake.nextSent();
    expect(titleOf(second)).toBe('Amazon DynamoDB: Pricing');
    fake.userSays({ content: 'how does it compare to RDS?', replyTo: second.message });
    expect(titleOf(await fake.nextSent())).toBe('Amazon DynamoDB vs Amazon RDS');
  });

  it('given two reply chains in the same channel, then each keeps its own context', async () => {
    fake.userSays({ content: 'what is SQS?', mentionBot: true });
    const sqs = await fake.nextSent();
    fake.userSays({ content: 'what is Aurora?', mentionBot: true, author: fake.bob });
    const aurora = await fake.nextSent();
    fake.userSays({ content: 'what about limits?', replyTo: sqs.message });
    expect(titleOf(await fake.nextSent())).toBe('Amazon SQS: Limits and quotas');
    fake.userSays({ content: 'what about limits?', replyTo: aurora.message, author: fake.bob });
    expect(titleOf(await fake.nextSent())).toBe('Amazon Aurora: Limits and quotas');
  });

  it('given a new mention (not a reply), then it starts a new conversation', async () => {
    fake.userSays({ content: 'what is EBS?', mentionBot: true });
    await fake.nextSent();
    fake.userSays({ content: 'what about pricing?', mentionBot: true });
    const reply = await fake.nextSent();
    expect(titleOf(reply)).not.toBe('Amazon EBS: Pricing');
  });

  it('given "@everyone" and a user mention in the question, then the answer pings nobody', async () => {
    const question = fake.userSays({ content: `@everyone S3 vs EC2 <@${fake.bob.id}> <@&${fake.botRoleId}>`, mentionBot: true });
    const reply = await fake.nextSent();
    expect(titleOf(reply)).toBe('Amazon S3 vs Amazon EC2');
    expect(reply.pings).toEqual({ everyone: false, users: [], roles: [] });
    // The same reply without allowed mentions would have pinged the asker: the check can fail.
    expect(pingsOf({ ...reply.body, allowed_mentions: undefined }, question).users).toEqual([fake.alice.id]);
    expect(pingsOf({ content: question.content }).everyone).toBe(true);
  });

  it('given a message that does not mention the bot, then Discord shows it no content and it stays silent', async () => {
    fake.userSays({ content: 'difference between S3 and EC2 anyone?' });
    await fake.expectSilence(150);
  });

  it('given a reply to the bot without the ping, then without the Message Content intent it cannot read it and stays silent', async () => {
    fake.userSays({ content: 'what is Redshift?', mentionBot: true });
    const answer = await fake.nextSent();
    fake.userSays({ content: 'what about pricing?', replyTo: answer.message, pingReply: false });
    await fake.expectSilence(150);
  });

  it('given another bot mentions it, or its own message mentions it, then it never answers a bot', async () => {
    fake.userSays({ content: 'what is S3?', mentionBot: true, author: fake.otherBot });
    fake.userSays({ content: 'what is S3?', mentionBot: true, author: fake.botUser });
    await fake.expectSilence(200);
  });

  it('given the same message delivered twice, then it is answered once', async () => {
    const question = fake.userSays({ content: 'what is ECS?', mentionBot: true });
    await fake.nextSent();
    const before = fake.sent.length;
    fake.redeliver('MESSAGE_CREATE', question);
    await fake.expectSilence(200);
    expect(fake.sent.length).toBe(before);
  });

  it('given a bare mention, then the help answer', async () => {
    fake.userSays({ content: '', mentionBot: true });
    expect(titleOf(await fake.nextSent())).toBe('How to use awsbot');
  });
});

describe('in a server channel, with the Message Content intent enabled and requested', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ fake: { messageContentIntent: true }, messageContent: true });
  });
  afterAll(() => h.stop());

  it('given a reply to the bot without the ping, then it reads it and keeps the context', async () => {
    const fake = h.fake;
    fake.userSays({ content: 'what is Redshift?', mentionBot: true });
    const answer = await fake.nextSent();
    fake.userSays({ content: 'what about pricing?', replyTo: answer.message, pingReply: false });
    expect(titleOf(await fake.nextSent())).toBe('Amazon Redshift: Pricing');
  });

  it('given a mention of the bot\'s role instead of the bot (readable with the intent), then it answers as for a mention', async () => {
    h.fake.userSays({ content: `<@&${h.fake.botRoleId}> what is Fargate?` });
    expect(titleOf(await h.fake.nextSent())).toBe('AWS Fargate');
  });

  it('given a message that neither mentions nor replies to the bot, then it still stays out of the conversation', async () => {
    h.fake.userSays({ content: 'difference between S3 and EC2 anyone?' });
    await h.fake.expectSilence(150);
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
    fake.userSays({ content: 'what is S3?', dm: true });
    const first = await fake.nextSent();
    expect(first.message.channel_id).toBe(fake.dmChannelOf(fake.alice));
    expect(first.body.message_reference).toBeUndefined();
    expect(titleOf(first)).toBe('Amazon S3');
    fake.userSays({ content: 'what about pricing?', dm: true });
    expect(titleOf(await fake.nextSent())).toBe('Amazon S3: Pricing');
    fake.userSays({ content: 'how does it compare to Lambda?', dm: true });
    const third = await fake.nextSent();
    expect(titleOf(third)).toBe('Amazon S3 vs AWS Lambda');
    expect(third.body.allowed_mentions).toEqual(NO_PINGS_WIRE);
  });

  it('given two users in DMs, then their conversations are separate', async () => {
    fake.userSays({ content: 'what is EKS?', dm: true, author: fake.bob });
    await fake.nextSent();
    fake.userSays({ content: 'what about limits?', dm: true, author: fake.bob });
    expect(titleOf(await fake.nextSent())).toBe('Amazon EKS: Limits and quotas');
  });

  it('given a DM from another bot, then no answer', async () => {
    fake.userSays({ content: 'what is S3?', dm: true, author: fake.otherBot });
    await fake.expectSilence(150);
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
    fake.userSays({ content: 'difference between SQS and SNS', mentionBot: true });
    const answer = await fake.nextSent();
    await before.stop();

    const after = await startHarness({ existing: fake, bot: createBot(realKnowledge(), { store }) });
    try {
      fake.userSays({ content: 'what about pricing?', replyTo: answer.message });
      expect(titleOf(await fake.nextSent())).toBe('Amazon SQS vs Amazon SNS: Pricing');
      // The new process had to fetch the question the old answer replied to.
      const questionId = answer.message.message_reference.message_id;
      expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${fake.channelId}/messages/${questionId}`)).toBe(true);
    } finally {
      await after.stop();
    }
  });
});
