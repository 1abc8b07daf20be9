/**
 * Reads what a price question asks, from its words: is it a price question at all, in which
 * Region, about which priced item, with which quantities (storage, hours, invocations, duration,
 * memory, requests, vCPUs). Pure functions: no knowledge, no I/O.
 */
import { isPriceRegion } from '../../knowledge/price-lookup.js';
import type { PriceRegion } from '../../knowledge/price-schema.js';

export interface PriceQuantities {
  /** Sizes as written, in GB (1 TB = 1,024 GB, as AWS's pricing examples count). */
  sizesGB: number[];
  /** Hours in the month the thing runs: 730 for "24/7", "all month", "per month" with a running resource. */
  hours?: number;
  /** Invocations, requests, messages or publishes. */
  count?: number;
  /** What `count` counts, as written: "invocations", "requests", "writes"… */
  countOf?: string;
  durationMs?: number;
  /** Memory for Lambda, in MB. */
  memoryMB?: number;
  vcpus?: number;
  /** Instance or DB instance class named in the question, e.g. "t3.medium", "db.t4g.medium". */
  instanceType?: string;
  /** Arm/Graviton asked for. */
  arm: boolean;
}

export interface PriceQuestion {
  /** The question asks for a number (how much, cost, price, cheaper) and is not a how-to about costs. */
  asksPrice: boolean;
  /** "which is cheaper", "cheaper: X or Y", "X vs Y cost". */
  cheaper: boolean;
  /** A Region named in the question; `regionText` when it is not one the table knows. */
  region?: PriceRegion;
  regionText?: string;
  quantities: PriceQuantities;
  /** Lower-cased text, for matching priced items. */
  text: string;
}

/** AWS's monthly average: 24 × 365 / 12. */
export const HOURS_PER_MONTH = 730;

/** Words asking for a number. "Pricing" and "priced" alone ask how a service is billed: the usual answer. */
const PRICE_WORDS = /\b(how much(?! (warning|notice|time|memory|ram|storage|data|space|disk|traffic|longer|faster|bigger|throughput|iops|load|capacity|downtime|latency|headroom))|costs?|costing|price|prices|cheaper|cheapest|more expensive|less expensive|expensive|what (do|does|would|will|did) (we|i|you|they) pay|what we pay)\b|\$\s?\d/;
/** "how much /tmp can a lambda get", "how much data can one shard take": a capacity, not a price. */
const HOW_MUCH_CAPACITY = /\bhow much\b(?=[^.?!]{0,30}\b(can|could|does|do|will|may|would)\b[^.?!]{0,30}\b(get|gets|have|has|hold|holds|store|stores|use|uses|take|takes|handle|handles|support|supports|allocate|fit|keep|keeps|buffer|ingest|accept|go up to)\b)/g;
/** Questions about costs that want a how-to or an explanation, not a number. */
const PRACTICAL = /\b(reduce|reducing|lower|lowering|cut|cutting|save|saving|savings|optimi[sz]e|avoid|why|move|moving|(?<!state )transition|automatically|lifecycle|don'?t want|do not want|skip|get rid of|spike|unexpected|surprise|(billing|budget|cost|spend|spending) alarms?|alarms? (when|if|on|for)|(set|setting|create|creating|get|trigger)( up)? (an? )?alarm|budgets?|track|monitor|allocate|tag|tagging|cost explorer|invoice|refund|credits?|(cheap|cheaper|cheapest|less expensive) (way|option|alternative|setup|approach)s?|make\b[^.?!]{0,30}\b(cheaper|less expensive)|costs? (us )?(a fortune|a lot|too much|so much)|(way )?too (expensive|much|high)|fortune|skyrocket\w*|huge|through the roof|how (do|can|could|should|would) (i|we|you)\b[^.?!]{0,40}\b(cheaper|less expensive|spend less|pay less))\b/;
/**
 * "Athena pricing per TB scanned", "how is Athena billed per query": billing words with a unit ask
 * for the rate. Without "per" ("how is S3 billed?") they ask how billing works: the usual answer.
 */
const BILLED_PER = /\b(pricing|priced|billed|charged|charges?)\b[^.?!]*\bper\b/;
const CHEAPER = /\b(cheaper|cheapest|less expensive|more expensive|costs? less|costs? more)\b/;
const REGION = /\b((?:us|eu|ap|sa|ca|me|af|il|mx)-(?:east|west|north|south|central|northeast|southeast|northwest|southwest)-\d)\b/;
const NUMBER = String.raw`(\d+(?:[.,]\d+)*)`;
const MULTIPLIER: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, mn: 1e6, b: 1e9, billion: 1e9 };

function num(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}

export function readPriceQuestion(raw: string): PriceQuestion {
  const text = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const regionMatch = REGION.exec(text);
  const region = regionMatch && isPriceRegion(regionMatch[1]!) ? regionMatch[1] : undefined;
  const quantities = readQuantities(text);
  const hasQuantity = quantities.sizesGB.length > 0 || quantities.hours !== undefined || quantities.count !== undefined;
  // "2tb/month of debug logs: keep in cloudwatch logs or ship to s3?": quantities in a choice between
  // options describe the workload; only a price word asks the price then.
  const choosing = /\bor\b[^.?!]*\?/.test(text);
  const asksPrice = (PRICE_WORDS.test(text.replace(HOW_MUCH_CAPACITY, ' ')) || BILLED_PER.test(text) || (hasQuantity && !choosing && /\b(for|of|run|running)\b/.test(text) && /\b(month|monthly|24\/7|hour)\b/.test(text))) && !PRACTICAL.test(text);
  return {
    asksPrice,
    cheaper: CHEAPER.test(text),
    ...(region ? { region } : {}),
    ...(regionMatch && !region ? { regionText: regionMatch[1]! } : {}),
    quantities,
    text,
  };
}

export function readQuantities(text: string): PriceQuantities {
  const sizesGB: number[] = [];
  let memoryMB: number | undefined;
  const size = new RegExp(String.raw`${NUMBER}\s*(tb|tib|gb|gib|mb|mib)\b`, 'g');
  for (const m of text.matchAll(size)) {
    const n = num(m[1]!);
    const unit = m[2]!;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    // "at 512 MB", "512 MB of memory", "1 GB memory", any size in MB: a function's memory, not data.
    if (/\bat\s*$/.test(before) || /^\s*(of )?(memory|ram)\b/.test(after) || unit.startsWith('m')) {
      memoryMB = unit.startsWith('m') ? n : n * 1024;
      continue;
    }
    sizesGB.push(unit.startsWith('t') ? n * 1024 : n);
  }
  let hours: number | undefined;
  if (/\b24\s*\/\s*7\b|\b24x7\b|\ball (the )?month\b|\bround the clock\b|\bnon-?stop\b|\balways on\b|\ball day every day\b/.test(text)) hours = HOURS_PER_MONTH;
  const h = new RegExp(String.raw`${NUMBER}\s*(hours?|hrs?|h)\b`).exec(text);
  if (h && !/\bper (hour|hr)\b/.test(text.slice(h.index, h.index + h[0].length + 1))) hours = num(h[1]!);
  const d = new RegExp(String.raw`${NUMBER}\s*(days?)\b`).exec(text);
  if (hours === undefined && d) hours = num(d[1]!) * 24;

  let count: number | undefined;
  let countOf: string | undefined;
  const c = new RegExp(String.raw`${NUMBER}\s*(k|thousand|m|mn|million|b|billion)?\s*(?:lambda |sqs |sns |dynamodb |api |http |https )?(invocations?|requests?|calls?|messages?|publishes|events?|writes?|reads?|executions?)\b`).exec(text);
  if (c) {
    count = num(c[1]!) * (c[2] ? MULTIPLIER[c[2]]! : 1);
    countOf = c[3]!;
  }
  let durationMs: number | undefined;
  const ms = new RegExp(String.raw`${NUMBER}\s*(ms|milliseconds?)\b`).exec(text);
  const sec = new RegExp(String.raw`${NUMBER}\s*(s|sec|secs|seconds?)\b`).exec(text);
  if (ms) durationMs = num(ms[1]!);
  else if (sec) durationMs = num(sec[1]!) * 1000;
  const v = new RegExp(String.raw`${NUMBER}\s*v?cpus?\b`).exec(text);
  const instance = /\b((?:db\.)?[a-z]\d[a-z]*\.(?:nano|micro|small|medium|large|\d*xlarge))\b/.exec(text);
  return {
    sizesGB,
    ...(hours !== undefined ? { hours } : {}),
    ...(count !== undefined ? { count, countOf: countOf! } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(memoryMB !== undefined ? { memoryMB } : {}),
    ...(v ? { vcpus: num(v[1]!) } : {}),
    ...(instance ? { instanceType: instance[1]! } : {}),
    arm: /\b(arm|arm64|graviton\d?)\b/.test(text),
  };
}
