import { describe, expect, it } from 'vitest';
import { buildAnswer } from '../../../src/core/answer/build.js';
import { createUnderstander } from '../../../src/core/understanding/understand.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const u = createUnderstander(realKnowledge());
const read = (text: string) => u.understand(text);

describe('understanding: services', () => {
  it('reads "EC3" as EC2 and says so', () => {
    const r = read('What is difference between S3 and EC3 AWS?');
    expect(r.intent).toBe('compare');
    expect(r.services.sort()).toEqual(['ec2', 's3']);
    expect(r.corrections).toEqual([{ from: 'EC3', to: 'ec2' }]);
  });

  it.each([
    ['how does lamda scale', 'lambda'],
    ['is dynamo db fast', 'dynamodb'],
    ['what is elasticbeanstalk', 'elastic-beanstalk'],
    ['what is Simple Storage Service', 's3'],
    ['tell me about Elastic Block Store', 'ebs'],
    ['how big can an S3 bucket get', 's3'],
    ['how do I patch an EC2 instance', 'ec2'],
    ['what does elasticashe do', 'elasticache'],
    ['is cloudfornt a CDN', 'cloudfront'],
    ['kinesys retention', 'kinesis'],
    ['what is S3 Glacier Deep Archive', 'glacier'],
    ['how does Aurora Serverless v2 bill', 'aurora'],
    ['is RDS Multi-AZ synchronous', 'rds'],
    ['S3 Standard-IA minimum storage duration', 's3'],
  ])('%s → %s', (text, id) => {
    expect(read(text).services).toEqual([id]);
  });

  it.each([
    ['ec2 vs ecs', ['ec2', 'ecs']],
    ['sqs or sns', ['sqs', 'sns']],
    ['eks vs ecs', ['eks', 'ecs']],
    ['rds vs redshift', ['rds', 'redshift']],
  ])('keeps near neighbours apart: %s', (text, ids) => {
    const r = read(text);
    expect(r.intent).toBe('compare');
    expect(r.services.sort()).toEqual([...ids].sort());
    expect(r.corrections).toEqual([]);
  });

  it('does not "correct" ordinary words into services', () => {
    for (const text of ['send an sms when the genesis job fails', 'the dynamic pricing of aura', 'whats the weather', 'glacial lambada dynamite']) {
      const r = read(text);
      expect(r.corrections).toEqual([]);
      expect(['compare', 'describe']).not.toContain(r.intent);
    }
    // "creds" is credentials, not a typo of RDS.
    const creds = read('pods need to read from s3, how do i give them aws creds properly');
    expect(creds.services).toEqual(['s3']);
    // Everyday words one edit from a service name or alias, found by running the typo corrector over
    // every word of the bank and the labelled sets: "preserve" ~ ProServe, "developer" ~ Q Developer.
    expect(read('how do i preserve the client ip behind an nlb').services).toEqual(['elb']);
    expect(read('give a developer read only access to the prod s3 bucket').services).toEqual(['s3']);
    // Things counted are not the service named like them: "20k iot events/sec" is no IoT Events question.
    expect(read('processing ~20k iot events/sec with step functions').services).toEqual(['step-functions']);
    expect(read('what is iot events').services).toEqual(['iot-events']);
    expect(read('is this behaviour documented for dynamodb').services).toEqual(['dynamodb']);
    expect(creds.corrections).toEqual([]);
    // A word without a digit is no mistyped name with one: "msgs/sec standard" is not "s3 standard";
    // a version number after a long name may still be left out ("inspector" is Inspector2's alias too).
    const rate = read('transcode queue, peak maybe 150 msgs/sec. standard or fifo?');
    expect(rate.services).not.toContain('s3');
    expect(rate.corrections).toEqual([]);
    expect(read('guardduty vs inspector, whats the diff').services.sort()).toEqual(['guardduty', 'inspector']);
  });
});

describe('understanding: platform noise and command arguments', () => {
  it.each([
    '<@U0ABCD1234> difference between S3 and EC2',
    '<@876543210987654321> difference between S3 and EC2',
    '<@!876543210987654321> <#C0123|general> difference between S3 and EC2 :thinking_face:',
    '```S3``` vs `EC2` 🤔',
    '<https://aws.amazon.com/s3/|S3> vs <https://aws.amazon.com/ec2/|EC2>',
    's3 ec2',
  ])('%s', (text) => {
    const r = read(text);
    expect(r.intent).toBe('compare');
    expect(r.services.sort()).toEqual(['ec2', 's3']);
  });

  it('understands "rds dynamodb pricing" as a priced comparison', () => {
    expect(read('rds dynamodb pricing')).toMatchObject({ intent: 'compare', services: ['rds', 'dynamodb'], aspect: 'pricing' });
  });

  it('reads a bare mention and a lone "help" as help, "list" as list_services, a lone name as describe', () => {
    expect(read('<@U0ABCD1234>').intent).toBe('help');
    expect(read('help').intent).toBe('help');
    expect(read('list').intent).toBe('list_services');
    expect(read('dynamodb')).toMatchObject({ intent: 'describe', services: ['dynamodb'], aspect: null });
  });
});

describe('understanding: aspects', () => {
  it.each([
    ['how is Lambda billed?', 'pricing'],
    ['what is the max object size in S3?', 'limits'],
    ['how long can a Lambda function run?', 'limits'],
    ['is DynamoDB strongly consistent?', 'features'],
    ['is S3 encrypted by default?', 'security'],
    ['does EFS autoscale?', 'scalability'],
    ['who patches the OS on Fargate?', 'management'],
    ['what is the SLA of EKS?', 'durability'],
    ['EBS gp3 IOPS?', 'performance'],
    ['sqs or kinesis for a job queue', 'use_cases'],
    ['can SNS send push notifications to phones?', 'features'],
    ['kinesis or sqs for ordered processing of payment events', 'use_cases'],
    ['S3 vs CloudFront for serving images to users in Europe, which is faster?', 'performance'],
    ['SNS vs SQS: can either of them do FIFO ordering?', 'features'],
    ['ECS vs EKS for a team that has never touched kubernetes', 'use_cases'],
    ['https://aws.amazon.com/s3/pricing/ can someone explain this page', 'pricing'],
    ['does Kinesis have a way to replay old records?', 'features'],
    ['EFS snapshots... are they incremental?', 'features'],
    ['aurora HA options?', 'durability'],
    ['EKS for a team that has never touched kubernetes', 'use_cases'],
    ['Quanto custa o Lambda?', 'pricing'],
    ['Is S3 betrouwbaar?', 'durability'],
    ['Come scala DynamoDB, è scalabile?', 'scalability'],
    ['Meglio ECS o EKS per un piccolo progetto?', 'use_cases'],
    ['S3 vs EBS per GB', 'pricing'],
    ['could an ECS task run for 3 hours?', 'limits'],
    ['Lambda or Fargate for a 3 hour batch job', 'use_cases'],
    ['SQS vs SNS, are they really that different?', null],
    ['Jaki jest limit rozmiaru w DynamoDB?', 'limits'],
  ])('%s → %s', (text, aspect) => {
    expect(read(text).aspect).toBe(aspect);
  });
});

describe('understanding: scope and confidence', () => {
  it.each(['how do I make sourdough bread', 'ECS vs HashiCorp Nomad', 'what is azure functions', 'gcp vs azure for a startup', 'is cloudflare r2 any good'])('%s is out of scope', (text) => {
    expect(read(text).intent).toBe('out_of_scope');
  });

  // ../shared/eval/README.md: another cloud's product against an AWS service compares the AWS ids only.
  it.each([
    ['S3 vs Azure Blob', ['s3'], 'Azure Blob Storage'],
    ['Lambda vs Google Cloud Functions', ['lambda'], 'Cloud Run functions'],
  ])('%s compares the AWS side with its counterpart', (text, services, shown) => {
    const r = read(text);
    expect(r).toMatchObject({ intent: 'compare', services });
    const a = buildAnswer(realKnowledge(), r);
    expect(a.title).toContain(shown);
    expect(a.entry).toBeUndefined();
  });

  it('SQS vs RabbitMQ (a product AWS runs, not another cloud) compares SQS with it, or gives the bank\'s verdict on SQS vs Amazon MQ that names it', () => {
    const r = read('SQS vs RabbitMQ');
    expect(r).toMatchObject({ intent: 'compare', services: ['sqs'] });
    const a = buildAnswer(realKnowledge(), r);
    expect(`${a.title}\n${a.summary}`).toMatch(/RabbitMQ/);
    if (a.entry !== undefined) expect(a.title).toMatch(/Amazon MQ/);
  });

  it.each([
    ['whats the aws version of bigquery', 'redshift'],
    ['aws equivalent of cloud run', 'ecs'],
    ['is there a cosmos db equivalent on aws', 'dynamodb'],
    ['alternative to bigquery on aws?', 'redshift'],
  ])('"%s" names the AWS counterpart first (%s)', (text, first) => {
    const r = read(text);
    expect(r.intent).toBe('recommend');
    expect(r.services[0]).toBe(first);
    expect(buildAnswer(realKnowledge(), r).summary).toMatch(/^The AWS counterpart of /);
  });

  it('never answers gibberish confidently', () => {
    for (const text of ['asdf qwer zxcv', 'jkjkjk lololol', 'xq zz vv pp', '!!!???']) {
      const r = read(text);
      expect(['out_of_scope', 'help', 'greeting']).toContain(r.intent);
      expect(r.services).toEqual([]);
    }
  });

  it('asks instead of guessing when it is not sure', () => {
    for (const text of ['which service should I use for my project?', 'what aws service do I need for my thing', 'I need something for data']) {
      expect(read(text).clarify, text).toBe(true);
    }
  });

  it('knows every AWS service by name, not only the fully profiled ones, without reading plain words as services', () => {
    expect(read('what is AWS Glue?')).toMatchObject({ intent: 'describe', services: ['glue'] });
    expect(read('what does route 53 do?')).toMatchObject({ intent: 'describe', services: ['route53'] });
    expect(read('ALB vs NLB').services).toEqual(['elb']);
    expect(read('secrets manager vs parameter store').services).toEqual(['secrets-manager', 'systems-manager']);
    expect(read('step functions vs sqs')).toMatchObject({ intent: 'compare', services: ['step-functions', 'sqs'] });
    for (const [a, b] of [['ses', 'sns'], ['sqs', 'ses'], ['efs', 'ebs'], ['eks', 'efs'], ['ecr', 'ecs'], ['glue', 'lambda'], ['msk', 'kinesis']]) {
      expect(read(`${a} vs ${b}`).services, `${a} vs ${b}`).toEqual([a, b]);
    }
    // A plural name counts in the singular too ("compute savings plans" -> "a compute savings plan").
    expect(read('how much can a compute savings plan save vs on-demand, max?')).toMatchObject({ intent: 'describe', services: ['savings-plans'] });
    expect(read('where should I keep nightly database backups?').services).not.toContain('backup');
    for (const word of ['batch', 'config', 'backup']) expect(read('run a batch job, check the config, then take a backup').services).not.toContain(word);
  });

  it('recommends from a need, best first', () => {
    expect(read('where should I keep nightly database backups?')).toMatchObject({ intent: 'recommend' });
    expect(read('need cheap storage for a few TB of old backups').services[0]).toBe('glacier');
    expect(read('where can i run a 2 hour video transcoding job without managing servers').services[0]).toBe('fargate');
  });
});

describe('understanding: follow-ups', () => {
  it('"what about pricing?" keeps the services and sets the aspect', () => {
    const first = read('S3 vs EC2');
    const next = u.understand('what about pricing?', first);
    expect(next).toMatchObject({ intent: 'compare', services: ['s3', 'ec2'], aspect: 'pricing', followUp: true });
  });

  it('"how does it compare to Lambda?" compares the last service with Lambda, without the old aspect', () => {
    const next = u.understand('how does it compare to Lambda?', { intent: 'describe', services: ['ec2'], aspect: 'pricing' });
    expect(next).toMatchObject({ intent: 'compare', services: ['ec2', 'lambda'], aspect: null });
  });

  it('"and EFS?" asks the same question about another service', () => {
    const next = u.understand('and EFS?', { intent: 'describe', services: ['ebs'], aspect: 'security' });
    expect(next).toMatchObject({ intent: 'describe', services: ['efs'], aspect: 'security' });
  });

  it('"and vs sqs?" compares with the previous service and drops its aspect', () => {
    const next = u.understand('and vs sqs?', { intent: 'describe', services: ['kinesis'], aspect: 'pricing' });
    expect(next).toMatchObject({ intent: 'compare', services: ['kinesis', 'sqs'], aspect: null });
  });

  it('"and which one scales better?" stays in the conversation', () => {
    const next = u.understand('and which one scales better?', { intent: 'compare', services: ['aurora', 'dynamodb'], aspect: null });
    expect(next).toMatchObject({ intent: 'compare', services: ['aurora', 'dynamodb'], aspect: 'scalability' });
  });

  it('keeps every service named, up to five', () => {
    expect(read('ec2 vs ecs vs eks vs fargate vs lambda for running a REST API').services).toHaveLength(5);
  });

  it('a message of nothing but greeting words is a greeting, in any of the languages trained', () => {
    for (const text of ['ok bye then', 'cheers, bye!', 'gracias, adios', 'merci, au revoir']) expect(read(text).intent, text).toBe('greeting');
  });

  it('a greeting after a comparison stays a greeting', () => {
    expect(u.understand('thanks!', { intent: 'compare', services: ['s3', 'ec2'], aspect: null }).intent).toBe('greeting');
  });
});

describe('supporting services (the directory\'s `supporting` flag, data not code)', () => {
  it('IAM, KMS and the like next to another service are its means, unless joined by vs/or', () => {
    expect(read('How do ECS and EKS compare on IAM integration and access control?').services).toEqual(['ecs', 'eks']);
    expect(read('can SQS queues be encrypted with our own KMS key?').services).toEqual(['sqs']);
    expect(read('iam vs cognito for our app users').services).toEqual(['iam', 'cognito']);
  });

  it('follows the flag in intents/: a service flagged supporting in a copy is read so', async () => {
    const { copyOfIntents, editJson } = await import('../../helpers/knowledge.js');
    const { loadKnowledge } = await import('../../../src/knowledge/load.js');
    const { readdirSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = copyOfIntents();
    try {
      for (const f of readdirSync(join(dir, 'directory'))) {
        editJson(join(dir, 'directory', f), (d) => {
          for (const s of d.services) if (s.id === 'sns') s.supporting = true;
        });
      }
      const other = createUnderstander(loadKnowledge(dir));
      expect(other.understand('lambda errors alert through sns').services).toEqual(['lambda']);
      expect(read('lambda errors alert through sns').services).toEqual(['lambda', 'sns']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('another cloud as a whole', () => {
  it('"coming from Azure, what maps to what?" lists the common Azure services with their AWS counterparts', () => {
    const r = read('coming from azure, what maps to what?');
    expect(r.intent).toBe('out_of_scope');
    const a = buildAnswer(realKnowledge(), r);
    expect(a.title).toBe('Microsoft Azure to AWS: what maps to what');
    const rows = a.sections[0]!.bullets!;
    expect(rows.find((row) => row.endsWith('→ Amazon S3'))).toMatch(/^Azure Blob Storage( \/ |\s→)/);
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it('a cloud named without asking for a mapping stays a short refusal', () => {
    expect(buildAnswer(realKnowledge(), read('what is azure')).title).toMatch(/can't help/);
  });
});
