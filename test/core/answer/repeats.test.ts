import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/answer/actions.js';
import { nameWords } from '../../../src/core/answer/facts.js';
import { claimOf, linesOf, quantitiesOf, repeatedLines, repeats, Said } from '../../../src/core/answer/repeats.js';
import { ASPECTS, type Aspect } from '../../../src/knowledge/schema.js';
import { newBot, realKnowledge } from '../../helpers/knowledge.js';

describe('finding a fact stated twice', () => {
  it('reads quantities with their units, not digits inside names or years', () => {
    expect([...quantitiesOf('Objects up to 50 TB; a 2-minute notice; 99.99% SLA; 1,000 per Region')]).toEqual(['50 tb', '2 minut', '99.99 %', '1000']);
    expect([...quantitiesOf('EC2 and S3 since 2023')]).toEqual([]);
    expect([...quantitiesOf('list price read 2026-12-05')]).toEqual([]);
  });

  it('flags the repeats issue 12 found, and not two different facts', () => {
    const c = (t: string, owner?: string) => claimOf(t, owner);
    // SNS message size, said in a summary and again in a fact.
    expect(repeats(c('Max message 256 KiB by default; opt in per topic to allow up to 1 MiB.'), c('Message size: default 256 KiB; set MaximumMessageSize to allow up to 1 MiB.'))).toBe(true);
    // S3 storage classes listed twice.
    expect(repeats(c('Storage classes: Standard, Intelligent-Tiering, Standard-IA, One Zone-IA and the Glacier classes.'), c('Object storage with storage classes Standard, Intelligent-Tiering, Standard-IA, One Zone-IA and Glacier.'))).toBe(true);
    expect(repeats(c('Objects up to 50 TB.'), c('Maximum object size is 50 TB (raised from 5 TB).'))).toBe(true);
    expect(repeats(c('Spot Instances can be interrupted with a 2-minute notice.'), c('Savings Plans save up to 72% for a 1- or 3-year commitment.'))).toBe(false);
    // Two services with the same limit is a comparison, not a repeat.
    expect(repeats(c('Timeout up to 15 minutes.', 'lambda'), c('Tasks time out after 15 minutes.', 'other'))).toBe(false);
  });

  it('tells a line that shares one number but states another of its own', () => {
    const said = new Said();
    said.add('A DLQ keeps messages for its own MessageRetentionPeriod (max 14 days).');
    const retention = 'SQS keeps an undeleted message for 4 days by default, up to 14 days.';
    expect(said.repeats(retention)).toBe(true);
    expect(said.statesNewQuantity(retention)).toBe(true);
    expect(said.statesNewQuantity('Set the retention to 14 days, the maximum.')).toBe(false);
    // Bare numbers and years are not quantities with a unit.
    expect(said.statesNewQuantity('Since 2025, 1000 of them.')).toBe(false);
  });
});

describe('no answer in the catalog states a fact twice', () => {
  // Every describe with each aspect and without, every pair without an aspect and with each, a
  // spread of triples (every service in several), and constraint questions on the general path.
  it('across summary, sections and columns', async () => {
    const k = realKnowledge();
    const bot = newBot();
    const names = nameWords(k);
    const ids = k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id);
    const n = ids.length;
    const aspects: (Aspect | null)[] = [null, ...ASPECTS];
    const actions: string[] = [];
    for (const id of ids) for (const aspect of aspects) actions.push(encodeAction({ intent: 'describe', services: [id], aspect }));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) for (const aspect of aspects) actions.push(encodeAction({ intent: 'compare', services: [ids[i]!, ids[j]!], aspect }));
    ids.forEach((id, i) => {
      for (const step of [1, 5]) actions.push(encodeAction({ intent: 'compare', services: [id, ids[(i + step) % n]!, ids[(i + 2 * step + 1) % n]!], aspect: aspects[(i + step) % aspects.length]! }));
    });
    const failures: string[] = [];
    for (const action of actions) {
      const reply = await bot.act(action);
      const found = repeatedLines(linesOf(reply!.answer), names);
      if (found.length > 0) failures.push(`${action}: "${found[0]![0]}" / "${found[0]![1]}"`);
    }
    for (const q of ['S3 or EFS, which is cheaper?', 'SQS or SNS with ordering', 'ECS or Lambda without servers', 'DynamoDB vs RDS which is cheaper?', 'Aurora or DynamoDB for low traffic', 'ECS or Fargate for a small team?']) {
      const found = repeatedLines(linesOf((await bot.ask(q)).answer), names);
      if (found.length > 0) failures.push(`${q}: "${found[0]![0]}" / "${found[0]![1]}"`);
    }
    expect(actions.length).toBe(n * aspects.length + ((n * (n - 1)) / 2) * aspects.length + 2 * n);
    expect(failures.slice(0, 5)).toEqual([]);
  }, 120_000);
});
