import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { copyOfIntents, editJson, realKnowledge } from '../helpers/knowledge.js';

const dirs: string[] = [];
const broken = () => {
  const dir = copyOfIntents();
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('knowledge base in intents/', () => {
  it('loads, with the 20 services of the catalog', () => {
    const k = realKnowledge();
    expect(k.catalog.map((s) => s.id).sort()).toEqual(
      ['aurora', 'cloudfront', 'dynamodb', 'ebs', 'ec2', 'ecs', 'efs', 'eks', 'elastic-beanstalk', 'elasticache', 'fargate', 'glacier', 'kinesis', 'lambda', 'lightsail', 'rds', 'redshift', 's3', 'sns', 'sqs'].sort(),
    );
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
});
