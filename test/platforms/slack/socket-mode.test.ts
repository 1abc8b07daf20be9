/**
 * The Slack adapter in Socket Mode, end to end: real Bolt and its Socket Mode client connect to the
 * fake Slack's WebSocket on 127.0.0.1 (through apps.connections.open), acknowledge every envelope,
 * and answer through the Web API.
 */
import type { CustomRoute } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../helpers/block-kit.js';
import { startHarness, type SlackHarness } from '../../helpers/slack-app.js';
import { commandFields, GENERAL, mentionEvent } from '../../helpers/slack-payloads.js';

type Args = Record<string, unknown>;
const headerOf = (m: Args) => (m.blocks as { type: string; text?: { text: string } }[]).find((b) => b.type === 'header')?.text?.text;
const healthz: CustomRoute = { path: '/healthz', method: 'GET', handler: (_req, res) => res.writeHead(200).end('ok') };

let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness('socket', { customRoutes: [healthz] });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

describe('Socket Mode', () => {
  it('connects with the app-level token, and no public URL', () => {
    expect(h.adapter.mode).toBe('socket');
    expect(h.fake.openedConnections).toBe(1); // apps.connections.open answered only for the xapp- token
    expect(h.fake.socketCount).toBe(1);
  });

  it('given a mention envelope, then it is acknowledged and answered in a thread, end to end', async () => {
    const event = mentionEvent('difference between S3 and EC2');
    const ack = await h.fake.sendEnvelope('events_api', h.fake.eventEnvelope(event));
    expect(ack).toEqual({});
    await h.fake.waitFor(() => h.fake.posted().length === 1, 'the answer');
    const [a] = h.fake.posted() as [Args];
    expect(a).toMatchObject({ channel: GENERAL, thread_ts: event.ts });
    expect(headerOf(a)).toBe('Amazon S3 vs Amazon EC2');
    expect(blockKitProblems(a)).toEqual([]);
  });

  it('given the same event again with retry_attempt, then it is acknowledged but answered once', async () => {
    const envelope = h.fake.eventEnvelope(mentionEvent('lambda vs fargate'));
    await h.fake.sendEnvelope('events_api', envelope);
    await h.fake.sendEnvelope('events_api', envelope, 1);
    await h.fake.waitFor(() => h.fake.posted().length >= 1, 'the answer');
    await h.idle(); // both deliveries were acknowledged and have been handled: a second answer would be here
    expect(h.fake.posted()).toHaveLength(1);
  });

  it('given /aws-compare, then the caller gets the ephemeral answer through its response_url', async () => {
    const url = h.fake.newResponseUrl();
    await h.fake.sendEnvelope('slash_commands', commandFields('dynamodb vs rds', url));
    await h.fake.waitFor(() => h.fake.responsesTo(url).length === 1, 'the ephemeral answer');
    const [r] = h.fake.responsesTo(url) as [Args];
    expect(r.response_type).toBe('ephemeral');
    expect(headerOf(r)).toBe('Amazon DynamoDB vs Amazon RDS');
  });

  it("serves the process's own routes on the configured host", async () => {
    const res = await fetch(`http://127.0.0.1:${h.adapter.address!.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
