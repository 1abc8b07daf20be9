import { describe, expect, it } from 'vitest';
import { briefOf, withoutHistory } from '../../../src/core/answer/brief.js';
import { describeService } from '../../../src/core/answer/describe.js';
import { focusOf } from '../../../src/core/answer/facts.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const k = realKnowledge();

describe('facts in the length a chat wants', () => {
  it('drops history notes, and only whole trailing clauses', () => {
    expect(withoutHistory('Maximum object size is 50 TB (raised from 5 TB in December 2025, across all storage classes); many older docs, blogs and SDK constants still say 5 TB.')).toBe('Maximum object size is 50 TB.');
    expect(withoutHistory('Strong read-after-write consistency for all PUTs, automatically (since December 2020; earlier posts describing eventual consistency are outdated).')).toBe('Strong read-after-write consistency for all PUTs, automatically.');
    expect(withoutHistory('Tables scale without limits; on-demand adapts to traffic.')).toBe('Tables scale without limits; on-demand adapts to traffic.');
    expect(briefOf({ text: 'Data transfer in from the internet is free; transfer out to the internet is billed per GB (first 100 GB/month free, aggregated across AWS services). SSE-S3 encryption adds no charge.', source: 'x' })).toBe('Data transfer in from the internet is free.');
    expect(briefOf({ text: 'A long fact with the author\'s own short form written next to it, which wins over any cut.', source: 'x', brief: 'Short form.' })).toBe('Short form.');
  });

  it('every brief written in a profile is short, and every profile fact keeps a source', () => {
    for (const [id, p] of k.profiles) {
      for (const entry of Object.values(p.aspects)) {
        for (const f of entry.facts) {
          if (f.brief) expect(f.brief.length, `${id}: ${f.brief}`).toBeLessThanOrEqual(110);
          expect(p.sources[f.source], `${id}: ${f.text}`).toBeDefined();
        }
      }
    }
  });

  it('shows a history note only when the question is about that very value', () => {
    const plain = describeService(k, 'ec2', 'pricing', focusOf(k, 'EC2 pricing'));
    expect(JSON.stringify(plain)).not.toMatch(/History:|October 2017/);
    const asked = describeService(k, 'ec2', 'pricing', focusOf(k, 'is EC2 Windows still billed hourly, per-second billing history?'));
    expect(JSON.stringify(asked)).toMatch(/October 2017/);
    const limits = describeService(k, 's3', 'limits', focusOf(k, 'S3 limits'));
    expect(JSON.stringify(limits)).not.toMatch(/older docs|still say/);
  });
});
