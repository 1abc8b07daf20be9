import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../src/state/conversation-store.js';
import { MemoryDedupeStore } from '../../src/state/dedupe-store.js';

const turn = { intent: 'describe' as const, services: ['s3'], aspect: null };

describe('conversation memory', () => {
  it('forgets a conversation after the idle time', async () => {
    let now = 0;
    const store = new MemoryConversationStore({ ttlMs: 1000, now: () => now });
    await store.set('a', turn);
    now = 999;
    expect(await store.get('a')).toEqual(turn);
    now = 999 + 1001;
    expect(await store.get('a')).toBeUndefined();
  });

  it('stays bounded whatever the number of users, dropping the least recently used', async () => {
    const store = new MemoryConversationStore({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) await store.set(`user${i}`, turn);
    expect(await store.size()).toBe(100);
    expect(await store.get('user0')).toBeUndefined();
    expect(await store.get('user9999')).toEqual(turn);
    await store.get('user9900');
    await store.set('new', turn);
    expect(await store.get('user9900')).toEqual(turn);
    expect(await store.get('user9901')).toBeUndefined();
  });
});

describe('event de-duplication', () => {
  it('says "first" once per key within the window, again after it', async () => {
    let now = 0;
    const d = new MemoryDedupeStore(10, 1000, () => now);
    expect(await d.firstSeen('e1')).toBe(true);
    expect(await d.firstSeen('e1')).toBe(false);
    now = 1001;
    expect(await d.firstSeen('e1')).toBe(true);
  });
});
