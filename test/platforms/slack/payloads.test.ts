import { describe, expect, it } from 'vitest';
import { isFromBotOrSystem, readButtonClick, readCompareCommand, readMessage } from '../../../src/platforms/slack/payloads.js';
import { BOT_ID, BOT_USER } from '../../helpers/fake-slack.js';
import { buttonClickPayload, commandFields, directMessageEvent } from '../../helpers/slack-payloads.js';

const message = (extra: Record<string, unknown>) => readMessage({ ...directMessageEvent('hi'), ...extra })!;

describe('who the bot answers', () => {
  it('answers people', () => {
    expect(isFromBotOrSystem(message({}), BOT_USER)).toBe(false);
    expect(isFromBotOrSystem(message({ subtype: 'thread_broadcast' }), BOT_USER)).toBe(false);
  });

  it('never itself, another bot or app, or a system message', () => {
    expect(isFromBotOrSystem(message({ user: BOT_USER }), BOT_USER)).toBe(true);
    expect(isFromBotOrSystem(message({ user: undefined, bot_id: BOT_ID }), BOT_USER)).toBe(true);
    expect(isFromBotOrSystem(message({ user: 'U0OTHERBOT', bot_id: 'B0OTHER', subtype: 'bot_message' }), BOT_USER)).toBe(true);
    expect(isFromBotOrSystem(message({ user: 'U0APP', bot_profile: { id: 'B9' } }), BOT_USER)).toBe(true);
    expect(isFromBotOrSystem(message({ subtype: 'message_changed' }), BOT_USER)).toBe(true);
    expect(isFromBotOrSystem(message({ user: undefined }), BOT_USER)).toBe(true);
  });

  it('reads nothing from an event without channel or ts', () => {
    expect(readMessage({ type: 'message', subtype: 'message_deleted' })).toBeUndefined();
  });
});

describe('/aws-compare at the edge', () => {
  it('normalises the text', () => {
    expect(readCompareCommand(commandFields('  s3\n  vs   ec2 ', 'http://127.0.0.1/respond/1'))).toMatchObject({ ok: true, command: { text: 's3 vs ec2' } });
  });

  it('refuses a payload without a response_url or channel, and text too long to be a comparison', () => {
    expect(readCompareCommand({ ...commandFields('s3 ec2', 'not a url') })).toEqual({ ok: false, problem: 'malformed' });
    expect(readCompareCommand({ text: 's3 ec2' })).toEqual({ ok: false, problem: 'malformed' });
    expect(readCompareCommand(commandFields('s3 '.repeat(200), 'http://127.0.0.1/respond/1'))).toEqual({ ok: false, problem: 'too_long' });
  });
});

describe('button clicks', () => {
  it('on a message in a thread: its channel, ts and thread', () => {
    const click = readButtonClick(buttonClickPayload({ action_id: 'follow_up:0', value: 'describe|s3|pricing', message: { ts: '2.2', thread_ts: '1.1' }, response_url: 'http://127.0.0.1/respond/2' }));
    expect(click).toMatchObject({ actionId: 'follow_up:0', value: 'describe|s3|pricing', channel: 'C0GENERAL', message: { ts: '2.2', thread_ts: '1.1' }, ephemeral: false, user: { id: 'U0ALICE', name: 'alice' } });
  });

  it('on an ephemeral message: flagged, without a message', () => {
    const click = readButtonClick(buttonClickPayload({ action_id: 'share_to_channel', value: 'compare|s3,ec2|', ephemeral: true, response_url: 'http://127.0.0.1/respond/3' }));
    expect(click?.ephemeral).toBe(true);
    expect(click?.channel).toBe('C0GENERAL');
  });

  it('refuses a payload without actions', () => {
    expect(readButtonClick({ type: 'block_actions', actions: [], user: { id: 'U1' } })).toBeUndefined();
  });
});
