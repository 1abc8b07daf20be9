/** Discord API errors and rate limits: retried or apologised for, logged, and never fatal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/core/bot.js';
import { APOLOGY } from '../../../src/platforms/discord/apology.js';
import { FakeDiscord, type SentMessage } from '../../helpers/fake-discord.js';
import { newBot } from '../../helpers/knowledge.js';
import { withInDepthComparison } from '../../helpers/long-answers.js';
import { startHarness, type Harness } from './harness.js';

const titleOf = (s: SentMessage) => s.body.embeds?.[0]?.title as string | undefined;
const MESSAGES_ROUTE = /^\/channels\/\d+\/messages$/;

describe('REST failures', () => {
  let h: Harness;
  let fake: FakeDiscord;
  beforeAll(async () => {
    // Aurora/CloudFront/Elastic Beanstalk answered in depth: longer than one message (answers are compact since issue 12).
    const real = withInDepthComparison(newBot(), ['aurora', 'cloudfront', 'elastic-beanstalk']);
    // A bot that breaks on one question, as a bug in the core would.
    const fragile: Bot = {
      ...real,
      async ask(text, conversation) {
        if (text.includes('explode')) throw new Error('boom');
        return real.ask(text, conversation);
      },
    };
    h = await startHarness({ bot: fragile });
    fake = h.fake;
  });
  afterAll(() => h.stop());

  it('given a 429 with retry_after on the reply, then discord.js waits and the answer is sent exactly once', async () => {
    fake.rateLimitNext({ method: 'POST', path: MESSAGES_ROUTE }, 0.3);
    const from = fake.requests.length;
    const started = Date.now();
    const question = fake.userSays({ content: 'what is CloudFront?', mentionBot: true });
    const reply = await fake.nextSent();
    expect(titleOf(reply)).toBe('Amazon CloudFront');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const posts = fake.requests.slice(from).filter((r) => r.method === 'POST' && MESSAGES_ROUTE.test(r.path));
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    await h.idle(); // the handler has finished: nothing more will be sent for this question
    expect(fake.sent.filter((s) => s.body.message_reference?.message_id === question.id)).toHaveLength(1);
  });

  it('given the reply is refused (400), then the user gets an apology, the failure is logged, and the next question is answered', async () => {
    fake.failNext({ method: 'POST', path: MESSAGES_ROUTE }, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const question = fake.userSays({ content: 'what is EKS?', mentionBot: true });
    const apology = await fake.nextSent();
    expect(apology.body.content).toBe(APOLOGY);
    expect(apology.body.message_reference).toMatchObject({ message_id: question.id });
    expect(apology.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.logs.some((l) => l.msg === 'mention failed' && (l.err as { code?: number }).code === 50035)).toBe(true);
    fake.userSays({ content: 'what is ECS?', mentionBot: true });
    expect(titleOf(await fake.nextSent())).toBe('Amazon ECS');
  });

  it('given Discord fails with 500 on every retry, then an apology after discord.js gives up', async () => {
    fake.failNext({ method: 'POST', path: MESSAGES_ROUTE }, { status: 500, body: { message: 'Internal Server Error', code: 0 } }, 4);
    fake.userSays({ content: 'what is RDS?', mentionBot: true });
    expect((await fake.nextSent()).body.content).toBe(APOLOGY);
    expect(fake.requests.filter((r) => r.status === 500)).toHaveLength(4);
  });

  it('given the answer and the apology both fail, then both are logged and the bot keeps working', async () => {
    fake.failNext({ method: 'POST', path: MESSAGES_ROUTE }, { status: 403, body: { message: 'Missing Permissions', code: 50013 } }, 2);
    fake.userSays({ content: 'what is Glacier?', mentionBot: true });
    await fake.waitFor(() => h.logs.some((l) => l.msg === 'could not send the apology either'), 3000, 'the second failure to be logged');
    fake.userSays({ content: 'what is Aurora?', mentionBot: true });
    expect(titleOf(await fake.nextSent())).toBe('Amazon Aurora');
  });

  it('given the bot itself throws, then the user gets an apology', async () => {
    fake.userSays({ content: 'please explode', mentionBot: true });
    expect((await fake.nextSent()).body.content).toBe(APOLOGY);
    expect(h.logs.some((l) => l.msg === 'mention failed' && (l.err as { message?: string }).message === 'boom')).toBe(true);
  });

  it('given the interaction callback is refused, then the user gets an ephemeral apology instead', async () => {
    fake.failNext({ method: 'POST', path: /\/callback$/ }, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const interaction = fake.slashCommand({ first: 'sqs', second: 'kinesis' });
    const apology = await fake.nextSent((s) => s.via === 'callback');
    expect(apology.ephemeral).toBe(true);
    expect(apology.body.content).toBe(APOLOGY);
    // The failure is logged with its route, but not with the interaction's token.
    const logged = h.logs.find((l) => l.msg === 'compare command failed' && l.interaction === interaction.id);
    expect(logged?.err).toMatchObject({ status: 400, code: 50035, url: expect.stringContaining(`/interactions/${interaction.id}/[token]/callback`) });
    expect(JSON.stringify(h.logs)).not.toContain(interaction.token);
  });

  it('given a follow-up message of a long answer is refused, then the user is told in an ephemeral follow-up', async () => {
    fake.failNext({ method: 'POST', path: /^\/webhooks\/\d+\/[^/]+$/ }, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const firstSent = fake.nextSent((s) => s.via === 'callback');
    const apologySent = fake.nextSent((s) => s.via === 'followup');
    fake.slashCommand({ first: 'aurora', second: 'cloudfront', third: 'elastic-beanstalk' });
    await firstSent;
    const apology = await apologySent;
    expect(apology.ephemeral).toBe(true);
    expect(apology.body.content).toBe(APOLOGY);
  });
});
