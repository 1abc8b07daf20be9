/** Reading what users type in `/aws-compare`: resolving service names and the autocomplete ranking, without Discord. */
import { describe, expect, it } from 'vitest';
import { readCompareOptions } from '../../../src/platforms/discord/compare-options.js';
import { resolveService, suggestServices } from '../../../src/platforms/discord/service-lookup.js';
import { newBot } from '../../helpers/knowledge.js';

const bot = newBot();
const options = (o: Partial<Record<'first' | 'second' | 'third' | 'aspect', string | null>>) => ({ first: null, second: null, third: null, aspect: null, ...o });

describe('resolveService', () => {
  it.each([
    ['s3', 's3'],
    ['Amazon S3', 's3'],
    ['  LAMBDA ', 'lambda'],
    ['elastic beanstalk', 'elastic-beanstalk'],
    ['lamda', 'lambda'],
    ['ec3', 'ec2'],
    ['dynamo db', 'dynamodb'],
  ])('reads "%s" as %s', (typed, id) => {
    expect(resolveService(bot, typed)).toBe(id);
  });

  it.each(['azure blob', 'google cloud storage', 'qwerty', '', '!!!'])('reads "%s" as no catalog service', (typed) => {
    expect(resolveService(bot, typed)).toBeUndefined();
  });
});

describe('suggestServices', () => {
  it('ranks the service whose name starts with what was typed first, and leaves out the excluded', () => {
    expect(suggestServices(bot, 'lam')[0]?.id).toBe('lambda');
    expect(suggestServices(bot, 'dyn').map((s) => s.id)).toEqual(['dynamodb']);
    expect(suggestServices(bot, 's3', ['s3']).map((s) => s.id)).not.toContain('s3');
  });

  it('reads typos: "ec3" suggests EC2 only', () => {
    expect(suggestServices(bot, 'ec3').map((s) => s.id)).toEqual(['ec2']);
  });

  it('labels fit an autocomplete choice (100 characters) and name the service', () => {
    for (const s of suggestServices(bot, '')) {
      expect(s.label.length).toBeLessThanOrEqual(100);
      expect(s.label).toContain(bot.knowledge.byId.get(s.id)!.short);
    }
  });
});

describe('readCompareOptions', () => {
  it('given two or three services and an aspect, then the request lists their ids in order', () => {
    expect(readCompareOptions(options({ first: 'S3', second: 'ec2', third: 'lamda', aspect: 'pricing' }), bot)).toEqual({
      ok: true,
      value: { services: ['s3', 'ec2', 'lambda'], aspect: 'pricing' },
    });
  });

  it('given a missing or over-long option, then a typed user error, not an exception', () => {
    const missing = readCompareOptions(options({ first: 's3' }), bot);
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_options' } });
    const long = readCompareOptions(options({ first: 's3', second: 'x'.repeat(101) }), bot);
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_options', message: expect.stringContaining('`second`') } });
    expect(readCompareOptions('not an object', bot)).toMatchObject({ ok: false, error: { code: 'invalid_options' } });
  });

  it('given an unknown service, then the error quotes its words only, without the markdown', () => {
    const result = readCompareOptions(options({ first: 's3', second: '**azure**' }), bot);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_service' } });
    if (!result.ok) expect(result.error.message).toContain('"azure"');
  });

  it('given an unknown service made only of symbols, then the error does not quote it at all', () => {
    const result = readCompareOptions(options({ first: 's3', second: '*** ``` \u202E' }), bot);
    if (!result.ok) expect(result.error.message).toMatch(/^I don't know that service\./);
    else throw new Error('expected an error');
  });

  it('given the same service under two names, then "pick two different services"', () => {
    expect(readCompareOptions(options({ first: 'S3', second: 'Amazon S3' }), bot)).toMatchObject({ ok: false, error: { code: 'same_service' } });
  });
});
