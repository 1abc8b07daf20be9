/**
 * Surviving gateway disconnects: a dropped connection is resumed (with the events missed in
 * between replayed), or identified again when the session cannot be resumed. discord.js waits 5
 * seconds between two IDENTIFYs (Discord's identify rate limit), so the second test takes 5 to 7
 * seconds, and up to 13 on a loaded 2-core machine: its bounds leave room for that.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const titleOf = (s: { body: { embeds?: { title?: string }[] } }) => s.body.embeds?.[0]?.title;

describe('surviving disconnects', () => {
  it('given a dropped connection (no close frame), then the session is resumed, a message sent meanwhile is replayed and answered, and so is the next', async () => {
    harness = await startHarness();
    const f = harness.fake;
    f.dropGateway();
    await f.waitFor(() => !f.connected, 5000, 'the drop');
    const whileDown = f.userSays({ content: 'what is SQS?', mentionBot: true });
    const replayed = await f.nextSent((s) => s.message.message_reference?.message_id === whileDown.id, 10_000);
    expect(titleOf(replayed)).toBe('Amazon SQS');
    expect(f.resumes).toBe(1);
    expect(f.identifies).toBe(1);
    expect(f.received.find((p) => p.op === 6)?.d).toMatchObject({ token: f.token });
    f.userSays({ content: 'what is SNS?', mentionBot: true });
    expect(titleOf(await f.nextSent(undefined, 10_000))).toBe('Amazon SNS');
    expect(harness.logs.some((l) => l.msg === 'discord gateway resumed')).toBe(true);
  }, 40_000);

  it('given a dropped connection whose session Discord no longer knows, then the client identifies again and answers the next message', async () => {
    harness = await startHarness();
    const f = harness.fake;
    f.forgetSessions();
    f.dropGateway();
    await f.waitFor(() => f.identifies === 2 && f.connected, 20_000, 'a second IDENTIFY');
    await f.waitFor(() => harness!.discord.client.isReady(), 10_000, 'ready again');
    f.userSays({ content: 'what is Kinesis?', mentionBot: true });
    expect(titleOf(await f.nextSent(undefined, 10_000))).toBe('Kinesis Data Streams');
  }, 40_000);
});
