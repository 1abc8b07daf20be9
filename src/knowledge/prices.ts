/**
 * Loads and checks intents/prices/prices.json, and looks prices up. The table is optional: a
 * knowledge base without it simply has no prices (answers then give billing dimensions only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRICE_REGIONS, priceTableSchema, type PriceRegion, type PriceRow, type PriceTable } from './price-schema.js';

/** Prices read longer ago than this are shown with a "may be out of date" flag. */
export const PRICE_STALE_DAYS = 90;
export const DEFAULT_PRICING_REGION: PriceRegion = 'us-east-1';
export const PRICING_CALCULATOR_URL = 'https://calculator.aws/';

export interface Prices {
  readonly table: PriceTable | undefined;
  /** Rows by service id, in table order. */
  readonly byService: ReadonlyMap<string, readonly PriceRow[]>;
  /** The Region answers use unless the question names one (AWS_PRICING_REGION, else us-east-1). */
  readonly defaultRegion: PriceRegion;
}

export const NO_PRICES: Prices = { table: undefined, byService: new Map(), defaultRegion: DEFAULT_PRICING_REGION };

export interface PriceProblem {
  file: string;
  field: string;
  message: string;
}

export function isPriceRegion(value: string): value is PriceRegion {
  return Object.hasOwn(PRICE_REGIONS, value);
}

/** AWS_PRICING_REGION, checked: an unknown Region is a problem, not a silent fallback. */
export function pricingRegionFromEnv(env: NodeJS.ProcessEnv = process.env): { region: PriceRegion; problem?: string } {
  const raw = env.AWS_PRICING_REGION?.trim().toLowerCase();
  if (!raw) return { region: DEFAULT_PRICING_REGION };
  if (isPriceRegion(raw)) return { region: raw };
  return { region: DEFAULT_PRICING_REGION, problem: `AWS_PRICING_REGION "${raw}" is not one of ${Object.keys(PRICE_REGIONS).join(', ')}` };
}

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
  const table = parsed.data;
  problems.push(...checkPriceTable(table, known, today).map((p) => ({ file: rel, ...p })));
  const byService = new Map<string, PriceRow[]>();
  for (const row of table.prices) {
    const list = byService.get(row.service) ?? [];
    list.push(row);
    byService.set(row.service, list);
  }
  return { prices: { table, byService, defaultRegion }, problems };
}

/** The checks beyond the schema: services, pages, duplicates, dates. */
export function checkPriceTable(table: PriceTable, known: (id: string) => boolean, today = new Date()): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const endOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
  const future = (d: string) => new Date(`${d}T00:00:00Z`).getTime() >= endOfToday;
  const real = (d: string) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!real(table.generated)) out.push({ field: 'generated', message: `"${table.generated}" is not a real date` });
  else if (future(table.generated)) out.push({ field: 'generated', message: `"${table.generated}" is in the future` });
  for (const id of Object.keys(table.pages)) if (!known(id)) out.push({ field: `pages.${id}`, message: `"${id}" is not a known service` });
  const seen = new Set<string>();
  table.prices.forEach((row, i) => {
    const at = (f: string) => `prices.${i}.${f}`;
    if (!known(row.service)) out.push({ field: at('service'), message: `"${row.service}" is not a known service` });
    if (!table.pages[row.service]) out.push({ field: at('service'), message: `"${row.service}" has no pricing page in "pages"` });
    const key = `${row.id}@${row.region}`;
    if (seen.has(key)) out.push({ field: at('id'), message: `"${row.id}" is listed twice for ${row.region}` });
    seen.add(key);
    for (const f of ['read', 'published'] as const) {
      const d = row[f];
      if (d === null) continue;
      if (!real(d)) out.push({ field: at(f), message: `"${d}" is not a real date` });
      else if (future(d)) out.push({ field: at(f), message: `"${d}" is in the future` });
    }
    if (row.published && row.published > row.read) out.push({ field: at('published'), message: `the offer file (${row.published}) cannot be newer than the reading (${row.read})` });
    if (row.published === null && !row.evidence) out.push({ field: at('evidence'), message: 'a price read from a page needs the words it was verified against' });
  });
  return out;
}

/** The prices of a service in a Region, in table order. */
export function pricesOf(p: Prices, service: string, region: PriceRegion): PriceRow[] {
  return (p.byService.get(service) ?? []).filter((r) => r.region === region);
}

/** One price by id and Region. */
export function priceById(p: Prices, id: string, region: PriceRegion): PriceRow | undefined {
  for (const rows of p.byService.values()) {
    const hit = rows.find((r) => r.id === id && r.region === region);
    if (hit) return hit;
  }
  return undefined;
}

/** Regions the table has any price for a service in. */
export function regionsOf(p: Prices, service: string): PriceRegion[] {
  return [...new Set((p.byService.get(service) ?? []).map((r) => r.region))].sort();
}

/** Whole days between a price's reading and `today`. */
export function ageInDays(row: PriceRow, today = new Date()): number {
  return Math.floor((today.getTime() - new Date(`${row.read}T00:00:00Z`).getTime()) / 86_400_000);
}
