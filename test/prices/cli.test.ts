/** `awsbot validate` on the price table and `awsbot prices` usage, through the real CLI modules. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPrices } from '../../src/cli/prices.js';
import { runValidate } from '../../src/cli/validate.js';
import { copyOfIntents, editJson } from '../helpers/knowledge.js';

function sink() {
  const lines: string[] = [];
  return { text: () => lines.join(''), stream: { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WritableStream };
}

describe('awsbot validate', () => {
  it('given the committed table, then it reports its prices, services and Regions', () => {
    const out = sink();
    expect(runValidate([], out.stream)).toBe(0);
    expect(out.text()).toMatch(/✓ price table: \d+ prices for \d+ services, Regions us-east-1, generated \d{4}-\d{2}-\d{2}/);
  });

  it('given prices read more than 90 days ago, then it warns, and still passes', () => {
    const dir = copyOfIntents();
    editJson(join(dir, 'prices', 'prices.json'), (t) => {
      t.prices[0].read = '2020-01-01';
      t.prices[1].read = '2020-01-01';
    });
    const out = sink();
    expect(runValidate([dir], out.stream)).toBe(0);
    expect(out.text()).toContain('⚠ 2 price(s) read more than 90 days ago');
  });

  it('given a price with an unknown unit, then it fails and names the field', () => {
    const dir = copyOfIntents();
    editJson(join(dir, 'prices', 'prices.json'), (t) => {
      t.prices[2].unit = 'furlong';
    });
    const out = sink();
    expect(runValidate([dir], out.stream)).toBe(1);
    expect(out.text()).toMatch(/prices\/prices\.json → prices\.2\.unit: expected one of/);
  });
});

describe('awsbot prices', () => {
  it('without "update", or with a bad Region or date, then usage and exit code 2', async () => {
    const out = sink();
    expect(await runPrices([], out.stream, out.stream)).toBe(2);
    expect(await runPrices(['update', '--regions', 'mars-1'], out.stream, out.stream)).toBe(2);
    expect(await runPrices(['update', '--date', 'yesterday'], out.stream, out.stream)).toBe(2);
    expect(out.text()).toContain('unknown Region(s) mars-1');
  });
});
