import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, freshnessWarnings, KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { copyOfIntents, editJson, realKnowledge } from '../helpers/knowledge.js';

const dirs: string[] = [];
const broken = () => {
  const dir = copyOfIntents();
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('knowledge base in intents/', () => {
  it('loads: every AWS service in the directory, full profiles for the first twenty and more, the answer bank', () => {
    const k = realKnowledge();
    const first = ['aurora', 'cloudfront', 'dynamodb', 'ebs', 'ec2', 'ecs', 'efs', 'eks', 'elastic-beanstalk', 'elasticache', 'fargate', 'glacier', 'kinesis', 'lambda', 'lightsail', 'rds', 'redshift', 's3', 'sns', 'sqs'];
    for (const id of first) expect(k.profiles.has(id), id).toBe(true);
    expect(k.catalog.length).toBeGreaterThanOrEqual(240);
    expect(k.directory.size).toBeGreaterThanOrEqual(240);
    for (const id of ['iam', 'vpc', 'elb', 'cloudwatch', 'route53', 'api-gateway', 'secrets-manager', 'systems-manager', 'app-runner', 'qldb']) expect(k.byId.has(id), id).toBe(true);
    expect(k.bank.length).toBeGreaterThanOrEqual(400);
    for (const id of first) expect(k.bank.filter((e) => e.services[0] === id).length, id).toBeGreaterThanOrEqual(15);
    expect(new Set(k.bank.map((e) => e.kind))).toEqual(new Set(['fact', 'howto', 'troubleshoot', 'decision']));
    expect(checkKnowledge()).toEqual([]);
  });

  it('has full, sourced profiles for S3 and EC2 and a curated S3/EC2 note', () => {
    const k = realKnowledge();
    for (const id of ['s3', 'ec2']) {
      const p = k.profiles.get(id);
      expect(p, id).toBeDefined();
      for (const entry of Object.values(p!.aspects)) {
        expect(entry.facts.length).toBeGreaterThanOrEqual(2);
        for (const f of entry.facts) expect(p!.sources[f.source]?.url).toMatch(/^https:\/\/([a-z0-9-]+\.)*aws\.amazon\.com\/|^https:\/\/repost\.aws\//);
      }
    }
    expect(k.pairs.get('ec2+s3')).toBeDefined();
  });
});

describe('a broken knowledge file', () => {
  it('is refused, naming the file, the field and the problem', () => {
    const dir = broken();
    editJson(join(dir, 'services', 's3.json'), (p) => {
      delete p.aspects.pricing;
    });
    expect(checkKnowledge(dir)).toContainEqual(expect.objectContaining({ file: 'services/s3.json', field: 'aspects.pricing' }));
    editJson(join(dir, 'services', 's3.json'), (p) => {
      p.aspects.pricing = p.aspects.limits;
      p.aspects.limits.facts[0].source = 'nowhere';
    });
    const problems = checkKnowledge(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'services/s3.json', field: 'aspects.limits.facts.0.source', message: expect.stringContaining('nowhere') }),
    );
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
  });

  it('rejects a source that is not an AWS address and a reviewed date in the future', () => {
    const dir = broken();
    editJson(join(dir, 'services', 'ec2.json'), (p) => {
      const key = Object.keys(p.sources)[0]!;
      p.sources[key].url = 'https://example.com/ec2-blog';
    });
    expect(checkKnowledge(dir).some((x) => x.file === 'services/ec2.json' && x.field.startsWith('sources.') && /AWS/.test(x.message))).toBe(true);
    editJson(join(dir, 'services', 'ec2.json'), (p) => {
      const key = Object.keys(p.sources)[0]!;
      p.sources[key].url = 'https://docs.aws.amazon.com/ec2/';
      p.reviewed = '2999-01-01';
    });
    const problems = checkKnowledge(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'services/ec2.json', field: 'reviewed', message: expect.stringContaining('future') }));
  });

  it('rejects a pair note naming an unknown service, invalid JSON, and duplicated aliases', () => {
    const dir = broken();
    writeFileSync(join(dir, 'pairs', 'zzz.json'), JSON.stringify({ services: ['s3', 'azure-blob'], reviewed: '2026-01-01', summary: 'x', differences: ['a', 'b'], choose: [{ service: 's3', when: 'a' }, { service: 'azure-blob', when: 'b' }] }));
    writeFileSync(join(dir, 'needs', 'broken.json'), '{ "needs": [ ');
    editJson(join(dir, 'catalog.json'), (c) => c.services[1].aliases.push('S3'));
    const problems = checkKnowledge(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'pairs/zzz.json', field: 'services.1', message: expect.stringContaining('azure-blob') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'needs/broken.json', message: expect.stringContaining('not valid JSON') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'catalog.json', message: expect.stringContaining('also names "s3"') }));
  });

  it('rejects answer-bank entries with a duplicate id, an unknown service, a phrasing of another entry or twice in one; and a decision without what would flip it', () => {
    const dir = broken();
    const file = join(dir, 'answers', 'sqs.json');
    editJson(file, (f) => {
      f.entries[1].id = f.entries[0].id;
      f.entries[2].services.push('azure-queues');
      f.entries[3].questions.push(f.entries[4].questions[0]);
      f.entries[5].questions.push(f.entries[5].questions[0].toUpperCase());
    });
    const problems = checkKnowledge(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'answers/sqs.json', message: expect.stringContaining('is used by another entry') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'answers/sqs.json', message: expect.stringContaining('"azure-queues" is not a known service') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'answers/sqs.json', message: expect.stringContaining('is also a phrasing of') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'answers/sqs.json', field: expect.stringMatching(/^entries\.5\.questions/), message: expect.stringContaining('listed twice in this entry') }));
    editJson(file, (f) => {
      delete f.entries.find((e: { kind: string }) => e.kind === 'decision').flips;
    });
    expect(checkKnowledge(dir).some((p) => p.file === 'answers/sqs.json' && /flips/.test(`${p.field} ${p.message}`))).toBe(true);
  });

  it('rejects an answer whose source is not an AWS page, or that quotes a price without its Region, date and pricing page', () => {
    const dir = broken();
    editJson(join(dir, 'answers', 'lambda.json'), (f) => {
      f.entries[0].sources[0].url = 'https://stackoverflow.com/questions/1';
      f.entries[1].lead = 'It costs $0.20 per million requests.';
    });
    const problems = checkKnowledge(dir).filter((p) => p.file === 'answers/lambda.json');
    expect(problems.some((p) => p.field.startsWith('entries.0.sources'))).toBe(true);
    expect(problems.some((p) => p.field.startsWith('entries.1.lead'))).toBe(true);
  });

  it('rejects a directory alias claimed by two services and a successor that does not exist', () => {
    const dir = broken();
    editJson(join(dir, 'directory', 'networking.json'), (f) => {
      f.services[0].aliases.push('lambda');
      f.services[0].status = { state: 'closed-to-new-customers', since: '2026-01-01', successor: 'no-such-service', source: 'https://aws.amazon.com/about-aws/whats-new/' };
    });
    const problems = checkKnowledge(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'directory/networking.json', message: expect.stringContaining('also names "lambda"') }));
    expect(problems.some((p) => p.message.includes('"no-such-service"'))).toBe(true);
  });
});

describe('freshness', () => {
  it('warns about facts reviewed more than a year ago, and only those', () => {
    const k = realKnowledge();
    expect(freshnessWarnings(k, new Date())).toEqual([]);
    const inTwoYears = new Date(Date.now() + 2 * 365 * 86_400_000);
    const later = freshnessWarnings(k, inTwoYears);
    expect(later.length).toBe(k.profiles.size + k.pairs.size + k.bank.length);
    expect(later[0]!.message).toMatch(/more than 365 days ago/);
  });
});
