import { describe, expect, it } from 'vitest';
import { withoutYesNo, yesOrNo } from '../../../src/core/answer/yes-no.js';
import { bankEntrySchema } from '../../../src/knowledge/answer-bank-schema.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const k = realKnowledge();
const entry = bankEntrySchema.parse({
  id: 'lambda-timeout-test',
  kind: 'fact',
  services: ['lambda'],
  questions: ['can lambda run longer than 15 minutes', 'is 15 minutes a hard limit for lambda', 'max lambda timeout', 'lambda timeout limit'],
  lead: 'Lambda runs at most 900 seconds (15 minutes) per invocation; the limit cannot be raised.',
  verdicts: { 'can lambda run longer than 15 minutes': 'no', 'is 15 minutes a hard limit for lambda': 'yes' },
  sources: [{ title: 'Lambda quotas', url: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html' }],
  reviewed: '2026-12-07',
});

describe('yes or no first', () => {
  it('says the verdict of the stored phrasing the question is closest to, each with its own', () => {
    expect(yesOrNo(k, 'can a lambda run longer than 15 minutes?', entry, [])).toBe('No: ');
    expect(yesOrNo(k, 'is 15 min a hard limit on lambda?', entry, [])).toBe('Yes: ');
    // "it" names no service: the phrasing's service words don't count against it.
    expect(yesOrNo(k, 'can it run longer than 15 minutes', entry, [])).toBe('No: ');
  });

  it('says nothing for a question not asked that way, or unlike every marked phrasing', () => {
    expect(yesOrNo(k, 'max lambda timeout?', entry, [])).toBe('');
    expect(yesOrNo(k, 'does lambda support arm?', entry, [])).toBe('');
  });

  it('says nothing for a near question that differs in a number, a service or a clause', () => {
    expect(yesOrNo(k, 'can lambda run longer than 10 minutes', entry, [])).toBe('');
    expect(yesOrNo(k, 'can lambda run longer than 15 minutes', entry, ['fargate'])).toBe('');
    expect(yesOrNo(k, 'can lambda run longer than 15 minutes when invoked from sqs with a dlq', entry, [])).toBe('');
  });

  it('accepts verdicts only for the entry\'s own phrasings', () => {
    const bad = bankEntrySchema.safeParse({ ...entry, verdicts: { 'a phrasing it does not have': 'yes' } });
    expect(bad.success).toBe(false);
  });
});

describe('a lead written for yes-or-no questions', () => {
  it('drops its Yes/No for an open question, keeps it for a yes-or-no one', () => {
    const lead = 'Yes: since January 5, 2023 every new S3 object is encrypted at rest with SSE-S3.';
    expect(withoutYesNo('what encryption does s3 use by default?', lead)).toBe('Since January 5, 2023 every new S3 object is encrypted at rest with SSE-S3.');
    expect(withoutYesNo('is s3 encryption on by default now?', lead)).toBe(lead);
    expect(withoutYesNo('how do i encrypt s3', 'Yesterday\'s objects stay as they were.')).toBe('Yesterday\'s objects stay as they were.');
  });

  it('real verdicts answer their questions in the first word', async () => {
    const { newBot } = await import('../../helpers/knowledge.js');
    const bot = newBot();
    const reply = await bot.ask('can aurora serverless v2 scale to zero now?', 'yes-no:1');
    expect(reply.answer.summary).toMatch(/^Yes: /);
  });
});
