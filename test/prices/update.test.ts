/**
 * The refresh against recorded offer files in the documented Price List format, served over real
 * HTTP on 127.0.0.1: index.json → region_index.json → per-Region offer file, streamed.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrices } from '../../src/cli/prices.js';
import { readPrices, priceById } from '../../src/knowledge/prices.js';
import { serializeTable, verifiedRows } from '../../src/prices/table.js';
import { updatePrices } from '../../src/prices/update.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/prices/', import.meta.url));

let server: Server;
let base = '';
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    requested.push(`/${path}`);
    const file = join(FIXTURES, path);
    if (!file.startsWith(FIXTURES) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('given recorded offer files for S3, EC2, Lambda and data transfer', () => {
  it('when the table is regenerated twice from the same files, then the bytes are identical', async () => {
    const a = await updatePrices({ base, regions: ['us-east-1', 'eu-west-1'], today: '2026-12-05' });
    const b = await updatePrices({ base, regions: ['us-east-1', 'eu-west-1'], today: '2026-12-05' });
    expect(serializeTable(a.table)).toBe(serializeTable(b.table));
    expect(a.table.prices.length).toBeGreaterThan(10);
  });

  it('then each price comes from the right product, tier and Region, dated by its offer file', async () => {
    requested.length = 0;
    const { table, missing, conflicts } = await updatePrices({ base, regions: ['us-east-1', 'eu-west-1'], today: '2026-12-05' });
    const get = (id: string, region: 'us-east-1' | 'eu-west-1' = 'us-east-1') => table.prices.find((r) => r.id === id && r.region === region);
    // Linux, shared tenancy, on-demand: not the Windows, Dedicated or unused-reservation decoys.
    expect(get('ec2.t3.medium')).toMatchObject({ usd: 0.0416, unit: 'hour', per: 1, published: '2026-12-01', read: '2026-12-05' });
    // The first tier, though the file lists tier 2 first.
    expect(get('lambda.duration.x86')?.usd).toBe(0.0000166667);
    // Per request in the file, per 1M in the table, without floating-point noise.
    expect(get('lambda.requests')).toMatchObject({ usd: 0.2, unit: 'request', per: 1_000_000 });
    expect(get('s3.requests.put')).toMatchObject({ usd: 0.005, per: 1000 });
    // The first paid tier, after the free 100 GB.
    expect(get('s3.transfer.out')?.usd).toBe(0.09);
    expect(get('s3.standard.storage', 'eu-west-1')).toMatchObject({ usd: 0.023, published: '2026-11-20' });
    expect(get('s3.standard.storage', 'eu-west-1')?.source).toContain('/AmazonS3/20261120000000/eu-west-1/index.json');
    expect(get('vpc.nat-gateway.hour')?.usd).toBe(0.045);
    expect(get('ebs.gp3.storage')?.usd).toBe(0.08);
    expect(get('ebs.gp3.iops')?.usd).toBe(0.005);
    // Priced per GiBps-month in the file, per MB/s-month in the table.
    expect(get('ebs.gp3.throughput')).toMatchObject({ usd: 0.04, unit: 'MBps-month' });
    // Not the Lambda@Edge product ("Any" location) listed first, nor another Region's transfer rate.
    expect(get('lambda.requests', 'eu-west-1')?.usd).toBe(0.2);
    expect(get('s3.transfer.out', 'eu-west-1')).toMatchObject({ usd: 0.09, published: '2026-11-25' });
    expect(conflicts).toEqual([]);
    // What the files do not hold is reported and left out, never guessed.
    expect(get('ec2.t3.medium', 'eu-west-1')).toBeUndefined();
    expect(missing).toContain('ec2.t3.medium@eu-west-1: AmazonEC2 has no offer file for eu-west-1');
    expect(missing).toContain('ec2.t3.large@us-east-1: no AmazonEC2 product matches');
    expect(missing.some((m) => m.startsWith('aurora.storage@us-east-1'))).toBe(true);
    expect(table.prices.some((r) => r.service === 'rds' || r.service === 'cloudfront')).toBe(false);
    // Only the index, region indexes and offer files were read.
    expect(requested.every((p) => p.startsWith('/offers/v1.0/aws/'))).toBe(true);
  });

  it('then the table passes the same checks `awsbot validate` runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsbot-prices-'));
    try {
      const out = join(dir, 'prices', 'prices.json');
      const lines: string[] = [];
      const sink = { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WritableStream;
      const code = await runPrices(['update', '--base', base, '--regions', 'us-east-1,eu-west-1', '--out', out, '--date', '2026-12-05'], sink, sink);
      expect(code).toBe(0);
      expect(lines.join('')).toContain('not found');
      const { prices, problems } = readPrices(dir, () => true, new Date('2026-12-05T12:00:00Z'), {});
      expect(problems).toEqual([]);
      expect(priceById(prices, 'lambda.duration.arm', 'eu-west-1')?.usd).toBe(0.0000133334);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a price is not in the offer files, then the previous dated value is kept, not dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsbot-prices-'));
    try {
      const out = join(dir, 'prices', 'prices.json');
      const sink = { write: () => true } as unknown as NodeJS.WritableStream;
      expect(await runPrices(['update', '--from-verified', '--out', out, '--date', '2026-12-05'], sink, sink)).toBe(0);
      expect(await runPrices(['update', '--base', base, '--regions', 'us-east-1', '--out', out, '--date', '2026-12-06'], sink, sink)).toBe(0);
      const table = JSON.parse(readFileSync(out, 'utf8')) as { prices: { id: string; read: string; published: string | null }[] };
      const cf = table.prices.find((r) => r.id === 'cloudfront.transfer.us');
      expect(cf).toMatchObject({ read: '2026-12-05', published: null });
      const t3 = table.prices.find((r) => r.id === 'ec2.t3.medium');
      expect(t3).toMatchObject({ read: '2026-12-06', published: '2026-12-01' });
      expect(table.prices.filter((r) => r.id === 'ec2.t3.medium')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the Price List answers with an error, then the update fails and writes nothing', async () => {
    await expect(updatePrices({ base: `${base}/nowhere`, regions: ['us-east-1'], today: '2026-12-05' })).rejects.toThrow(/HTTP 404/);
  });
});

describe('given the verified first table', () => {
  it('then every value has a definition, a source and the words it was checked against', () => {
    const rows = verifiedRows();
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) {
      expect(r.source).toMatch(/^https:\/\//);
      expect(r.evidence?.length).toBeGreaterThan(20);
      expect(r.published).toBeNull();
    }
  });

  it('then the committed table is exactly what the generator writes from them', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../../intents/prices/prices.json', import.meta.url)), 'utf8');
    const parsed = JSON.parse(committed) as { generated: string; prices: { published: string | null }[] };
    // Once a refresh from the offer files has run, the committed table is theirs, not the verified one.
    if (!parsed.prices.every((r) => r.published === null)) return;
    const dir = mkdtempSync(join(tmpdir(), 'awsbot-prices-'));
    try {
      const out = join(dir, 'p.json');
      const sink = { write: () => true } as unknown as NodeJS.WritableStream;
      expect(await runPrices(['update', '--from-verified', '--out', out, '--date', parsed.generated], sink, sink)).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
