/**
 * `awsbot prices update`: regenerate intents/prices/prices.json from AWS's public Price List.
 *   --regions us-east-1,eu-west-1   Regions to read (default: AWS_PRICING_REGION, else us-east-1)
 *   --base URL                      Price List host (default https://pricing.us-east-1.amazonaws.com)
 *   --out FILE                      where to write (default intents/prices/prices.json)
 *   --date YYYY-MM-DD               the date to write as read/generated (default today, UTC)
 *   --from-verified                 write the table from the verified page values (src/prices/verified.ts)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INTENTS_DIR } from '../knowledge/load.js';
import { priceTableSchema, type PriceRegion, type PriceRow } from '../knowledge/price-schema.js';
import { isPriceRegion, pricingRegionFromEnv } from '../knowledge/prices.js';
import { buildTable, verifiedRows, writeTable } from '../prices/table.js';
import { updatePrices } from '../prices/update.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runPrices(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'update') {
    err.write('Usage: awsbot prices update [--regions us-east-1,eu-west-1] [--base URL] [--out FILE] [--date YYYY-MM-DD] [--from-verified]\n');
    return 2;
  }
  const file = option(rest, '--out') ?? join(DEFAULT_INTENTS_DIR, 'prices', 'prices.json');
  const today = option(rest, '--date') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    err.write(`awsbot prices: --date "${today}" is not YYYY-MM-DD\n`);
    return 2;
  }
  if (rest.includes('--from-verified')) {
    const table = buildTable(verifiedRows(), today);
    writeTable(file, table);
    out.write(`✓ wrote ${table.prices.length} verified prices to ${file}\n`);
    return 0;
  }
  const envRegion = pricingRegionFromEnv();
  const regions = (option(rest, '--regions') ?? envRegion.region).split(',').map((r) => r.trim().toLowerCase()).filter(Boolean);
  const bad = regions.filter((r) => !isPriceRegion(r));
  if (bad.length > 0) {
    err.write(`awsbot prices: unknown Region(s) ${bad.join(', ')}\n`);
    return 2;
  }
  // Prices the offer files do not give this time (or never: CloudFront) keep their last dated value.
  let keep: PriceRow[] = [];
  if (existsSync(file)) {
    const parsed = priceTableSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) keep = parsed.data.prices;
  }
  const base = option(rest, '--base');
  const result = await updatePrices({
    regions: regions as PriceRegion[],
    today,
    keep,
    ...(base ? { base } : {}),
    log: (line) => err.write(`${line}\n`),
  });
  writeTable(file, result.table);
  for (const m of result.missing) err.write(`  not found (kept the previous value, if any): ${m}\n`);
  for (const c of result.conflicts) err.write(`  ambiguous: ${c}\n`);
  const fresh = result.table.prices.filter((r) => r.read === today && r.published !== null).length;
  out.write(`✓ wrote ${result.table.prices.length} prices (${fresh} from offer files read ${today}) to ${file}\n`);
  return 0;
}
