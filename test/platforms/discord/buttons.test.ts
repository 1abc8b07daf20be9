/** Follow-up buttons: a click answers, keeps the conversation, works after a restart; stale ones are explained. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_BUTTON } from '../../../src/platforms/discord/handlers/button.js';
import { FakeDiscord, type SentMessage } from '../../helpers/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

const titleOf = (s: SentMessage) => s.body.embeds?.[0]?.title as string | undefined;

describe('follow-up buttons', () => {
  let fake: FakeDiscord;
  let h: Harness;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    h = await startHarness({ existing: fake });
  });
  afterAll(async () => {
    await h.stop();
    await fake.close();
  });

  function button(message: SentMessage['message'], label: string): string {
    const found = fake.buttonsOf(message).find((b) => b.label === label);
    if (!found) throw new Error(`no "${label}" button among ${fake.buttonsOf(message).map((b) => b.label).join(', ')}`);
    return found.custom_id;
  }

  it('given an answer in a server, when "Pricing" is clicked, then the pricing comparison is a new message, with no pings', async () => {
    fake.userSays({ content: 'difference between S3 and EC2', mentionBot: true });
    const answer = await fake.nextSent();
    const click = fake.clickButton(answer.message, button(answer.message, 'Pricing'));
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(fake.callbacks.find((c) => c.interactionId === click.id)?.type).toBe(4);
    expect(titleOf(sent)).toBe('Amazon S3 vs Amazon EC2: Pricing');
    expect(sent.ephemeral).toBe(false);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(sent.message.interaction_metadata.interacted_message_id).toBe(answer.message.id);

    // A reply to the button's answer continues the same conversation.
    fake.userSays({ content: 'what about limits?', replyTo: sent.message });
    expect(titleOf(await fake.nextSent())).toBe('Amazon S3 vs Amazon EC2: Limits and quotas');
  });

  it('given a DM answer, when "Compare with CloudFront" is clicked, then the comparison, and the DM keeps it as context', async () => {
    fake.userSays({ content: 'what is S3?', dm: true });
    const answer = await fake.nextSent();
    fake.clickButton(answer.message, button(answer.message, 'Compare with CloudFront'));
    expect(titleOf(await fake.nextSent((s) => s.via === 'callback'))).toBe('Amazon S3 vs Amazon CloudFront');
    fake.userSays({ content: 'what about pricing?', dm: true });
    expect(titleOf(await fake.nextSent())).toBe('Amazon S3 vs Amazon CloudFront: Pricing');
  });

  it('given a button whose action names a service that does not exist (any more), then only the clicker is told', async () => {
    fake.userSays({ content: 'what is SNS?', mentionBot: true });
    const answer = await fake.nextSent();
    fake.clickButton(answer.message, 'awsbot:describe|no-such-service|');
    const sent = await fake.nextSent((s) => s.via === 'callback');
    expect(sent.ephemeral).toBe(true);
    expect(sent.body.content).toBe(STALE_BUTTON);
  });

  it('given the bot restarted with an empty memory, when a button of an old answer is clicked, then it still answers: the button carries the question', async () => {
    fake.userSays({ content: 'what is Lightsail?', mentionBot: true });
    const old = await fake.nextSent();
    await h.stop();
    h = await startHarness({ existing: fake });
    fake.clickButton(old.message, button(old.message, 'Pricing'));
    expect(titleOf(await fake.nextSent((s) => s.via === 'callback'))).toBe('Amazon Lightsail: Pricing');
  });
});
