/**
 * Part 5 helper: memory of remembered conversations in MemoryConversationStore
 * (src/state/conversation-store.ts). One process per measurement, run with --expose-gc.
 * Fills the store with `count` distinct conversations (Slack thread keys, a compare turn each, the
 * shape bot.ask() stores), then reports the heap the store holds, per conversation, and its size.
 *
 * Usage: node --expose-gc bench/parts/conversations.mjs <count> [--max-entries N | --default-bound]
 *   --max-entries N   raise the store's bound for the measurement (default: count)
 *   --default-bound   the store as the bot builds it (no options): shows that the bound holds
 */
import { dist } from '../lib/common.mjs';

const count = Number(process.argv[2] ?? 1);
const maxAt = process.argv.indexOf('--max-entries');
const defaultBound = process.argv.includes('--default-bound');
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

const { MemoryConversationStore } = await dist('state/conversation-store.js');
const { createBot } = await dist('core/bot.js');
const { loadKnowledge } = await dist('knowledge/load.js');
// Service ids as the bot stores them: the catalog's own strings.
const ids = loadKnowledge().catalog.map((s) => s.id);
const ASPECTS = [null, 'pricing', 'performance', 'security'];

const settle = () => {
  for (let i = 0; i < 3; i++) globalThis.gc();
};
const options = defaultBound ? undefined : { maxEntries: maxAt >= 0 ? Number(process.argv[maxAt + 1]) : Math.max(1, count) };
// The bot's own default store when --default-bound; otherwise one with the bound raised.
const make = () => (defaultBound ? createBot(loadKnowledge()).store : new MemoryConversationStore(options));

settle();
const before = process.memoryUsage();
const store = make();
const afterEmpty = (settle(), process.memoryUsage());
const t0 = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const key = `slack:T0BENCH01:C0BENCH${String(i % 97).padStart(2, '0')}:${1_700_000_000 + Math.floor(i / 1000)}.${String(i % 1_000_000).padStart(6, '0')}`;
  store.setSync(key, { intent: 'compare', services: [ids[i % ids.length], ids[(i + 7) % ids.length]], aspect: ASPECTS[i % ASPECTS.length] });
}
const fillMs = Number(process.hrtime.bigint() - t0) / 1e6;
settle();
const after = process.memoryUsage();
const size = await store.size();

process.stdout.write(
  `${JSON.stringify({
    count,
    bound: defaultBound ? 'default' : options.maxEntries,
    size,
    fillMs,
    nsPerSet: (fillMs * 1e6) / Math.max(1, count),
    heapHeld: after.heapUsed - afterEmpty.heapUsed,
    bytesPerConversation: (after.heapUsed - afterEmpty.heapUsed) / Math.max(1, size),
    rssAdded: after.rss - before.rss,
    rss: after.rss,
  })}\n`,
);
