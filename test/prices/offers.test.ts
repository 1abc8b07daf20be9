/** The offer-file reader on its own: streamed input, large files, selector rules. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { OfferSelector } from '../../src/prices/definitions.js';
import { extractOffer, matches } from '../../src/prices/offers.js';

const t3: OfferSelector = {
  offer: 'AmazonEC2',
  productFamily: 'Compute Instance',
  attributes: { instanceType: 't3.medium', operatingSystem: 'Linux', tenancy: 'Shared' },
  unit: 'Hrs',
  tier: 'first',
};

/** An offer file of `n` decoy products plus one match, produced chunk by chunk, never as one string. */
function bigOffer(n: number): Readable {
  function* chunks() {
    yield '{"formatVersion":"v1.0","offerCode":"AmazonEC2","publicationDate":"2026-12-01T15:30:00Z","products":{';
    for (let i = 0; i < n; i++) {
      yield `${i ? ',' : ''}"SKU${i}":{"sku":"SKU${i}","productFamily":"Compute Instance","attributes":{"instanceType":"m5.${i}xlarge","operatingSystem":"Linux","tenancy":"Shared","regionCode":"us-east-1"}}`;
    }
    yield ',"MATCH":{"sku":"MATCH","productFamily":"Compute Instance","attributes":{"instanceType":"t3.medium","operatingSystem":"Linux","tenancy":"Shared","regionCode":"us-east-1"}}';
    yield '},"terms":{"OnDemand":{';
    for (let i = 0; i < n; i++) {
      yield `${i ? ',' : ''}"SKU${i}":{"SKU${i}.JRTCKXETXF":{"priceDimensions":{"SKU${i}.JRTCKXETXF.6YS6EN2CT7":{"unit":"Hrs","beginRange":"0","endRange":"Inf","pricePerUnit":{"USD":"1.0000000000"}}}}}`;
    }
    yield ',"MATCH":{"MATCH.JRTCKXETXF":{"priceDimensions":{"MATCH.JRTCKXETXF.6YS6EN2CT7":{"unit":"Hrs","beginRange":"0","endRange":"Inf","pricePerUnit":{"USD":"0.0416000000"},"description":"t3.medium"}}}}';
    yield '}}}';
  }
  return Readable.from(chunks());
}

describe('extractOffer', () => {
  it('given a 40,000-product file streamed in pieces, then it finds the one product and its price and date', async () => {
    const { prices, published, conflicts } = await extractOffer(bigOffer(40_000), new Map([['ec2.t3.medium', t3]]), 'us-east-1');
    expect(prices.get('ec2.t3.medium')).toMatchObject({ usd: '0.0416000000', sku: 'MATCH' });
    expect(published).toBe('2026-12-01');
    expect(conflicts).toEqual([]);
  });

  it('given terms listed before products, then nothing is priced rather than something wrong', async () => {
    const text = '{"terms":{"OnDemand":{"A":{"A.X":{"priceDimensions":{"A.X.Y":{"unit":"Hrs","beginRange":"0","pricePerUnit":{"USD":"9"}}}}}}},"products":{"A":{"sku":"A","productFamily":"Compute Instance","attributes":{"instanceType":"t3.medium","operatingSystem":"Linux","tenancy":"Shared"}}}}';
    const { prices } = await extractOffer(Readable.from([text]), new Map([['ec2.t3.medium', t3]]));
    expect(prices.size).toBe(0);
  });
});

describe('matches', () => {
  it('a "*" value matches a Region-prefixed usage type, not a longer name', () => {
    const sel: OfferSelector = { offer: 'AmazonEKS', productFamily: 'Compute', attributes: { usagetype: '*AmazonEKS-Hours:perCluster' }, unit: 'hours', tier: 'first' };
    const p = (usagetype: string) => ({ productFamily: 'Compute', attributes: { usagetype } });
    expect(matches(p('USE1-AmazonEKS-Hours:perCluster'), sel)).toBe(true);
    expect(matches(p('AmazonEKS-Hours:perCluster'), sel)).toBe(true);
    expect(matches(p('USE1-AmazonEKS-Hours:extendedSupport'), sel)).toBe(false);
    expect(matches(p('USE1-XAmazonEKS-Hours:perCluster'), sel)).toBe(false);
  });

  it('another Region\'s product or an "Any" location is not this Region\'s price', () => {
    const product = (attrs: Record<string, string>) => ({ productFamily: 'Compute Instance', attributes: { instanceType: 't3.medium', operatingSystem: 'Linux', tenancy: 'Shared', ...attrs } });
    expect(matches(product({ regionCode: 'us-east-1' }), t3, 'us-east-1')).toBe(true);
    expect(matches(product({ regionCode: 'us-east-2' }), t3, 'us-east-1')).toBe(false);
    expect(matches(product({ location: 'Any' }), t3, 'us-east-1')).toBe(false);
  });
});
