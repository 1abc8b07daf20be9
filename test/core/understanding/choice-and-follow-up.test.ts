import { describe, expect, it } from 'vitest';
import { choiceBetween, choiceOptions, choicePair } from '../../../src/core/understanding/choice.js';
import { entrySays, followUpQuery } from '../../../src/core/understanding/follow-up.js';
import { createPairDecisions } from '../../../src/core/understanding/pair-decision.js';
import { stem } from '../../../src/core/understanding/text.js';
import { reading, type Turn } from '../../../src/core/understanding/understanding.js';
import type { BankEntry } from '../../../src/knowledge/answer-bank-schema.js';

/** Tokens and mentions for a question written with [service] marks: "[sqs] vs [sns] for orders". */
function marked(text: string) {
  const tokens: string[] = [];
  const mentions: { id: string; start: number; end: number }[] = [];
  for (const part of text.split(/\s+/)) {
    const m = /^\[(.+)\]$/.exec(part);
    if (m) mentions.push({ id: m[1]!, start: tokens.length, end: tokens.length + 1 });
    tokens.push(m ? m[1]! : part);
  }
  return { tokens, mentions };
}

describe('what a choice is between', () => {
  it('an or/vs between two named services, or not', () => {
    const a = marked('[ecs] or [eks] for a small team');
    expect(choiceBetween(a.tokens, a.mentions)).toBe(true);
    const b = marked('rest api or http api in [api-gateway] for our [lambda] backend');
    expect(choiceBetween(b.tokens, b.mentions)).toBe(false);
  });

  it('the options among several named services: those joined to the or/vs by list words', () => {
    const scene = marked('[secrets-manager] vs [systems-manager] for [rds] password in [ecs] task definition');
    expect(choiceOptions(scene.tokens, scene.mentions)).toEqual(['secrets-manager', 'systems-manager']);
    // Every named service an option: nothing to narrow.
    const three = marked('[ecs] [eks] or [fargate] for a small team');
    expect(choiceOptions(three.tokens, three.mentions)).toBeUndefined();
    const listed = marked('[sqs] vs [sns] and [eventbridge] for [lambda] consumers');
    expect(choiceOptions(listed.tokens, listed.mentions)).toEqual(['sqs', 'sns', 'eventbridge']);
  });
});

describe('the two options of a choice', () => {
  it('the services right beside the or/vs, whatever else the question names', () => {
    const a = marked('game telemetry -> [s3] -> [athena] . [kinesis] or [firehose] ?');
    expect(choicePair(a.tokens, a.mentions)).toEqual({ pair: ['kinesis', 'firehose'], word: 'or' });
    const b = marked('[ecs] on [fargate] or [eks] for 3 of us');
    expect(choicePair(b.tokens, b.mentions)?.pair).toEqual(['ecs', 'eks']);
    const c = marked('rest api or http api in [api-gateway] for our [lambda] backend');
    expect(choicePair(c.tokens, c.mentions)).toBeUndefined();
  });
});

describe('what a follow-up asks of retrieval', () => {
  const entry = (id: string, services: string[], question: string) => ({ id, services, questions: [question] }) as unknown as BankEntry;
  const byId = new Map([
    ['sqs-message-retention', entry('sqs-message-retention', ['sqs'], 'how long does sqs keep messages')],
    ['efs-mount-timeout', entry('efs-mount-timeout', ['efs', 'vpc'], 'efs mount times out')],
    ['secrets-manager-rotation', entry('secrets-manager-rotation', ['secrets-manager', 'rds'], 'how do i rotate a secret')],
    ['cloudtrail-who-deleted-resource', entry('cloudtrail-who-deleted-resource', ['cloudtrail', 'ec2', 's3'], 'who deleted my instance')],
  ]);
  const bank = (id: string) => byId.get(id);

  it('"and kinesis?" asks the last question about Kinesis (named, as in a new question), never answered by the last entry itself', () => {
    const u = reading({ intent: 'describe', services: ['kinesis'], followUp: true, text: 'and kinesis?' });
    const f = followUpQuery(u, { intent: 'describe', services: ['sqs'], aspect: null, topic: 'sqs-message-retention' }, bank);
    expect(f.query).toMatchObject({ text: 'and kinesis? how long does sqs keep messages', services: ['kinesis'], context: ['kinesis'], exclude: 'sqs-message-retention' });
    expect(f.query.topic).toBeUndefined();
  });

  it('"and from lambda?" keeps the last service in context', () => {
    const u = reading({ intent: 'describe', services: ['lambda'], followUp: true, text: 'and from lambda?' });
    const f = followUpQuery(u, { intent: 'describe', services: ['efs'], aspect: null, topic: 'efs-mount-timeout' }, bank);
    expect(f.query.context).toEqual(['lambda', 'efs']);
  });

  it('"does that work for rds?" names a new service but is carried: both services count and the last answer ranks', () => {
    const u = reading({ intent: 'describe', services: ['rds'], text: 'does that work for rds passwords?' });
    const f = followUpQuery(u, { intent: 'describe', services: ['sqs'], aspect: null, topic: 'sqs-message-retention' }, bank);
    expect(f.carried).toBe(true);
    expect(f.named).toEqual(['rds', 'sqs']);
    expect(f.query.topic).toBe('sqs-message-retention');
  });

  it('"and if we batch?" continues the question the user asked, not the stored phrasing of the entry that answered it', () => {
    const u = reading({ intent: 'describe', services: ['sqs'], followUp: true, text: 'and if we batch?' });
    const previous = { intent: 'describe' as const, services: ['sqs'], aspect: null, topic: 'sqs-message-retention', asked: 'whats the throughput limit on an sqs fifo queue' };
    expect(followUpQuery(u, previous, bank).query.text).toBe('and if we batch? whats the throughput limit on an sqs fifo queue');
    // Without what was asked (a conversation stored before it was kept), the entry's phrasing stands in.
    const { asked: _, ...older } = previous;
    expect(followUpQuery(u, older, bank).query.text).toBe('and if we batch? how long does sqs keep messages');
  });

  it('a follow-up naming a service the conversation already has keeps the conversation\'s others in context', () => {
    const u = reading({ intent: 'describe', services: ['vpc'], followUp: true, text: 'and if the bucket is in another vpc?' });
    const f = followUpQuery(u, { intent: 'describe', services: ['efs', 'vpc'], aspect: null, topic: 'efs-mount-timeout' }, bank);
    expect(f.query.context).toEqual(['vpc', 'efs']);
  });

  it('"does it work with ... from the lambda?" in a thread already about Lambda keeps the last answer\'s topic and the thread\'s services', () => {
    const u = reading({ intent: 'describe', services: ['efs'], text: 'does it work with iam auth from the efs side?' });
    const f = followUpQuery(u, { intent: 'compare', services: ['efs', 'vpc'], aspect: null, topic: 'efs-mount-timeout' }, bank);
    expect(f.query.topic).toBe('efs-mount-timeout');
    expect(f.named).toEqual([]);
    expect(f.query.context).toEqual(['efs', 'vpc']);
    // Without "it"/"that" pointing back, it is a question of its own about the service named.
    const own = followUpQuery(reading({ intent: 'describe', services: ['efs'], text: 'max efs throughput per client' }), { intent: 'compare', services: ['efs', 'vpc'], aspect: null, topic: 'efs-mount-timeout' }, bank);
    expect(own.query.topic).toBeUndefined();
    expect(own.named).toEqual(['efs']);
  });

  it('a first question is its own query', () => {
    const u = reading({ intent: 'describe', services: ['s3'], text: 'how do i enable versioning on s3' });
    expect(followUpQuery(u, undefined, bank)).toEqual({ query: { text: u.text, services: ['s3'], context: [], aspect: null, pick: false }, named: ['s3'], carried: false, covered: false });
  });

  it('"does that work for rds passwords?" is covered by a last answer whose entry lists RDS; "does it log s3 object reads too?" asks something new', () => {
    const previous: Turn = { intent: 'describe', services: ['secrets-manager'], aspect: null, topic: 'secrets-manager-rotation' };
    const works = reading({ intent: 'describe', services: ['rds'], text: 'does that work for rds passwords?' });
    expect(followUpQuery(works, previous, bank).covered).toBe(true);
    const other = reading({ intent: 'describe', services: ['dynamodb'], text: 'does that work for dynamodb?' });
    expect(followUpQuery(other, previous, bank).covered).toBe(false);
    const reads = reading({ intent: 'describe', services: ['s3'], followUp: true, text: 'does it log s3 object reads too?' });
    expect(followUpQuery(reads, { intent: 'describe', services: ['ec2'], aspect: null, topic: 'cloudtrail-who-deleted-resource' }, bank).covered).toBe(false);
  });
});

describe('the bank\'s decision between two services', () => {
  const decision = (id: string, services: string[], question: string) => ({ id, kind: 'decision', services, questions: [question] }) as unknown as BankEntry;
  const bank = [
    decision('firehose-vs-streams', ['kinesis', 'firehose'], 'kinesis data streams or firehose'),
    decision('firehose-for-logs-to-s3', ['firehose', 'kinesis', 's3'], 'ship logs to s3 with firehose or kinesis'),
    { id: 'howto', kind: 'howto', services: ['kinesis', 'firehose'], questions: ['how do i'] } as unknown as BankEntry,
  ];
  const pairs = createPairDecisions(bank);

  it('is the one retrieval ranked with some confidence, else the one sharing most words, only when the question says no more than the names', () => {
    const ranked = [{ candidate: { id: 'firehose-for-logs-to-s3' }, score: 1, confidence: 0.5 }] as never[];
    expect(pairs.decide(['firehose', 'kinesis'], ranked, false, 'x')?.id).toBe('firehose-for-logs-to-s3');
    expect(pairs.decide(['firehose', 'kinesis'], [], true, 'kinesis data streams or firehose?')?.id).toBe('firehose-vs-streams');
    expect(pairs.decide(['firehose', 'kinesis'], [], true, 'logs to s3: firehose or kinesis?')?.id).toBe('firehose-for-logs-to-s3');
    expect(pairs.decide(['firehose', 'kinesis'], [], false, 'leaderboard: firehose or kinesis?')).toBeUndefined();
    expect(pairs.decide(['sqs', 'sns'], [], true, 'sqs or sns')).toBeUndefined();
  });
});

describe('what an entry says', () => {
  it('holds a follow-up\'s terms when its lead, steps, caveats or command hold at least half of them', () => {
    const entry = { lead: 'Add interface endpoints ecr.api and ecr.dkr', steps: ['and an S3 gateway endpoint'], caveats: [], command: undefined } as unknown as BankEntry;
    expect(entrySays(entry, [stem('endpoints'), stem('nat')])).toBe(true);
    expect(entrySays(entry, [stem('price'), stem('nat')])).toBe(false);
    expect(entrySays(undefined, [stem('endpoints')])).toBe(false);
  });
});
