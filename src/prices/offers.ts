/**
 * Reads one per-Region offer file as a stream and keeps only what the definitions ask for.
 * Offer files run to hundreds of MB (EC2's is several GB), so the file is never held whole:
 * stream-json tokenises it, and only products and OnDemand terms of matching SKUs are assembled.
 */
import { Readable } from 'node:stream';
import { parserStream } from 'stream-json';
import Assembler from 'stream-json/assembler.js';
import type { OfferSelector } from './definitions.js';

interface Product {
  sku?: string;
  productFamily?: string;
  attributes?: Record<string, string>;
}
interface PriceDimension {
  unit?: string;
  beginRange?: string;
  endRange?: string;
  description?: string;
  pricePerUnit?: Record<string, string>;
}
type OnDemandTerms = Record<string, { priceDimensions?: Record<string, PriceDimension> }>;

export interface OfferPrice {
  /** USD per selector unit, as the offer file writes it (a decimal string). */
  usd: string;
  sku: string;
  description: string;
}

export interface OfferExtract {
  /** The offer file's publicationDate, as YYYY-MM-DD. */
  published: string | undefined;
  /** Selector key → price; keys missing here had no matching product. */
  prices: Map<string, OfferPrice>;
}

export function matches(product: Product, selector: OfferSelector, region?: string): boolean {
  if (selector.productFamily !== undefined && product.productFamily !== selector.productFamily) return false;
  const attrs = product.attributes ?? {};
  // Per-Region files also list products of other Regions or of none ("Any": Lambda@Edge and the like).
  if (region && attrs.regionCode !== undefined && attrs.regionCode !== region) return false;
  if (attrs.location === 'Any') return false;
  return Object.entries(selector.attributes).every(([k, want]) => {
    const have = attrs[k];
    if (have === undefined) return false;
    return want.startsWith('*') ? have === want.slice(1) || have.endsWith(`-${want.slice(1)}`) : have === want;
  });
}

/** Picks the price dimension a selector asks for, or undefined. */
export function pickDimension(dims: PriceDimension[], selector: OfferSelector): PriceDimension | undefined {
  const ofUnit = dims.filter((d) => d.unit === selector.unit && d.pricePerUnit?.USD !== undefined);
  const byBegin = [...ofUnit].sort((a, b) => Number(a.beginRange ?? 0) - Number(b.beginRange ?? 0));
  if (selector.tier === 'first') return byBegin.find((d) => Number(d.beginRange ?? 0) === 0);
  return byBegin.find((d) => Number(d.pricePerUnit!.USD) > 0);
}

/**
 * Streams an offer file and returns, for each selector (by key), the price it names. When several
 * SKUs match one selector the result is the lowest SKU in sort order, so it never depends on the
 * order the file lists them in; a selector matching SKUs with different prices is reported.
 */
export async function extractOffer(body: Readable | NodeJS.ReadableStream, selectors: ReadonlyMap<string, OfferSelector>, region?: string): Promise<OfferExtract & { conflicts: string[] }> {
  const wanted = new Map<string, string[]>(); // sku → selector keys
  const terms = new Map<string, OnDemandTerms[string]>();
  let published: string | undefined;
  const tokens = (body as Readable).pipe(parserStream({ streamValues: false }));
  // Keys of the open containers above the current token ('$' for the top-level object).
  const stack: string[] = [];
  let pendingKey: string | null = null;
  let asm: Assembler | null = null;
  let asmTarget: 'product' | 'terms' = 'product';
  let asmKey = '';

  for await (const tok of tokens as AsyncIterable<{ name: string; value?: unknown }>) {
    if (asm) {
      asm.consume(tok as never);
      if (!asm.done) continue;
      const value = asm.current as unknown;
      if (asmTarget === 'product') {
        for (const [key, sel] of selectors) {
          if (!matches(value as Product, sel, region)) continue;
          const list = wanted.get(asmKey) ?? [];
          list.push(key);
          wanted.set(asmKey, list);
        }
      } else if (wanted.has(asmKey)) {
        // One OnDemand offer term per SKU; if there were more, the first in key order, for determinism.
        const byCode = value as OnDemandTerms;
        const first = Object.keys(byCode).sort()[0];
        if (first) terms.set(asmKey, byCode[first]!);
      }
      asm = null;
      continue;
    }
    switch (tok.name) {
      case 'keyValue':
        pendingKey = tok.value as string;
        break;
      case 'startObject':
      case 'startArray': {
        const key = pendingKey ?? (stack.length === 0 ? '$' : '[]');
        pendingKey = null;
        const at = stack.slice(1).join('.');
        if (tok.name === 'startObject' && (at === 'products' || at === 'terms.OnDemand')) {
          asm = new Assembler();
          asm.consume(tok as never);
          asmTarget = at === 'products' ? 'product' : 'terms';
          asmKey = key;
        } else stack.push(key);
        break;
      }
      case 'endObject':
      case 'endArray':
        stack.pop();
        break;
      default:
        if (tok.name === 'stringValue' && stack.length === 1 && pendingKey === 'publicationDate') published = String(tok.value).slice(0, 10);
        pendingKey = null;
    }
  }

  const prices = new Map<string, OfferPrice>();
  const conflicts: string[] = [];
  const candidates = new Map<string, OfferPrice[]>();
  for (const [sku, keys] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const term = terms.get(sku);
    if (!term?.priceDimensions) continue;
    const dims = Object.keys(term.priceDimensions)
      .sort()
      .map((code) => term.priceDimensions![code]!);
    for (const key of keys) {
      const dim = pickDimension(dims, selectors.get(key)!);
      if (!dim) continue;
      const list = candidates.get(key) ?? [];
      list.push({ usd: dim.pricePerUnit!.USD!, sku, description: dim.description ?? '' });
      candidates.set(key, list);
    }
  }
  for (const [key, list] of candidates) {
    prices.set(key, list[0]!);
    if (new Set(list.map((c) => Number(c.usd))).size > 1) conflicts.push(`${key}: ${list.length} products match with different prices (${list.map((c) => `${c.sku} $${c.usd}`).join(', ')}); kept ${list[0]!.sku}`);
  }
  return { published, prices, conflicts };
}

/** A web ReadableStream (fetch's body) as a Node stream. */
export function nodeStream(body: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(body as never);
}
