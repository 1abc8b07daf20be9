/** Price answers through the real bot and the real table: numbers, Region, date, arithmetic, verdicts. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, loadKnowledge } from '../../src/knowledge/load.js';
import { readPrices } from '../../src/knowledge/prices.js';
import type { PriceRow } from '../../src/knowledge/price-schema.js';
import { money, priceAnswer, unitPrice } from '../../src/core/answer/price.js';
import { readPriceQuestion } from '../../src/core/understanding/price-question.js';
import { copyOfIntents, editJson, newBot, realKnowledge, priceRow } from '../helpers/knowledge.js';

const k = realKnowledge();
const row = priceRow;
const bot = newBot();
const ask = async (q: string) => (await bot.ask(q)).answer;
const allText = (a: Awaited<ReturnType<typeof ask>>) =>
  [a.title, a.summary, ...a.notes, ...a.sections.flatMap((s) => [s.heading, s.text ?? '', ...(s.bullets ?? []), ...(s.columns ?? []).flatMap((c) => c.bullets)])].join('\n');

describe('given the three questions of the issue', () => {
  it('"how much is S3" leads with the S3 Standard price, unit, Region and date, then requests and transfer', async () => {
    const a = await ask('how much is S3?');
    const std = row('s3.standard.storage');
    expect(a.summary).toContain(`${unitPrice(std.usd)} per GB-month`);
    expect(a.summary).toContain('us-east-1');
    expect(a.summary).toContain(std.read);
    const text = allText(a);
    expect(text).toContain(unitPrice(row('s3.requests.put').usd));
    expect(text).toContain(unitPrice(row('s3.transfer.out').usd));
    expect(a.sources.map((s) => s.url)).toEqual(expect.arrayContaining([k.prices.table!.pages.s3, 'https://calculator.aws/']));
  });

  it('"what does a NAT gateway cost per month" gives the month of hours and the per-GB charge', async () => {
    const a = await ask('what does a NAT gateway cost per month?');
    const hour = row('vpc.nat-gateway.hour');
    expect(a.summary).toContain(money(730 * hour.usd));
    expect(a.summary).toContain('us-east-1');
    expect(allText(a)).toContain(`730 h (a month) × ${unitPrice(hour.usd)} per hour`);
    expect(allText(a)).toContain(`${unitPrice(row('vpc.nat-gateway.data').usd)} per GB`);
  });

  it('"which is cheaper for a small steady Postgres, RDS or Aurora?" gives a verdict with its assumption', async () => {
    const a = await ask('which is cheaper for a small steady Postgres, RDS or Aurora?');
    const rds = 730 * row('rds.postgres.db.t4g.medium').usd + 20 * row('rds.postgres.storage.gp3').usd;
    const aurora = 730 * row('aurora.postgres.db.t4g.medium').usd + 20 * row('aurora.storage').usd;
    const cheaper = rds < aurora ? 'Amazon RDS' : 'Amazon Aurora';
    expect(a.kind).toBe('compare');
    expect(a.summary).toMatch(new RegExp(`^${cheaper} is cheaper`));
    expect(a.summary).toContain(money(Math.min(rds, aurora)));
    expect(a.summary).toContain(money(Math.max(rds, aurora)));
    expect(a.summary).toContain('assuming one db.t4g.medium, Single-AZ, all month, 20 GB');
    expect(allText(a)).toContain(`${unitPrice(row('aurora.io').usd)} per 1M I/O requests`);
  });
});

describe('given quantities in the question', () => {
  it('"cost of 2 TB in S3 Standard per month" multiplies 2,048 GB by the GB-month price', async () => {
    const a = await ask('cost of 2 TB in S3 Standard per month');
    expect(a.summary).toContain(money(2048 * row('s3.standard.storage').usd));
    expect(allText(a)).toMatch(/2,048 GB \(2 TB\) × \$0\.\d+ per GB-month = \$/);
    expect(allText(a)).toMatch(/Leaves out .*free tier.*taxes/);
  });

  it('"t3.medium running 24/7" is EC2 for 730 hours, though no service is named', async () => {
    const a = await ask('t3.medium running 24/7');
    expect(a.summary).toContain(money(730 * row('ec2.t3.medium').usd));
    expect(a.title).toContain('EC2');
  });

  it('"10 million Lambda invocations of 200 ms at 512 MB" adds GB-seconds and requests', async () => {
    const a = await ask('how much do 10 million Lambda invocations of 200 ms at 512 MB cost?');
    const expected = 10e6 * 0.2 * 0.5 * row('lambda.duration.x86').usd + 10 * row('lambda.requests').usd;
    expect(a.summary).toContain(money(expected));
    expect(allText(a)).toContain('1M GB-s');
    const arm = await ask('how much do 10 million Lambda invocations of 200 ms at 512 MB cost on Arm?');
    expect(arm.summary).toContain(money(10e6 * 0.2 * 0.5 * row('lambda.duration.arm').usd + 10 * row('lambda.requests').usd));
  });

  it('"a NAT gateway with 500 GB a month" adds the GB processed to the month of hours', async () => {
    const a = await ask('how much is a NAT gateway with 500 GB a month?');
    expect(a.summary).toContain(money(730 * row('vpc.nat-gateway.hour').usd + 500 * row('vpc.nat-gateway.data').usd));
  });

  it('"price of a public IPv4 address" is priced though no service is named', async () => {
    const a = await ask('price of a public IPv4 address');
    expect(a.summary).toContain(`${unitPrice(row('vpc.public-ipv4.hour').usd)} per hour`);
  });

  it('every lead fits two chat lines', async () => {
    for (const q of ['how much is S3?', 'what does a NAT gateway cost per month?', 'which is cheaper for a small steady Postgres, RDS or Aurora?', 'cost of 2 TB in S3 Standard per month', 't3.medium running 24/7', 'EKS extended support price'])
      expect((await ask(q)).summary!.length).toBeLessThanOrEqual(220);
  });
});

describe('given questions that are not asking for a number', () => {
  it('a how-to about costs keeps its answer-bank entry', async () => {
    const a = await ask('how do I reduce NAT gateway costs?');
    expect(a.entry).toBe('vpc-nat-gateway-costs');
  });

  it('whether something costs at all is answered by the sure bank entry, its prices after it; "how much" still gets the number', async () => {
    const conversation = 'invalidations';
    await bot.ask('how do i invalidate the cloudfront cache after a deploy', conversation);
    const free = (await bot.ask('do invalidations cost anything', conversation)).answer;
    expect(free.entry).toBe('cloudfront-invalidation-cost');
    expect(free.summary).toMatch(/first 1,000 invalidation paths/);
    const perQuery = await ask('how much does athena charge per query');
    expect(perQuery.title).toMatch(/price in us-east-1/);
  });

  it('a service the table has no prices for gets the usual answer', async () => {
    const a = await ask('how much is Kinesis Data Streams?');
    expect(a.title).not.toMatch(/: (price|cost estimate) in /);
  });
});

describe('given dates and Regions', () => {
  it('prices read more than 90 days ago are flagged, fresher ones are not', () => {
    const u = { intent: 'describe' as const, services: ['s3'], aspect: 'pricing' as const, confidence: 1, corrections: [], followUp: false, clarify: false, outside: [], needs: [], text: 'how much is S3?' };
    const read = new Date(`${row('s3.standard.storage').read}T12:00:00Z`).getTime();
    const old = priceAnswer(k, u, new Date(read + 91 * 86_400_000))!;
    expect(old.notes.join(' ')).toMatch(/Read 91 days ago: prices may be out of date/);
    expect(priceAnswer(k, u, new Date(read + 10 * 86_400_000))!.notes.join(' ')).not.toMatch(/out of date/);
  });

  it('"in eu-west-1" answers with eu-west-1 prices when the table has them, and says so when it does not', async () => {
    const none = await ask('how much is S3 in eu-west-1?');
    expect(none.summary).toContain('no verified Amazon S3 prices for eu-west-1');
    const dir = copyOfIntents();
    editJson(join(dir, 'prices', 'prices.json'), (t) => {
      t.prices.push({ ...t.prices.find((p: PriceRow) => p.id === 's3.standard.storage'), region: 'eu-west-1', usd: 0.0241 });
    });
    const k2 = loadKnowledge(dir);
    const u = { intent: 'describe' as const, services: ['s3'], aspect: 'pricing' as const, confidence: 1, corrections: [], followUp: false, clarify: false, outside: [], needs: [], text: 'how much is S3 in eu-west-1?' };
    const a = priceAnswer(k2, u)!;
    expect(a.summary).toContain('$0.0241 per GB-month');
    expect(a.summary).toContain('eu-west-1');
  });

  it('AWS_PRICING_REGION sets the default Region, and an unknown one is a problem', () => {
    expect(readPrices(k.dir, () => true, new Date(), { AWS_PRICING_REGION: 'eu-west-1' }).prices.defaultRegion).toBe('eu-west-1');
    const bad = readPrices(k.dir, () => true, new Date(), { AWS_PRICING_REGION: 'mars-1' });
    expect(bad.problems.map((p) => p.field)).toContain('AWS_PRICING_REGION');
  });
});

describe('given a broken price table, `awsbot validate` names each problem', () => {
  it('bad unit, unknown Region, service without a pricing page, future date, unsourced page value', () => {
    const dir = copyOfIntents();
    editJson(join(dir, 'prices', 'prices.json'), (t) => {
      t.prices[0].unit = 'GB-year';
      t.prices[1].region = 'xx-east-9';
    });
    const schemaProblems = checkKnowledge(dir);
    expect(schemaProblems.map((p) => `${p.field}: ${p.message}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^prices\.0\.unit: expected one of/), expect.stringMatching(/^prices\.1\.region: not a Region/)]),
    );
    const dir2 = copyOfIntents();
    editJson(join(dir2, 'prices', 'prices.json'), (t) => {
      delete t.pages.vpc;
      t.prices[0].read = '2999-01-01';
      delete t.prices[1].evidence;
    });
    const problems = checkKnowledge(dir2, new Date('2026-12-05T12:00:00Z')).map((p) => `${p.field}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/service: "vpc" has no pricing page/),
        expect.stringMatching(/^prices\.0\.read: "2999-01-01" is in the future/),
        expect.stringMatching(/^prices\.1\.evidence: a price read from a page needs/),
      ]),
    );
  });
});

describe('reading quantities', () => {
  it('sizes, memory, counts, durations, hours, instance types, Regions', () => {
    const q = readPriceQuestion('10 million Lambda invocations of 200 ms at 512 MB in eu-west-1');
    expect(q.quantities).toMatchObject({ count: 10e6, durationMs: 200, memoryMB: 512, sizesGB: [] });
    expect(q.region).toBe('eu-west-1');
    expect(readPriceQuestion('cost of 2 TB in S3').quantities.sizesGB).toEqual([2048]);
    expect(readPriceQuestion('t3.medium running 24/7').quantities).toMatchObject({ instanceType: 't3.medium', hours: 730 });
    expect(readPriceQuestion('db.t4g.medium for 100 hours').quantities).toMatchObject({ instanceType: 'db.t4g.medium', hours: 100 });
    expect(readPriceQuestion('how much is S3 in xx-west-9').regionText).toBeUndefined();
    expect(readPriceQuestion('how much is S3 in ap-south-1').regionText).toBe('ap-south-1');
    expect(readPriceQuestion('why is my NAT gateway cost so high').asksPrice).toBe(false);
    expect(readPriceQuestion('what does S3 cost').asksPrice).toBe(true);
  });

  it('"how much X can Y get" asks a capacity, not a price; "how much does it cost" still asks a price', () => {
    expect(readPriceQuestion('how much /tmp can a lambda function get').asksPrice).toBe(false);
    expect(readPriceQuestion('how much data can one kinesis shard take per second').asksPrice).toBe(false);
    expect(readPriceQuestion('how much does a lambda function cost').asksPrice).toBe(true);
    expect(readPriceQuestion('how much is a nat gateway').asksPrice).toBe(true);
    expect(readPriceQuestion('how much can i save with savings plans').asksPrice).toBe(false);
    // "what do we pay for" asks a price; "do i pay more if" asks how billing behaves.
    expect(readPriceQuestion('unrelated, what do we pay for the eks control plane itself').asksPrice).toBe(true);
    expect(readPriceQuestion('do i pay more if i go above that?').asksPrice).toBe(false);
  });

  it('quantities in a choice between options describe the workload: only a price word makes it a price question', () => {
    expect(readPriceQuestion('2tb/month of verbose debug logs, read maybe twice a month. keep in cloudwatch logs or ship to s3?').asksPrice).toBe(false);
    expect(readPriceQuestion('2 TB of logs in s3 for a month').asksPrice).toBe(true);
    expect(readPriceQuestion('2tb/month of logs: which is cheaper, cloudwatch logs or s3?').asksPrice).toBe(true);
  });
});

describe('given questions about how a service is billed, not what it costs', () => {
  it('"what about pricing?" and "/aws-compare s3 ec2 pricing" keep their usual answers', async () => {
    const b = newBot();
    await b.ask('difference between S3 and EC2', 'c1');
    const follow = (await b.ask('what about pricing?', 'c1')).answer;
    expect(follow.kind).toBe('compare');
    expect(follow.title).not.toMatch(/which is cheaper/);
    expect((await ask('S3 vs Lambda pricing')).title).not.toMatch(/which is cheaper/);
    // Priced in different units, or a service without prices: the comparison's own verdict answers.
    expect((await ask('S3 vs Lambda, which is cheaper?')).title).not.toMatch(/which is cheaper in/);
    expect((await ask('S3 or Redshift, which is cheaper?')).title).not.toMatch(/which is cheaper in|: price in/);
    // EFS has a per-GB-month price now: the same unit as S3, so a verdict.
    expect((await ask('S3 or EFS, which is cheaper?')).summary).toMatch(/^Amazon S3 is cheaper: \$0\.\d+ per GB-month vs \$0\.30 per GB-month/);
    expect((await ask('S3 or EBS, which is cheaper per GB?')).summary).toMatch(/^Amazon S3 is cheaper: \$0\.\d+ per GB-month vs/);
  });
});
