import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnswer, MAX_COLUMNS } from '../../src/core/answer/build.js';
import { createUnderstander, MAX_COMPARED } from '../../src/core/understanding/understand.js';
import { INTENTS } from '../../src/knowledge/schema.js';
import { realKnowledge } from '../helpers/knowledge.js';

const k = realKnowledge();
const u = createUnderstander(k);

function wellFormed(text: string) {
  const r = u.understand(text);
  expect(INTENTS).toContain(r.intent);
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  for (const id of r.services) expect(k.byId.has(id)).toBe(true);
  // A comparison sets two services against each other, or AWS services against another cloud's product.
  if (r.intent === 'compare') expect(r.services.length + (r.others?.length ?? 0)).toBeGreaterThanOrEqual(2);
  if (r.intent === 'describe') expect(r.services).toHaveLength(1);
  const a = buildAnswer(k, r);
  expect(a.title.length).toBeGreaterThan(0);
  return r;
}

const noise = fc.constantFrom('<@U0ABCD1234>', '<@!876543210987654321>', '<#C01|general>', '<!here>', ':tada:', '🚀', '\u200b', '\u0000', '```', '`', '<https://x.y|label>', '\n', '\t', '💰');
const words = fc.constantFrom('s3', 'EC3', 'vs', 'or', 'lamda', 'pricing', 'what', 'about', 'it', 'for', 'backups', 'cheap', 'the', 'dynamo db', 'elasticbeanstalk', 'max', 'size', '?', 'and', 'glue', 'azure');

describe('the matcher and the answer builder never crash, whatever the input', () => {
  it('arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => void wellFormed(s)), { numRuns: 400 });
  });

  it('arbitrary mixes of words and platform noise, with and without a previous turn', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(words, noise), { maxLength: 30 }), fc.boolean(), (parts, withContext) => {
        const text = parts.join(' ');
        const r = wellFormed(text);
        const next = u.understand(text, withContext ? { intent: 'compare', services: ['s3', 'ec2'], aspect: null } : undefined);
        if (next.intent === 'compare') {
          expect(next.services.length).toBeLessThanOrEqual(MAX_COMPARED);
          for (const s of buildAnswer(k, next).sections) expect((s.columns ?? []).length).toBeLessThanOrEqual(MAX_COLUMNS);
        }
        return r !== undefined;
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['empty', ''],
    ['spaces', '     '],
    ['40,000 characters', 'what is the difference between s3 and ec2 '.repeat(1000)],
    ['one 40,000-character word', 'x'.repeat(40_000)],
    ['control and zero-width characters', '\u0000\u0001\u200b\u200d\u2028 S3\u00ad vs \ufeffEC2 \u0007'],
    ['emoji only', '🤔🚀💯👍🏽'],
    ['every mention format', '<@U0ABCD1234> <@876543210987654321> <@!876543210987654321> <#C0123|general> <!channel> <!subteam^S01|@team> <@&123456789012345678>'],
    ['lone surrogates', '\ud800 s3 \udfff'],
  ])('%s', (_name, text) => {
    wellFormed(text);
  });

  it('reads the question inside 40,000 characters and stays within its character budget', () => {
    const r = u.understand(`S3 vs EC2 ${'lorem ipsum '.repeat(4000)}`);
    expect(r.text.length).toBeLessThanOrEqual(2000);
    expect(r.services.sort()).toEqual(['ec2', 's3']);
  });
});
