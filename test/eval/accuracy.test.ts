import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, readLabelled } from '../../src/cli/evaluate.js';
import { newBot } from '../helpers/knowledge.js';

const file = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

describe('understanding accuracy on the project\'s own labelled questions', () => {
  it('held-out set: all three fields right on at least 95%, services on at least 99%', async () => {
    const rows = readLabelled(file('heldout.jsonl'));
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const r = await evaluate(newBot(), rows, 'heldout');
    expect(r.all / r.rows, r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(r.services / r.rows, r.misses.join('\n')).toBeGreaterThanOrEqual(0.99);
  });

  it.each(['fresh.jsonl', 'fresh2.jsonl', 'fresh3.jsonl'])('%s (written by someone who never saw the training data): all three fields right on at least 95%%', async (name) => {
    const rows = readLabelled(file(name));
    const r = await evaluate(newBot(), rows, name);
    expect(r.all / r.rows, r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('the labelled questions are disjoint from the training phrases (one- and two-word greetings aside)', async () => {
    const { realKnowledge } = await import('../helpers/knowledge.js');
    const k = realKnowledge();
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const training = new Set([...k.training.flatMap((t) => t.phrases), ...k.needs.flatMap((n) => n.phrases)].map(norm));
    const overlap = ['heldout.jsonl', 'fresh.jsonl', 'fresh2.jsonl', 'fresh3.jsonl'].flatMap((f) => readLabelled(file(f))).filter((r) => norm(r.text).split(' ').length >= 3 && training.has(norm(r.text)));
    expect(overlap.map((r) => r.text)).toEqual([]);
  });
});
