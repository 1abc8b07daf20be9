/**
 * The Slack adapter in HTTP mode, end to end: real Bolt behind its HTTPReceiver, signed requests
 * from the fake Slack on 127.0.0.1, Web API calls and response_url posts recorded by the fake.
 */
import type { CustomRoute } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../../src/render/slack/blocks.js';
import { NOT_IN_CHANNEL } from '../../../src/platforms/slack/listeners/share.js';
import { APOLOGY } from '../../../src/platforms/slack/reply.js';
import { blockKitProblems, pingsIn, shownStrings } from '../../helpers/block-kit.js';
import { BOT_ID, BOT_USER, SIGNING_SECRET, sign } from '../../helpers/fake-slack.js';
import { startHarness, type SlackHarness } from '../../helpers/slack-app.js';
import {
  ALICE,
  ALICE_DM,
  buttonClickPayload,
  commandFields,
  directMessageEvent,
  GENERAL,
  mentionEvent,
  nextTs,
  type ClickOptions,
  type MessageOptions,
} from '../../helpers/slack-payloads.js';

type Args = Record<string, unknown>;
interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

const healthz: CustomRoute = { path: '/healthz', method: 'GET', handler: (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok') };

let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness('http', { customRoutes: [healthz] });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const blocksOf = (m: Args) => (m.blocks ?? []) as { type: string; text?: { text: string }; fields?: unknown[]; elements?: unknown[] }[];
const headerOf = (m: Args) => blocksOf(m).find((b) => b.type === 'header')?.text?.text;
const buttonsOf = (m: Args) => blocksOf(m).flatMap((b) => (b.type === 'actions' ? (b.elements as Button[]) : []));
const textOf = (m: Args) => shownStrings(m).join('\n');

async function mention(text: string, o: MessageOptions = {}) {
  const event = mentionEvent(text, o);
  const res = await h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope(event));
  expect(res.status).toBe(200);
  return event as { ts: string; channel: string };
}

async function dm(text: string, o: MessageOptions = {}) {
  const event = directMessageEvent(text, o);
  const res = await h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope(event));
  expect(res.status).toBe(200);
  return event as { ts: string; channel: string };
}

/** Runs /aws-compare; returns what reached its response_url. */
async function command(text: string, o: { channel_id?: string } = {}) {
  const url = h.fake.newResponseUrl();
  const res = await h.fake.sendCommand(h.eventsUrl, commandFields(text, url, o));
  expect(res.status).toBe(200);
  return h.fake.responsesTo(url);
}

async function click(o: Omit<ClickOptions, 'response_url'>) {
  const url = h.fake.newResponseUrl();
  const res = await h.fake.sendInteraction(h.eventsUrl, buttonClickPayload({ ...o, response_url: url }));
  expect(res.status).toBe(200);
  return h.fake.responsesTo(url);
}

describe('/aws-compare', () => {
  it('given "/aws-compare s3 ec2", then only the caller sees the comparison, with a button to post it', async () => {
    const responses = await command('s3 ec2');
    expect(responses).toHaveLength(1);
    const [r] = responses as [Args];
    expect(r.response_type).toBe('ephemeral');
    expect(headerOf(r)).toBe('Amazon S3 vs Amazon EC2');
    expect(blockKitProblems(r)).toEqual([]);
    expect(buttonsOf(r)[0]).toMatchObject({ action_id: SHARE_ACTION_ID, value: 'compare|s3,ec2|', text: { text: 'Post to channel' } });
    expect(h.fake.posted()).toEqual([]);
  });

  it('when "Post to channel" is clicked, then the channel gets it, the ephemeral copy goes, and its thread follows up', async () => {
    const [r] = (await command('s3 ec2')) as [Args];
    const share = buttonsOf(r)[0]!;
    const clickResponses = await click({ action_id: share.action_id, value: share.value, ephemeral: true });

    const [posted] = h.fake.posted() as [Args];
    expect(posted).toMatchObject({ channel: GENERAL });
    expect(posted.thread_ts).toBeUndefined();
    expect(headerOf(posted)).toBe('Amazon S3 vs Amazon EC2');
    expect(textOf(posted)).toContain('Posted by alice with /aws-compare');
    expect(buttonsOf(posted).map((b) => b.action_id)).not.toContain(SHARE_ACTION_ID);
    expect(clickResponses).toEqual([{ delete_original: true }]);

    const sharedTs = h.fake.postedTs(0);
    await mention('what about pricing?', { thread_ts: sharedTs });
    const followUp = h.fake.posted()[1]!;
    expect(followUp).toMatchObject({ channel: GENERAL, thread_ts: sharedTs });
    expect(headerOf(followUp)).toBe('Amazon S3 vs Amazon EC2: Pricing');
  });

  it('reads an aspect, three services and typos', async () => {
    const [pricing] = (await command('s3 vs lambda pricing')) as [Args];
    expect(headerOf(pricing)).toBe('Amazon S3 vs AWS Lambda: Pricing');

    const [three] = (await command('ebs efs s3')) as [Args];
    expect(headerOf(three)).toBe('Amazon EBS vs Amazon EFS vs Amazon S3');
    expect(blocksOf(three).find((b) => b.fields)?.fields).toHaveLength(3);

    const [typos] = (await command('lamda fargat')) as [Args];
    expect(headerOf(typos)).toBe('AWS Lambda vs AWS Fargate');
    expect(textOf(typos)).toContain('"lamda" was read as AWS Lambda.');
    for (const r of [pricing, three, typos]) expect(blockKitProblems(r)).toEqual([]);
  });

  it('given no text or nonsense, then a short usage help listing the services, without a share button', async () => {
    for (const text of ['', 'what is the weather like tomorrow', 'hello']) {
      const [r] = (await command(text)) as [Args];
      expect(headerOf(r), text).toBe('How to use /aws-compare');
      expect(textOf(r)).toContain('/aws-compare s3 vs lambda pricing');
      for (const name of ['S3', 'EC2', 'Lambda', 'DynamoDB', 'Elastic Beanstalk', 'SQS']) expect(textOf(r)).toContain(name);
      expect(buttonsOf(r).map((b) => b.action_id)).not.toContain(SHARE_ACTION_ID);
      expect(blockKitProblems(r)).toEqual([]);
    }
  });

  it('in a DM, then the DM follows up on the comparison', async () => {
    const [r] = (await command('ec2 lambda', { channel_id: ALICE_DM })) as [Args];
    expect(headerOf(r)).toBe('Amazon EC2 vs AWS Lambda');
    await dm('what about pricing?');
    const [answer] = h.fake.posted() as [Args];
    expect(answer).toMatchObject({ channel: ALICE_DM });
    expect(headerOf(answer)).toBe('Amazon EC2 vs AWS Lambda: Pricing');
  });

  it('when the bot may not post in the channel, then the caller is told how to fix it and keeps the answer', async () => {
    h.fake.notInChannel.add('C0PRIVATE');
    const [r] = (await command('sqs sns', { channel_id: 'C0PRIVATE' })) as [Args];
    const share = buttonsOf(r)[0]!;
    const responses = await click({ action_id: share.action_id, value: share.value, ephemeral: true, channel: 'C0PRIVATE' });
    expect(h.fake.posted()).toEqual([]);
    expect(responses).toEqual([{ response_type: 'ephemeral', replace_original: false, text: NOT_IN_CHANNEL }]);
  });
});

describe('request signing', () => {
  it('rejects forged, unsigned, wrongly signed and replayed (> 5 minutes) requests with 401, and does nothing', async () => {
    const url = h.fake.newResponseUrl();
    const body = new URLSearchParams(commandFields('s3 ec2', url)).toString();
    const form = 'application/x-www-form-urlencoded';
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const attempts = [
      h.fake.signedPost(h.eventsUrl, body, form, { signature: 'v0=forgedforgedforged' }),
      h.fake.signedPost(h.eventsUrl, body, form, { signature: null }),
      h.fake.signedPost(h.eventsUrl, body, form, { secret: 'not-the-signing-secret' }),
      h.fake.signedPost(h.eventsUrl, body, form, { timestamp: stale, signature: sign(SIGNING_SECRET, stale, body) }),
      h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope(mentionEvent('s3 vs ec2')), { secret: 'not-the-signing-secret' }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(401);
    expect(h.fake.calls).toEqual([]);
    expect(h.fake.responses).toEqual([]);

    const valid = await h.fake.signedPost(h.eventsUrl, body, form);
    expect(valid.status).toBe(200);
    expect(h.fake.responsesTo(url)).toHaveLength(1);
  });
});

describe('mentions in a channel', () => {
  it('given "@awsbot difference between S3 and EC2", then the answer is in a thread under the question, in valid blocks', async () => {
    const q = await mention('difference between S3 and EC2');
    const posted = h.fake.posted();
    expect(posted).toHaveLength(1);
    const [a] = posted as [Args];
    expect(a).toMatchObject({ channel: GENERAL, thread_ts: q.ts, unfurl_links: 'false' }); // form-encoded, as Slack receives it
    expect(headerOf(a)).toBe('Amazon S3 vs Amazon EC2');
    expect(String(a.text)).toContain('Amazon S3 vs Amazon EC2');
    expect(blockKitProblems(a)).toEqual([]);
    // Long text full width (issue 12): no half-width fields for 100-character bullets.
    expect(blocksOf(a).some((b) => b.type === 'section' && b.fields)).toBe(false);
    expect(buttonsOf(a).length).toBeGreaterThan(0);
  });

  it('given follow-ups mentioned in that thread, then they use its context', async () => {
    const q = await mention('difference between S3 and EC2');
    await mention('what about pricing?', { thread_ts: q.ts });
    await mention('how does it compare to Lambda?', { thread_ts: q.ts });
    const [, pricing, lambda] = h.fake.posted() as [Args, Args, Args];
    expect(pricing).toMatchObject({ thread_ts: q.ts });
    expect(headerOf(pricing)).toBe('Amazon S3 vs Amazon EC2: Pricing');
    expect(lambda).toMatchObject({ thread_ts: q.ts });
    expect(headerOf(lambda)).toContain('Amazon S3 vs Amazon EC2 vs AWS Lambda');

    const elsewhere = await mention('what about pricing?'); // a new thread knows nothing of that one
    const other = h.fake.posted().filter((m) => m.thread_ts === elsewhere.ts);
    expect(other).toHaveLength(1);
    expect(headerOf(other[0]!)).not.toContain('Amazon S3 vs Amazon EC2');
  });

  it('given a click on a follow-up button, then the answer comes in the same thread', async () => {
    const q = await mention('what is DynamoDB?');
    const replyTs = h.fake.postedTs(0);
    const pricing = buttonsOf(h.fake.posted()[0]!).find((b) => b.text.text === 'Pricing')!;
    expect(pricing.value).toBe('describe|dynamodb|pricing');
    await click({ action_id: pricing.action_id, value: pricing.value, message: { ts: replyTs, thread_ts: q.ts } });
    const answer = h.fake.posted()[1]!;
    expect(answer).toMatchObject({ channel: GENERAL, thread_ts: q.ts });
    expect(headerOf(answer)).toBe('Amazon DynamoDB: Pricing');

    await mention('and its limits?', { thread_ts: q.ts }); // the click became the thread's context
    expect(headerOf(h.fake.posted()[2]!)).toBe('Amazon DynamoDB: Limits and quotas');
  });
});

describe('direct messages', () => {
  it('given a conversation, then "what about pricing?" and "how does it compare to Lambda?" use its context', async () => {
    await dm('what is S3?');
    await dm('what about pricing?');
    await dm('how does it compare to Lambda?');
    const [about, pricing, lambda] = h.fake.posted() as [Args, Args, Args];
    for (const m of [about, pricing, lambda]) {
      expect(m.channel).toBe(ALICE_DM);
      expect(m.thread_ts).toBeUndefined();
    }
    expect(headerOf(about)).toBe('Amazon S3');
    expect(headerOf(pricing)).toBe('Amazon S3: Pricing');
    expect(headerOf(lambda)).toContain('Amazon S3 vs AWS Lambda');
  });

  it('given a click on a button in the DM, then the answer comes in the DM', async () => {
    await dm('sqs vs sns');
    const button = buttonsOf(h.fake.posted()[0]!).find((b) => b.text.text === 'Use cases')!;
    await click({ action_id: button.action_id, value: button.value, channel: ALICE_DM, message: { ts: h.fake.postedTs(0) } });
    const answer = h.fake.posted()[1]!;
    expect(answer.channel).toBe(ALICE_DM);
    expect(answer.thread_ts).toBeUndefined();
    expect(headerOf(answer)).toBe('Amazon SQS vs Amazon SNS: Use cases');
  });
});

describe('never twice, never itself', () => {
  it('given Slack retries an event (X-Slack-Retry-Num) or delivers the message again, then it is answered once', async () => {
    const event = mentionEvent('s3 vs glacier');
    const envelope = h.fake.eventEnvelope(event);
    await h.fake.sendEvent(h.eventsUrl, envelope);
    await h.fake.sendEvent(h.eventsUrl, envelope, { retryNum: 1, retryReason: 'http_timeout' });
    await h.fake.sendEvent(h.eventsUrl, envelope, { retryNum: 2, retryReason: 'http_timeout' });
    await h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope(event)); // same message, another event id
    expect(h.fake.posted()).toHaveLength(1);
  });

  it('ignores its own messages, other bots and system messages', async () => {
    await dm('s3 vs ec2', { user: BOT_USER }); // its own message, as Slack echoes it in the DM
    await h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope({ ...directMessageEvent('s3 vs ec2'), user: undefined, bot_id: BOT_ID }));
    await h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope(directMessageEvent('s3 vs ec2', { user: 'U0OTHERBOT', bot_id: 'B0OTHER', subtype: 'bot_message' })));
    await h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope({ ...mentionEvent('s3 vs ec2', { user: 'U0OTHERBOT' }), bot_id: 'B0OTHER' }));
    await h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope(directMessageEvent('s3 vs ec2', { subtype: 'message_changed' })));
    expect(h.fake.calls).toEqual([]);

    await dm('s3 vs ec2'); // while a person is answered
    expect(h.fake.posted()).toHaveLength(1);
  });
});

describe('when Slack has trouble', () => {
  it('given a 429 with Retry-After, then the answer is posted once, after waiting', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await mention('rds vs aurora');
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(h.fake.posted()).toHaveLength(1);
    expect(headerOf(h.fake.posted()[0]!)).toBe('Amazon RDS vs Amazon Aurora');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('given a 5xx and a dropped connection, then the call is retried and the answer posted once', async () => {
    h.fake.failNext('chat.postMessage', { status: 503 });
    h.fake.failNext('chat.postMessage', { drop: true });
    await dm('ecs vs eks');
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.status)).toEqual([503, 0, 200]);
    expect(h.fake.posted()).toHaveLength(1);
  });

  it('given the answer cannot be posted after the retries, then the user gets an apology where they asked', async () => {
    h.fake.failNext('chat.postMessage', { status: 500 }, 3);
    const q = await mention('kinesis vs sqs');
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(4);
    expect(h.fake.posted()).toEqual([expect.objectContaining({ channel: GENERAL, thread_ts: q.ts, text: APOLOGY })]);
  });

  it('given Slack refuses the message itself, then it is not retried, and the apology follows', async () => {
    h.fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    await dm('what is fargate?');
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.error ?? 'ok')).toEqual(['invalid_blocks', 'ok']);
    expect(h.fake.posted()[0]).toMatchObject({ channel: ALICE_DM, text: APOLOGY });
  });
});

describe('nobody is pinged', () => {
  it('given @everyone, <!channel> and mentions in a question, then the answer shows them as text and notifies nobody', async () => {
    await mention('@everyone <!channel> <!here> <@U0BOB> <!subteam^S0DEVS|@devs> difference between s3 and @ec3');
    const [a] = h.fake.posted() as [Args];
    expect(headerOf(a)).toBe('Amazon S3 vs Amazon EC2');
    expect(textOf(a)).toContain('"@ec3" was read as Amazon EC2.');
    expect(pingsIn(a)).toEqual([]);
  });

  it('given the same in /aws-compare, then the usage help quotes only the words, and pings nobody', async () => {
    const [r] = (await command('@everyone <!channel> <@U0BOB> & <!here> lorem')) as [Args];
    expect(headerOf(r)).toBe('How to use /aws-compare');
    expect(textOf(r)).toContain('I couldn\'t find AWS services to compare in "everyone &amp; lorem".');
    expect(pingsIn(r)).toEqual([]);
    expect(blockKitProblems(r)).toEqual([]);
  });

  it('given /aws-compare with entities, formatting, a link and control characters, then the usage note echoes the words plainly, escaped once', async () => {
    // As Slack sends it: & < > arrive as entities.
    const hostile = 'tom &amp; jerry *bold* _it_ ~del~ ```fence``` `code` &gt; quote <https://evil.example|click> www.evil.example \u202Eevil\u202C \u001b[31mred\u001b[0m nul\u0000here zero\u200Bwidth';
    const [r] = (await command(hostile, { channel_id: 'C0HOSTILE' })) as [Args]; // a channel of its own: no earlier context
    const text = textOf(r);
    expect(text).toContain('"tom &amp; jerry bold it del fence code quote evil red nul here zero width"');
    expect(text).not.toContain('&amp;amp;');
    for (const bad of ['*bold*', '`', '~del~', 'https', 'www.', 'click', '\u202E', '\u001b', '\u0000', '\u200B']) expect(text).not.toContain(bad);
    expect(blockKitProblems(r)).toEqual([]);
  });
});

describe('the App Home', () => {
  it('when a user opens it, then it shows how to use the bot and the services it covers', async () => {
    const open = (tab: string) => h.fake.sendEvent(h.eventsUrl, h.fake.eventEnvelope({ type: 'app_home_opened', user: ALICE, channel: ALICE_DM, tab, event_ts: nextTs() }));
    await open('messages');
    expect(h.fake.calls).toEqual([]);
    await open('home');
    const [call] = h.fake.posted('views.publish') as [{ user_id: string; view: { type: string; blocks: unknown[] } }];
    expect(call.user_id).toBe(ALICE);
    expect(call.view.type).toBe('home');
    expect(blockKitProblems(call.view, 'view')).toEqual([]);
    const text = shownStrings(call.view).join(' ');
    expect(text).toContain('How to use awsbot');
    expect(text).toContain('DynamoDB');
  });
});

describe('the HTTP server', () => {
  it("serves the process's own routes next to /slack/events", async () => {
    const res = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
