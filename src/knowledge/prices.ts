/**
 * Loads and checks intents/prices/prices.json, and looks prices up. The table is optional: a
 * knowledge base without it simply has no prices (answers then give billing dimensions only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { priceTableSchema } from './price-schema.js';
import { NO_PRICES, pricesFromTable, pricingRegionFromEnv, type PriceProblem, type Prices } from './price-lookup.js';

export * from './price-lookup.js';


/**
 * Reads <dir>/prices/prices.json when present. `known` says whether a service id exists; every
 * problem (schema, unknown service, missing pricing page, duplicate, impossible date) is returned.
 */
export function readPrices(dir: string, known: (id: string) => boolean, today = new Date(), env: NodeJS.ProcessEnv = process.env): { prices: Prices; problems: PriceProblem[] } {
  const file = join(dir, 'prices', 'prices.json');
  const rel = 'prices/prices.json';
  const problems: PriceProblem[] = [];
  const { region: defaultRegion, problem: envProblem } = pricingRegionFromEnv(env);
  if (envProblem) problems.push({ file: 'environment', field: 'AWS_PRICING_REGION', message: envProblem });
  if (!existsSync(file)) return { prices: { ...NO_PRICES, defaultRegion }, problems };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ file: rel, field: '', message: `not valid JSON (${(err as Error).message})` });
    return { prices: { ...NO_PRICES, defaultRegion }, problems };
  }
  const parsed = priceTableSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file: rel, field: issue.path.map(String).join('.'), message: issue.message });
    return { prices: { ...NO_PRICES, defaultRegion }, problems };
  }
  const built = pricesFromTable(parsed.data, known, today, env);
  return { prices: built.prices, problems: [...problems, ...built.problems.filter((p) => p.file !== 'environment')] };
}

