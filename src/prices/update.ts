/**
 * The refresh: reads AWS's public bulk Price List (no credentials) and regenerates the table.
 *   {base}/offers/v1.0/aws/index.json              → offers[code].currentRegionIndexUrl
 *   {base}{currentRegionIndexUrl}                   → regions[region].currentVersionUrl
 *   {base}{currentVersionUrl}                       → the per-Region offer file, streamed
 * `fetch` is injected so tests point it at recorded fixtures on 127.0.0.1.
 */
import type { PriceRegion, PriceRow } from '../knowledge/price-schema.js';
import { PRICE_DEFINITIONS, type OfferSelector, type PriceDefinition } from './definitions.js';
import { extractOffer, nodeStream } from './offers.js';
import { buildTable, makeRow, scalePrice } from './table.js';
import type { PriceTable } from '../knowledge/price-schema.js';

export const PRICE_LIST_BASE = 'https://pricing.us-east-1.amazonaws.com';

export interface UpdateOptions {
  base?: string;
  regions: PriceRegion[];
  /** The date written as `read` and `generated` (YYYY-MM-DD). */
  today: string;
  fetch?: typeof fetch;
  /** Rows kept for prices the offer files do not carry (CloudFront is priced by edge location). */
  keep?: PriceRow[];
  log?: (line: string) => void;
}

export interface UpdateResult {
  table: PriceTable;
  /** Definitions the offer files had no product for, per Region: left out, never guessed. */
  missing: string[];
  conflicts: string[];
}

async function getJson(f: typeof fetch, url: string): Promise<unknown> {
  const res = await f(url);
  if (!res.ok) throw new Error(`GET ${url} → HTTP ${res.status}`);
  return res.json();
}

/** The index gives host-relative paths ("/offers/v1.0/aws/…"); they hang off `base`, path included. */
function resolve(base: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export async function updatePrices(opts: UpdateOptions): Promise<UpdateResult> {
  const f = opts.fetch ?? fetch;
  const base = opts.base ?? PRICE_LIST_BASE;
  const log = opts.log ?? (() => {});
  const index = (await getJson(f, resolve(base, '/offers/v1.0/aws/index.json'))) as { offers?: Record<string, { currentRegionIndexUrl?: string }> };
  const byOffer = new Map<string, PriceDefinition[]>();
  for (const def of PRICE_DEFINITIONS) {
    if (!def.selector) continue;
    const list = byOffer.get(def.selector.offer) ?? [];
    list.push(def);
    byOffer.set(def.selector.offer, list);
  }
  const rows: PriceRow[] = [];
  const missing: string[] = [];
  const conflicts: string[] = [];
  for (const [offer, defs] of [...byOffer].sort(([a], [b]) => a.localeCompare(b))) {
    const regionIndexUrl = index.offers?.[offer]?.currentRegionIndexUrl;
    if (!regionIndexUrl) {
      for (const r of opts.regions) for (const d of defs) missing.push(`${d.id}@${r}: offer ${offer} is not in the index`);
      continue;
    }
    const regionIndex = (await getJson(f, resolve(base, regionIndexUrl))) as { regions?: Record<string, { currentVersionUrl?: string }> };
    for (const region of opts.regions) {
      const versionUrl = regionIndex.regions?.[region]?.currentVersionUrl;
      if (!versionUrl) {
        for (const d of defs) missing.push(`${d.id}@${region}: ${offer} has no offer file for ${region}`);
        continue;
      }
      const url = resolve(base, versionUrl);
      log(`reading ${url}`);
      const res = await f(url);
      if (!res.ok || !res.body) throw new Error(`GET ${url} → HTTP ${res.status}`);
      const selectors = new Map<string, OfferSelector>(defs.map((d) => [d.id, d.selector!]));
      const extract = await extractOffer(nodeStream(res.body), selectors, region);
      conflicts.push(...extract.conflicts.map((c) => `${region} ${c}`));
      for (const def of defs) {
        const hit = extract.prices.get(def.id);
        if (!hit) {
          missing.push(`${def.id}@${region}: no ${offer} product matches`);
          continue;
        }
        rows.push(
          makeRow(def, {
            region,
            usd: scalePrice(hit.usd, def.scale),
            read: opts.today,
            published: extract.published ?? null,
            source: url,
          }),
        );
      }
    }
  }
  const fresh = new Set(rows.map((r) => `${r.id}@${r.region}`));
  for (const kept of opts.keep ?? []) if (!fresh.has(`${kept.id}@${kept.region}`)) rows.push(kept);
  return { table: buildTable(rows, opts.today), missing, conflicts };
}
