/**
 * The prices added after the first table (Route 53 to EFS): each row is in the table with its page
 * and the words checked, and the questions users ask reach it, leading with the number, unit,
 * Region and date. Cost how-tos and "why is my bill high" keep their usual answers.
 */
import { describe, expect, it } from 'vitest';
import { money, priceText } from '../../src/core/answer/price.js';
import { readPriceQuestion } from '../../src/core/understanding/price-question.js';
import { DEFINITION_BY_ID } from '../../src/prices/definitions.js';
import { matches } from '../../src/prices/offers.js';
import { newBot, realKnowledge, priceRow } from '../helpers/knowledge.js';

const k = realKnowledge();
const row = priceRow;
const bot = newBot();
const ask = async (q: string, conversation?: string) => (await bot.ask(q, conversation)).answer;
const PRICED = /: (price|cost estimate) in us-east-1$/;

const ADDED: Record<string, number> = {
  'route53.hosted-zone': 0.5,
  'route53.queries.standard': 0.4,
  'route53.health-check.aws': 0.5,
  'secrets-manager.secret': 0.4,
  'secrets-manager.api': 0.05,
  'kms.key': 1,
  'kms.requests.symmetric': 0.03,
  'athena.sql.scanned': 5,
  'cloudwatch.logs.ingestion': 0.5,
  'cloudwatch.logs.storage': 0.03,
  'cloudwatch.logs.insights': 0.005,
  'cloudwatch.alarm.standard': 0.1,
  'cloudwatch.metric.custom': 0.3,
  'api-gateway.http.requests': 1,
  'api-gateway.rest.requests': 3.5,
  'elb.alb.hour': 0.0225,
  'elb.alb.lcu': 0.008,
  'elb.nlb.hour': 0.0225,
  'elb.nlb.nlcu': 0.006,
  'step-functions.standard.transitions': 0.025,
  'eventbridge.custom-events': 1,
  'ecr.storage': 0.1,
  'vpc.interface-endpoint.hour': 0.01,
  'vpc.interface-endpoint.data': 0.01,
  'waf.web-acl': 5,
  'waf.rule': 1,
  'waf.requests': 0.6,
  'efs.standard.storage': 0.3,
};

describe('given the added us-east-1 prices', () => {
  it.each(Object.entries(ADDED))('%s is $%s, read from a page with the words checked', (id, usd) => {
    const r = row(id);
    expect(r.usd).toBe(usd);
    expect(r.published).toBeNull();
    expect(r.source).toMatch(/^https:\/\//);
    expect(r.evidence!.length).toBeGreaterThan(40);
    expect(k.prices.table!.pages[r.service]).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });

  it('the Athena row carries the 10 MB minimum per query', () => {
    expect(row('athena.sql.scanned').note).toMatch(/10 MB minimum per query/);
  });

  it('ELB selectors match the load balancer usage type exactly, not TS- or Outposts- usage types priced differently', () => {
    const alb = DEFINITION_BY_ID.get('elb.alb.hour')!.selector!;
    const product = (usagetype: string) => ({ productFamily: 'Load Balancer-Application', attributes: { usagetype, regionCode: 'us-east-1' } });
    expect(matches(product('LoadBalancerUsage'), alb, 'us-east-1')).toBe(true);
    expect(matches(product('TS-LoadBalancerUsage'), alb, 'us-east-1')).toBe(false);
    expect(matches(product('Outposts-LoadBalancerUsage'), alb, 'us-east-1')).toBe(false);
  });
});

describe('given the questions users ask about them', () => {
  const leads = (a: Awaited<ReturnType<typeof ask>>, id: string) => {
    const r = row(id);
    expect(a.title).toMatch(PRICED);
    expect(a.summary).toContain(priceText(r));
    expect(a.summary).toContain('us-east-1');
    expect(a.summary).toContain(r.read);
  };

  it.each([
    ['how much does a route 53 hosted zone cost', 'route53.hosted-zone'],
    ['secrets manager cost per secret', 'secrets-manager.secret'],
    ['what does kms cost', 'kms.key'],
    ['athena pricing per tb scanned', 'athena.sql.scanned'],
    ['how is athena billed per query', 'athena.sql.scanned'],
    ['cost of an http api per million requests', 'api-gateway.http.requests'],
    ['rest api price per million', 'api-gateway.rest.requests'],
    ['cloudwatch logs ingestion price', 'cloudwatch.logs.ingestion'],
    ['how much does a cloudwatch alarm cost', 'cloudwatch.alarm.standard'],
    ['how much is a custom metric in cloudwatch', 'cloudwatch.metric.custom'],
    ['route 53 health check price', 'route53.health-check.aws'],
    ['cost of secrets manager api calls', 'secrets-manager.api'],
    ['how much are kms requests', 'kms.requests.symmetric'],
    ['step functions cost per state transition', 'step-functions.standard.transitions'],
    ['eventbridge price per million events', 'eventbridge.custom-events'],
    ['ecr storage cost', 'ecr.storage'],
    ['nlb price per hour', 'elb.nlb.hour'],
    ['nlb lcu price', 'elb.nlb.nlcu'],
    ['waf price per web acl', 'waf.web-acl'],
    ['waf rule price', 'waf.rule'],
    ['how much is EFS', 'efs.standard.storage'],
  ])('"%s" leads with %s', async (q, id) => {
    leads(await ask(q), id);
  });

  it('"how much per hosted zone?" after "what is route 53" is the hosted zone price', async () => {
    await ask('what is route 53', 'r53');
    leads(await ask('how much per hosted zone?', 'r53'), 'route53.hosted-zone');
  });

  it('"alb price per month" is a month of ALB hours, leaving out capacity units', async () => {
    const a = await ask('alb price per month');
    expect(a.summary).toContain(money(730 * row('elb.alb.hour').usd));
    expect(a.summary).toContain('us-east-1');
    expect(a.sections.flatMap((s) => s.bullets ?? []).join(' ')).toMatch(/Leaves out capacity units/);
  });

  it('"athena cost for 500 GB scanned" divides by 1,024 GB a TB', async () => {
    const a = await ask('how much does athena cost for 500 GB scanned');
    expect(a.summary).toContain(money((500 / 1024) * row('athena.sql.scanned').usd));
  });

  it('"a vpc interface endpoint per month" is a month per Availability Zone', async () => {
    const a = await ask('how much is a vpc interface endpoint per month');
    expect(a.summary).toContain(money(730 * row('vpc.interface-endpoint.hour').usd));
    expect(a.summary).toMatch(/per Availability Zone/);
  });
});

describe('given questions about a bill or a how-to, not a rate', () => {
  it.each(['why is my cloudwatch bill so high', 'how do i reduce my cloudwatch logs cost', 'how do i set up a billing alarm', 'how is s3 billed?'])(
    '"%s" is not a price answer',
    async (q) => {
      expect((await ask(q)).title).not.toMatch(PRICED);
    },
  );

  it('reads billing words with a unit as asking for a rate, and alarms on a bill as practical', () => {
    expect(readPriceQuestion('athena pricing per tb scanned').asksPrice).toBe(true);
    expect(readPriceQuestion('how is athena billed per query').asksPrice).toBe(true);
    expect(readPriceQuestion('how is s3 billed?').asksPrice).toBe(false);
    expect(readPriceQuestion('step functions cost per state transition').asksPrice).toBe(true);
    expect(readPriceQuestion('how much does a cloudwatch alarm cost').asksPrice).toBe(true);
    expect(readPriceQuestion('cloudwatch alarm when my bill goes over $50').asksPrice).toBe(false);
    expect(readPriceQuestion('how much to transition objects to glacier').asksPrice).toBe(false);
  });
});
