/** `/aws-compare`: answers through the interaction callback, deferred when slow, validated options, autocomplete. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/core/bot.js';
import { APOLOGY } from '../../../src/platforms/discord/apology.js';
import { FakeDiscord } from '../../helpers/fake-discord.js';
import { newBot } from '../../helpers/knowledge.js';
import { withInDepthComparison } from '../../helpers/long-answers.js';
import { startHarness, type Harness } from './harness.js';

const NO_PINGS_WIRE = { parse: [], replied_user: false };

describe('/aws-compare answered in time', () => {
  let h: Harness;
  let fake: FakeDiscord;
  beforeAll(async () => {
    // Aurora/CloudFront/Elastic Beanstalk answered in depth: longer than one message (answers are compact since issue 12).
    h = await startHarness({ bot: withInDepthComparison(newBot(), ['aurora', 'cloudfront', 'elastic-beanstalk']) });
    fake = h.fake;
  });
  afterAll(() => h.stop());

  it('given first:s3 second:ec2, then one callback of type 4 carries the embed answer, with no pings', async () => {
    const interaction = fake.slashCommand({ first: 's3', second: 'ec2' });
    const sent = await fake.nextSent((s) => s.via === 'callback');
    const callback = fake.callbacks.find((c) => c.interactionId === interaction.id)!;
    expect(callback.type).toBe(4);
    expect(callback.afterMs).toBeLessThan(3000);
    expect(sent.ephemeral).toBe(false);
    expect(sent.body.embeds[0].title).toBe('Amazon S3 vs Amazon EC2');
    expect(sent.body.embeds[0].fields.some((f: { inline: boolean }) => f.inline)).toBe(true);
    expect(sent.body.allowed_mentions).toEqual(NO_PINGS_WIRE);
    expect(fake.buttonsOf(sent.message).map((b) => b.custom_id)).toContain('awsbot:compare|s3,ec2|pricing');
    expect(fake.callbacks.filter((c) => c.interactionId === interaction.id)).toHaveLength(1);
  });

  it('given a reply to the command\'s answer, then the follow-up keeps the comparison as context', async () => {
    fake.slashCommand({ first: 'ecs', second: 'eks' });
    const answer = await fake.nextSent((s) => s.via === 'callback');
    fake.userSays({ content: 'what about pricing?', replyTo: answer.message });
    const followUp = await fake.nextSent((s) => s.via === 'channel');
    expect(followUp.body.embeds[0].title).toBe('Amazon ECS vs Amazon EKS: Pricing');
  });

  it('given names and typos ("Amazon S3", "lamda") and an aspect, then they are read as services and the aspect is compared', async () => {
    fake.slashCommand({ first: 'Amazon S3', second: 'lamda', aspect: 'pricing' });
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(sent.body.embeds[0].title).toBe('Amazon S3 vs AWS Lambda: Pricing');
  });

  it('given a third service, then the comparison covers three, split over several messages when longer than one may be', async () => {
    // Both waits start now: the follow-up may arrive before the first wait has noticed the callback.
    const firstSent = fake.nextSent((s) => s.via === 'callback');
    const moreSent = fake.nextSent((s) => s.via === 'followup');
    const interaction = fake.slashCommand({ first: 'aurora', second: 'cloudfront', third: 'elastic-beanstalk' });
    const first = await firstSent;
    expect(first.body.embeds[0].title).toBe('Amazon Aurora vs Amazon CloudFront vs AWS Elastic Beanstalk');
    const more = await moreSent;
    expect(more.body.embeds[0].title).toBe('Amazon Aurora vs Amazon CloudFront vs AWS Elastic Beanstalk (continued)');
    expect(more.message.interaction_metadata.id).toBe(interaction.id);
    expect(more.body.allowed_mentions).toEqual(NO_PINGS_WIRE);
    expect(fake.buttonsOf(first.message)).toEqual([]);
    expect(fake.buttonsOf(more.message).length).toBeGreaterThan(0);
  });

  it('given an unknown service, then only the user is told (ephemeral), with what to do', async () => {
    fake.slashCommand({ first: 's3', second: 'azure blob' });
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(sent.ephemeral).toBe(true);
    expect(sent.body.content).toMatch(/I don't know the service "azure blob"/);
    expect(sent.body.embeds ?? []).toEqual([]);
  });

  it('given an unknown service full of formatting, a link, ANSI, RTL override and NUL, then the user sees only its words, plainly', async () => {
    fake.slashCommand({ first: 's3', second: '*bold* `x` \u202Eevil\u202C \u001b[31mred\u0000 https://evil.example' });
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(sent.ephemeral).toBe(true);
    expect(sent.body.content).toMatch(/^I don't know the service "bold x evil red"\./);
    for (const bad of ['*', '`x`', '\u202E', '\u001b', '\u0000', 'https', 'evil.example']) expect(sent.body.content).not.toContain(bad);
  });

  it('given the same service twice, then the user is asked for two different ones', async () => {
    fake.slashCommand({ first: 's3', second: 'Amazon S3' });
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(sent.ephemeral).toBe(true);
    expect(sent.body.content).toBe('Pick two different services to compare.');
  });

  it('given an aspect that is not one of the choices, then the option is rejected at the edge', async () => {
    fake.slashCommand({ first: 's3', second: 'ec2', aspect: 'colour' });
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(sent.ephemeral).toBe(true);
    expect(sent.body.content).toMatch(/`aspect` option/);
  });

  it('given the same interaction delivered twice, then it is answered once', async () => {
    const before = fake.callbacks.length;
    const interaction = fake.slashCommand({ first: 'sqs', second: 'sns' });
    await fake.nextSent((s) => s.via === 'callback');
    await h.idle();
    const payload = { id: interaction.id, token: interaction.token };
    const redeliver = () => fake.redeliver('INTERACTION_CREATE', {
      ...payload,
      application_id: fake.applicationId,
      type: 2,
      version: 1,
      data: { id: 'cmd-aws-compare', name: 'aws-compare', type: 1, options: [{ name: 'first', type: 3, value: 'sqs' }, { name: 'second', type: 3, value: 'sns' }] },
      channel_id: fake.channelId,
      channel: { id: fake.channelId, type: 0, guild_id: fake.guildId, name: 'general', position: 0, permission_overwrites: [] },
      guild_id: fake.guildId,
      member: { user: fake.alice, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: '0' },
      app_permissions: '0',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': fake.guildId },
      context: 0,
    });
    // A question asked after the redelivery is answered, and nothing else: no second callback.
    await h.expectNoAnswer(redeliver);
    expect(fake.callbacks.length).toBe(before + 1);
    expect(fake.requests.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`))).toHaveLength(1);
  });

  it('given the command in a DM, then it is answered there too', async () => {
    fake.slashCommand({ first: 'dynamodb', second: 'rds' }, { dm: true });
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(sent.body.embeds[0].title).toBe('Amazon DynamoDB vs Amazon RDS');
  });
});

describe('/aws-compare answered late', () => {
  let h: Harness;
  let fake: FakeDiscord;
  beforeAll(async () => {
    const real = newBot();
    // A bot that takes 400 ms per answer (a slow shared store, say); the adapter defers after 50 ms.
    const slow: Bot = {
      ...real,
      async act(action, conversation) {
        await new Promise((r) => setTimeout(r, 400));
        return real.act(action, conversation);
      },
    };
    h = await startHarness({ bot: slow, deferAfterMs: 50 });
    fake = h.fake;
  });
  afterAll(() => h.stop());

  it('given an answer slower than the defer threshold, then the interaction is deferred (type 5) at once and the answer edited in', async () => {
    const interaction = fake.slashCommand({ first: 'ebs', second: 'efs' });
    const edited = await fake.nextSent((s) => s.via === 'edit-original');
    const callbacks = fake.callbacks.filter((c) => c.interactionId === interaction.id);
    expect(callbacks.map((c) => c.type)).toEqual([5]);
    expect(callbacks[0]!.afterMs).toBeLessThan(300);
    const patch = fake.requests.find((r) => r.method === 'PATCH' && r.path.includes(interaction.token))!;
    expect(patch.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token}/messages/%40original`);
    expect(edited.body.embeds[0].title).toBe('Amazon EBS vs Amazon EFS');
    expect(edited.body.allowed_mentions).toEqual(NO_PINGS_WIRE);
  });

  it('given the edit fails, then the deferred message is replaced by an apology', async () => {
    fake.failNext({ method: 'PATCH', path: /messages\/%40original$/ }, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    fake.slashCommand({ first: 'glacier', second: 's3' });
    const apology = await fake.nextSent((s) => s.via === 'edit-original');
    expect(apology.body.content).toBe(APOLOGY);
    expect(apology.body.embeds).toEqual([]);
    expect(h.logs.some((l) => l.msg === 'compare command failed')).toBe(true);
  });
});

describe('/aws-compare with the default defer threshold', () => {
  let h: Harness;
  beforeAll(async () => {
    const real = newBot();
    const slow: Bot = {
      ...real,
      async act(action, conversation) {
        await new Promise((r) => setTimeout(r, 1300));
        return real.act(action, conversation);
      },
    };
    h = await startHarness({ bot: slow });
  });
  afterAll(() => h.stop());

  it('given an answer that takes 1.3 s, then the defer goes out within the 3-second window and the answer is edited in', async () => {
    const interaction = h.fake.slashCommand({ first: 'sqs', second: 'sns' });
    const edited = await h.fake.nextSent((s) => s.via === 'edit-original');
    const [defer] = h.fake.callbacks.filter((c) => c.interactionId === interaction.id);
    expect(defer?.type).toBe(5);
    expect(defer!.afterMs).toBeGreaterThanOrEqual(900);
    expect(defer!.afterMs).toBeLessThan(1500);
    expect(edited.body.embeds[0].title).toBe('Amazon SQS vs Amazon SNS');
  });
});

describe('autocomplete', () => {
  let h: Harness;
  let fake: FakeDiscord;
  beforeAll(async () => {
    h = await startHarness();
    fake = h.fake;
  });
  afterAll(() => h.stop());

  async function choicesFor(focused: string, options: Record<string, string>): Promise<{ name: string; value: string }[]> {
    const before = fake.autocompleteResults.length;
    const interaction = fake.autocomplete(focused, options);
    await fake.waitFor(() => fake.autocompleteResults.length > before, 3000, 'autocomplete choices');
    expect(fake.callbacks.find((c) => c.interactionId === interaction.id)?.type).toBe(8);
    return fake.autocompleteResults[before]! as { name: string; value: string }[];
  }

  it('given "lam", then Lambda is suggested first', async () => {
    const choices = await choicesFor('first', { first: 'lam' });
    expect(choices[0]).toEqual({ name: expect.stringMatching(/^AWS Lambda — /), value: 'lambda' });
  });

  it('given the typo "ec3", then EC2 is suggested', async () => {
    const choices = await choicesFor('second', { first: 's3', second: 'ec3' });
    expect(choices.map((c) => c.value)).toEqual(['ec2']);
  });

  it('given nothing typed yet, then services other than the one already chosen, within the 25-choice limit', async () => {
    const choices = await choicesFor('second', { first: 's3', second: '' });
    expect(choices.length).toBeGreaterThanOrEqual(19);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).not.toContain('s3');
  });

  it('given "elastic", then the services whose name starts so come first, then those with an "Elastic" word in their name', async () => {
    const choices = await choicesFor('third', { first: 's3', second: 'ec2', third: 'elastic' });
    const values = choices.map((c) => c.value);
    expect(values.slice(0, 2).sort()).toEqual(['elastic-beanstalk', 'elasticache']);
    expect(values).toContain('ebs'); // Amazon Elastic Block Store
    expect(values).not.toContain('s3');
  });

  it('given text naming nothing, then no suggestions', async () => {
    expect(await choicesFor('first', { first: 'qwerty' })).toEqual([]);
  });
});
