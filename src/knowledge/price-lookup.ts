/**
 * Prices without the schema: the table's checks beyond its schema, the lookups answers make, and
 * the Prices built from a validated table. The answering code imports this, so answering never
 * loads zod; reading and validating the file is prices.ts.
 */
import { PRICE_REGIONS, type PriceRegion } from './names.js';
import type { PriceRow, PriceTable } from './price-schema.js';

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

/** The Prices of a validated table, with every problem the checks beyond the schema find. */
export function pricesFromTable(table: PriceTable, known: (id: string) => boolean, today = new Date(), env: NodeJS.ProcessEnv = process.env): { prices: Prices; problems: PriceProblem[] } {
  const { region: defaultRegion, problem: envProblem } = pricingRegionFromEnv(env);
  const problems: PriceProblem[] = [];
  if (envProblem) problems.push({ file: 'environment', field: 'AWS_PRICING_REGION', message: envProblem });
  problems.push(...checkPriceTable(table, known, today).map((p) => ({ file: 'prices/prices.json', ...p })));
  const byService = new Map<string, PriceRow[]>();
  for (const row of table.prices) {
    const list = byService.get(row.service) ?? [];
    list.push(row);
    byService.set(row.service, list);
  }
  return { prices: { table, byService, defaultRegion }, problems };
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

/** The service a price id belongs to, whatever its Region (ids are the same in every Region). */
export function serviceOfPrice(p: Prices, id: string): string | undefined {
  for (const rows of p.byService.values()) {
    const hit = rows.find((r) => r.id === id);
    if (hit) return hit.service;
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
