import { describe, expect, it } from 'vitest';
import { commandConversation, directMessagePlace, mentionPlace, placeOfMessage } from '../../../src/platforms/slack/conversation-key.js';

describe('where a reply goes and which conversation it continues', () => {
  it('given a mention at the top of a channel, then a new thread under the question', () => {
    expect(mentionPlace('T1', { channel: 'C1', ts: '10.1' })).toEqual({ channel: 'C1', threadTs: '10.1', conversation: 'slack:T1:C1:10.1' });
  });

  it('given a mention inside a thread, then the same thread and the same conversation as its first question', () => {
    const first = mentionPlace('T1', { channel: 'C1', ts: '10.1' });
    const later = mentionPlace('T1', { channel: 'C1', ts: '12.5', thread_ts: '10.1' });
    expect(later).toEqual(first);
  });

  it('given two threads in one channel, then two conversations', () => {
    expect(mentionPlace('T1', { channel: 'C1', ts: '10.1' }).conversation).not.toBe(mentionPlace('T1', { channel: 'C1', ts: '11.1' }).conversation);
  });

  it('given direct messages, then the DM is one conversation, top level or in a thread', () => {
    const top = directMessagePlace('T1', { channel: 'D1', ts: '10.1' });
    const threaded = directMessagePlace('T1', { channel: 'D1', ts: '12.1', thread_ts: '10.1' });
    expect(top).toEqual({ channel: 'D1', conversation: 'slack:T1:D1' });
    expect(threaded).toEqual({ channel: 'D1', threadTs: '10.1', conversation: 'slack:T1:D1' });
    expect(placeOfMessage('T1', { channel: 'D1', ts: '13.1' })).toEqual(top);
  });

  it('given /aws-compare, then the caller in that channel, which in a DM is the DM itself', () => {
    expect(commandConversation('T1', 'D1', 'U1')).toBe(directMessagePlace('T1', { channel: 'D1', ts: '1.1' }).conversation);
    expect(commandConversation('T1', 'C1', 'U1')).not.toBe(commandConversation('T1', 'C1', 'U2'));
  });
});
