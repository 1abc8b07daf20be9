/**
 * Price answers: the number first (price, unit, Region, date), then the other prices that usually
 * matter, an estimate when the question gives quantities (arithmetic in one line, and what it
 * leaves out), and for "which is cheaper" a verdict with its assumption. Only prices from the
 * table: a price the table lacks is said to be missing, never made up.
 */
import { bankEntry } from '../../knowledge/bank-lookup.js';
import type { Knowledge } from '../../knowledge/load.js';
import { PRICE_REGIONS, type PriceRegion } from '../../knowledge/names.js';
import type { PriceRow } from '../../knowledge/price-schema.js';
import { ageInDays, PRICE_STALE_DAYS, PRICING_CALCULATOR_URL, pricesOf, regionsOf, serviceOfPrice } from '../../knowledge/price-lookup.js';
import { HOURS_PER_MONTH, readPriceQuestion, type PriceQuestion } from '../understanding/price-question.js';
import type { Understanding } from '../understanding/understanding.js';
import { LEAD_AT } from '../retrieval/retriever.js';
import { tokenize } from '../understanding/text.js';
import { encodeAction } from './actions.js';
import { plainName, shortName } from './facts.js';
import type { Answer, Link, Section } from './types.js';

/** Words that point at one priced item of a service (beyond its instance type). */
const ITEM_WORDS: Record<string, RegExp> = {
  's3.standard-ia.storage': /\b(standard-ia|infrequent|ia)\b/,
  's3.deep-archive.storage': /\bdeep archive\b/,
  's3.requests.put': /\b(put|post|copy|list|uploads?)\b/,
  's3.requests.get': /\b(get|gets|reads?|downloads? requests)\b/,
  's3.transfer.out': /\b(transfer|egress|out to the internet|bandwidth|downloads?|outbound)\b/,
  'ebs.gp3.iops': /\biops\b/,
  'ebs.gp3.throughput': /\bthroughput\b|mb\/s/,
  'lambda.duration.arm': /\b(arm|arm64|graviton\d?)\b/,
  'fargate.vcpu.arm': /\b(arm|arm64|graviton\d?)\b/,
  'fargate.memory.arm': /\b(arm|arm64|graviton\d?)\b.*\b(memory|gb)\b/,
  'fargate.memory.x86': /\bmemory\b/,
  'rds.postgres.storage.gp3': /\bstorage\b/,
  'aurora.storage': /\bstorage\b/,
  'aurora.io': /\b(i\/o|io|iops)\b/,
  'dynamodb.ondemand.write': /\bwrites?\b/,
  'dynamodb.ondemand.read': /\breads?\b/,
  'dynamodb.storage': /\b(storage|stored|store)\b/,
  'sqs.fifo.requests': /\bfifo\b/,
  'cloudfront.requests.https': /\brequests?\b/,
  'vpc.nat-gateway.hour': /\bnat\b/,
  'vpc.nat-gateway.data': /\bnat\b.*\b(gb|tb|data|processed|traffic)\b/,
  'vpc.public-ipv4.hour': /\b(ipv4|public ip|elastic ip|eip)\b/,
  'eks.cluster.extended': /\bextended\b/,
  'vpc.interface-endpoint.hour': /\b(interface (vpc )?endpoints?|vpc endpoints?|privatelink|endpoints?)\b/,
  'vpc.interface-endpoint.data': /\b(interface (vpc )?endpoints?|vpc endpoints?|privatelink|endpoints?)\b.*\b(gb|tb|data|processed|processing|traffic)\b/,
  'route53.hosted-zone': /\bhosted zones?\b/,
  'route53.queries.standard': /\b(quer(y|ies)|lookups?)\b/,
  'route53.health-check.aws': /\bhealth ?checks?\b/,
  'secrets-manager.api': /\b(api calls?|calls|requests?|getsecretvalue)\b/,
  'kms.key': /\b(customer managed keys?|cmks?)\b/,
  'kms.requests.symmetric': /\b(requests?|api calls?|calls|encrypt|decrypt|operations?)\b/,
  'cloudwatch.logs.storage': /\b(storage|stored|store|storing|retention|retained|archived?)\b/,
  'cloudwatch.logs.insights': /\b(logs insights|insights|scanned|scanning)\b/,
  'cloudwatch.alarm.standard': /\balarms?\b/,
  'cloudwatch.metric.custom': /\b(custom )?metrics?\b/,
  'api-gateway.http.requests': /\bhttp apis?\b/,
  'api-gateway.rest.requests': /\brest apis?\b/,
  'elb.alb.lcu': /^(?!.*\b(nlbs?|network load balancers?)\b).*\b(lcus?|capacity units?)\b/,
  'elb.nlb.hour': /\b(nlbs?|network load balancers?)\b/,
  'elb.nlb.nlcu': /\bnlcus?\b|\b(nlbs?|network load balancers?)\b.*\b(lcus?|capacity units?)\b/,
  'waf.web-acl': /\bweb acls?\b/,
  'waf.rule': /\brules?\b/,
  'waf.requests': /\brequests?\b/,
};

/** Items whose words alone say which service is meant, when the question names none (or a recommendation picked others). */
const STANDALONE_ITEMS = ['vpc.public-ipv4.hour', 'vpc.nat-gateway.hour', 'vpc.interface-endpoint.hour', 'route53.hosted-zone', 'api-gateway.http.requests', 'api-gateway.rest.requests', 'waf.web-acl', 'kms.key'];

/** Capacity units are asked for by name; they lead over the load balancer's own hour. */
const CAPACITY_UNITS: readonly PriceRow['unit'][] = ['LCU-hour', 'NLCU-hour'];

const LIST_PRICE_CAVEAT = 'On-Demand list prices in USD, before taxes, the free tier and discounts (Savings Plans, reservations).';

const UNIT_TEXT: Record<PriceRow['unit'], [string, string]> = {
  'GB-month': ['GB-month', 'GB-months'],
  GB: ['GB', 'GB'],
  hour: ['hour', 'hours'],
  request: ['request', 'requests'],
  'request unit': ['request unit', 'request units'],
  'I/O request': ['I/O request', 'I/O requests'],
  'GB-second': ['GB-second', 'GB-seconds'],
  'vCPU-hour': ['vCPU-hour', 'vCPU-hours'],
  'GB-hour': ['GB-hour', 'GB-hours'],
  'IOPS-month': ['IOPS-month', 'IOPS-months'],
  'MBps-month': ['MB/s-month', 'MB/s-months'],
  month: ['month', 'months'],
  query: ['query', 'queries'],
  TB: ['TB', 'TB'],
  'LCU-hour': ['LCU-hour', 'LCU-hours'],
  'NLCU-hour': ['NLCU-hour', 'NLCU-hours'],
  'state transition': ['state transition', 'state transitions'],
  event: ['event', 'events'],
};

/** "$0.023", "$0.20", "$0.0000166667": a unit price exactly as the table holds it, at least cents. */
export function unitPrice(usd: number): string {
  const s = usd.toFixed(12).replace(/0+$/, '');
  const [whole, frac = ''] = s.split('.');
  return `$${whole}.${frac.padEnd(2, '0')}`;
}

/** "$47.10", "$1,234.56", "$0.0042" for sub-cent totals. */
export function money(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${Number(usd.toPrecision(2))}`;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function count(n: number): string {
  if (n >= 1e9 && n % 1e8 === 0) return `${n / 1e9}B`;
  if (n >= 1e6 && n % 1e5 === 0) return `${n / 1e6}M`;
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function perText(row: PriceRow): string {
  const [one, many] = UNIT_TEXT[row.unit];
  if (row.per === 1) return `per ${one}`;
  return `per ${row.per === 1_000_000 ? '1M' : row.per.toLocaleString('en-US')} ${many}`;
}

export function priceText(row: PriceRow): string {
  return `${unitPrice(row.usd)} ${perText(row)}`;
}

function dated(row: PriceRow): string {
  return row.published ? `list price from the ${row.published} Price List, read ${row.read}` : `list price read ${row.read}`;
}

function regionText(region: PriceRegion): string {
  return `${region} (${PRICE_REGIONS[region]})`;
}

/** Rows a "how is X priced" answer shows beside its billing model. */
const LIST_ROWS = 3;

/**
 * "Athena pricing?": how a service is billed is the usual answer, but the engineer asking wants the
 * rate too. The table's first rows for the service in the default Region, dated, or undefined.
 */
export function listPriceSection(k: Knowledge, service: string, today = new Date()): Section | undefined {
  if (!k.prices.table) return undefined;
  return priceListSection(k, pricesOf(k.prices, service, k.prices.defaultRegion).slice(0, LIST_ROWS), (r) => r.label, today);
}

/** Rows of the default Region as a dated section ("List prices, us-east-1, read …"), or undefined when there are none. */
function priceListSection(k: Knowledge, rows: PriceRow[], label: (r: PriceRow) => string, today: Date): Section | undefined {
  if (rows.length === 0) return undefined;
  const stale = rows.some((r) => ageInDays(r, today) > PRICE_STALE_DAYS);
  const read = rows.map((r) => r.read).sort()[0]!;
  return {
    heading: `List prices, ${k.prices.defaultRegion}, read ${read}${stale ? ' (may be out of date: check the pricing page)' : ''}`,
    bullets: rows.map((r) => `${priceText(r)} — ${label(r)}`),
    prices: true,
  };
}

/** Whether lower-cased words name one of these priced items ("nat gateway", "iops"). */
function namesAnItem(rows: readonly PriceRow[], lower: string): boolean {
  return rows.some((r) => ITEM_WORDS[r.id]?.test(lower));
}

/** Words that make money part of a question that is not itself a price question ("cost matters", "tight budget"). */
const MONEY = /\b(costs?|price[ds]?|pricing|cheap\w*|budget|expensive|spend\w*|bill(ed|ing)?)\b|\$/i;

/** A service with at least this many priced items has none beside an answer about several services unless one is named. */
const MANY_ITEMS = 3;

/**
 * "Parameter Store or Secrets Manager? cost matters": the answer's services' list prices, one or
 * two rows each, dated, for an answer from the bank to a question that mentions money. `said`: the
 * answer's own words, which may name the item priced.
 */
export function pricesBeside(k: Knowledge, text: string, services: readonly string[], today = new Date(), said = ''): { section: Section; led: string } | undefined {
  if (!k.prices.table || !MONEY.test(text)) return undefined;
  // The items the question's words name first ("are logs insights queries billed?": the per-GB-scanned row).
  const lower = text.toLowerCase();
  const named = (r: PriceRow) => (ITEM_WORDS[r.id]?.test(lower) ? 0 : 1);
  // Beside an answer about several services, a price of a service with many items (VPC: NAT gateway,
  // IPv4, endpoints…) only when the question or the answer names that item ("peering or a transit
  // gateway": the attachment, not VPC's NAT gateway).
  const spoken = `${lower} ${said.toLowerCase()}`;
  const fits = (r: PriceRow) => services.length < 2 || pricesOf(k.prices, r.service, k.prices.defaultRegion).length < MANY_ITEMS || ITEM_WORDS[r.id]?.test(spoken) === true;
  const rows = services.flatMap((id) => [...pricesOf(k.prices, id, k.prices.defaultRegion)].filter(fits).sort((a, b) => named(a) - named(b)).slice(0, services.length > 1 ? 1 : 2)).slice(0, LIST_ROWS);
  const several = multi(k, services);
  const section = priceListSection(k, rows, (r) => (several ? `${shortName(k, r.service)}: ${r.label}` : r.label), today);
  return section ? { section, led: rows[0]!.id } : undefined;
}

const multi = (k: Knowledge, services: readonly string[]) => services.filter((id) => (k.prices.byService.get(id)?.length ?? 0) > 0).length > 1;

/** The pricing page of a service in the table, as a link. */
export function pricingPage(k: Knowledge, service: string): Link | undefined {
  const url = k.prices.table?.pages[service];
  return url ? { title: `${shortName(k, service)} pricing`, url } : undefined;
}

/** Services of the question that the table has prices for, in the question's order. */
function pricedServices(k: Knowledge, u: Understanding, q: PriceQuestion): string[] {
  // A recommendation's services are its picks, not services the question named.
  const picked = u.intent === 'recommend';
  // "price of a public IPv4 address": an item that names its service on its own; in a follow-up
  // ("what does nat charge per gb anyway?") it wins over the services the conversation carries.
  const standalone = () => {
    for (const id of STANDALONE_ITEMS) {
      const service = serviceOfPrice(k.prices, id);
      if (service && ITEM_WORDS[id]!.test(q.text)) return [service];
    }
    return undefined;
  };
  const carried = u.followUp && !u.services.some((id) => namesAnItem(pricesOf(k.prices, id, k.prices.defaultRegion), q.text));
  const item = carried ? standalone() : undefined;
  if (item) return item;
  const named = picked ? [] : u.services.filter((id) => (k.prices.byService.get(id)?.length ?? 0) > 0);
  if (!picked && (named.length > 0 || u.services.length > 0)) return named;
  const alone = standalone();
  if (alone) return alone;
  // "t3.medium running 24/7": the instance type names the service.
  const type = q.quantities.instanceType;
  if (!type) return [];
  for (const [service, rows] of k.prices.byService) if (rows.some((r) => r.id.endsWith(`.${type}`))) return [service];
  return [];
}

/**
 * "how much would that run us per month?" after a fix that adds a NAT gateway to a Lambda's VPC:
 * the one service whose priced item the last answer's lead names, when the question names none.
 */
function hintedService(k: Knowledge, u: Understanding, q: PriceQuestion, hint: string | undefined): string[] | undefined {
  // "which is cheaper for those 2 then" weighs the options just discussed, not an item the last answer names.
  if (!u.followUp || !hint || u.intent === 'compare' || q.cheaper) return undefined;
  const rows = k.prices.table?.prices ?? [];
  if (namesAnItem(rows, q.text)) return undefined;
  const about = bankEntry(k, u.topic!)?.services ?? [];
  // Only items whose words alone name their service ("nat gateway"), not words like "reads".
  const hinted = new Set(rows.filter((r) => about.includes(r.service) && STANDALONE_ITEMS.includes(r.id) && ITEM_WORDS[r.id]?.test(hint)).map((r) => r.service));
  if (hinted.size === 1) return [...hinted];
  if (hinted.size > 1) return undefined;
  // "cost?" after "rotate the RDS password" answered with Secrets Manager: the one priced service
  // the answer brought into the conversation (the one service of its entry the conversation lacks).
  const words = ` ${tokenize(u.text).join(' ')} `;
  if ((u.match?.type === 'entry' && u.match.confidence >= LEAD_AT) || u.services.some((id) => namedIn(k, id, words))) return undefined;
  const brought = about.filter((id) => !u.services.includes(id) && (k.prices.byService.get(id)?.length ?? 0) > 0);
  return brought.length === 1 ? brought : undefined;
}

/** Whether `words` (a text's tokens, space-joined and padded) name the service by its short name or an alias of two or more words. */
function namedIn(k: Knowledge, id: string, words: string): boolean {
  const s = k.byId.get(id);
  if (!s) return false;
  return [plainName(k, id), ...s.aliases.filter((a) => a.includes(' '))].some((n) => words.includes(` ${tokenize(n).join(' ')} `));
}

/** Words that ask for a price itself, whatever else the question is: "how much is", "price of", "per month". */
const ASKS_NUMBER = /\b(how much (is|are|does|do|would|will|for)|price of|prices? for|pricing (of|for)|cost of|costs? per|per (hour|month|gb|tb|request|million)|a month|monthly|hourly)\b|\$\s?\d/;

/**
 * The price answer for a question, or undefined when it is not a price question about a service
 * the table covers (then the usual answer is given).
 */
export function priceAnswer(k: Knowledge, u: Understanding, today = new Date()): Answer | undefined {
  if (!k.prices.table) return undefined;
  const q = readPriceQuestion(u.text);
  // "and in eu-west-1?" right after a price: the same item, in that Region.
  const again = u.priced !== undefined && (q.region !== undefined || q.regionText !== undefined);
  // "and alarms? we want ~40" right after CloudWatch prices: another item of the service just priced;
  // "any free tier?" right after a price: that item again, with what its free tier covers.
  const free = !again && u.followUp && u.priced !== undefined && FREE_TIER.test(q.text) && q.text.split(/\s+/).length <= ANOTHER_ITEM_WORDS;
  const another = again || (q.asksPrice && !free) ? undefined : free ? serviceOfPrice(k.prices, u.priced!) : anotherItem(k, u, q);
  if (another) {
    const built = serviceAnswer(k, q, another, q.region ?? k.prices.defaultRegion, undefined, free ? u.priced : undefined);
    return built.rowsUsed[0] ? { ...built.answer, priced: built.rowsUsed[0].id } : built.answer;
  }
  if (!q.asksPrice && !again) return undefined;
  // "nat gateway in each az or one, for cost": a sure decision from the bank is the answer; its
  // services' prices follow its lead (pricesBeside), not the other way round.
  if (!again && !u.followUp && !q.cheaper && u.match?.type === 'entry' && u.match.kind === 'decision' && u.match.confidence >= LEAD_AT && !ASKS_NUMBER.test(q.text)) return undefined;
  // "how to cap how much a single athena query can scan, it cost us", "how to see lambda cost per
  // function": a how-to or a fix that mentions money, not a request for a number.
  if (!again && u.match?.practical && u.match.id !== '' && !ASKS_NUMBER.test(q.text)) return undefined;
  // "do invalidations cost anything", "extra cost?" after RDS Proxy: a sure bank answer about what is
  // asked leads (the table's prices follow it) unless the words name an item the table prices.
  if (!again && !q.cheaper && u.match?.type === 'entry' && u.match.confidence >= LEAD_AT && WHETHER_IT_COSTS.test(q.text) && !/\bwhich\b/i.test(q.text) && !ASKS_NUMBER.test(q.text) && !namesPricedItem(k, u.match.id, q.text)) return undefined;
  // "cost of an HTTP API per million requests" reads as a recommendation (its picks are not named
  // services); an item that names its own service still gets its price.
  const unnamed = (u.services.length === 0 || u.intent === 'recommend') && (q.quantities.instanceType !== undefined || STANDALONE_ITEMS.some((id) => ITEM_WORDS[id]!.test(q.text)));
  if (!['describe', 'compare'].includes(u.intent) && !unnamed) return undefined;
  // "which one costs money?" after an answer about gateway vs interface endpoints: that answer's
  // words point at the priced item when the question's own words do not.
  const hint = again || !u.topic ? undefined : bankEntry(k, u.topic)?.lead.toLowerCase();
  const services = hintedService(k, u, q, hint) ?? pricedServices(k, u, q);
  if (services.length === 0) return undefined;
  // "which is cheaper for those 2 then" about two options of one service (peering or a transit
  // gateway, in VPC's table): the table has no verdict unless the words name its items.
  if (q.cheaper && services.length === 1 && !namesAnItem(pricesOf(k.prices, services[0]!, k.prices.defaultRegion), q.text)) return undefined;
  const region = q.region ?? k.prices.defaultRegion;
  let answer: Built;
  if (q.cheaper && u.services.length >= 2) {
    // "S3 or EFS, which is cheaper?": a price verdict needs a price for every service compared.
    if (services.length < Math.min(u.services.length, 3)) return undefined;
    const verdict = cheaperAnswer(k, q, services.slice(0, 3), region, u.followUp);
    if (!verdict) return undefined;
    answer = verdict;
  } else if (services.length >= 2 || u.intent === 'compare') {
    // Several services but no "cheaper": a price only when the words name an item of one of them
    // ("price of a public IPv4 address" reads as EC2 and VPC); otherwise the comparison stands.
    const named = services.filter((id) => namesAnItem(pricesOf(k.prices, id, region), q.text));
    if (named.length !== 1) return undefined;
    answer = serviceAnswer(k, q, named[0]!, region);
  } else answer = serviceAnswer(k, q, services[0]!, region, hint, again ? u.priced : undefined);
  const rows = answer.rowsUsed;
  const stale = rows.filter((r) => ageInDays(r, today) > PRICE_STALE_DAYS);
  if (stale.length > 0) answer.answer.notes.unshift(`⚠ Read ${Math.max(...stale.map((r) => ageInDays(r, today)))} days ago: prices may be out of date; check the pricing page.`);
  if (q.regionText) answer.answer.notes.unshift(`I have no prices for ${q.regionText}; these are for ${regionText(region)}.`);
  const led = rows[0];
  return led ? { ...answer.answer, priced: led.id } : answer.answer;
}

/** "do invalidations cost anything", "extra cost?", "is it free?": whether there is a charge at all, not how much. */
const WHETHER_IT_COSTS = /\b(costs? (anything|extra|money|more)|(extra|additional|hidden) (costs?|charges?|fees?)|any (extra |additional )?(costs?|charges?|fees?)|(is|are) (it|they|that|this|these|those|there) (free|charged|billed)|is there a (charge|fee|cost)|(charged|billed) for|do (i|we|you) pay for)\b/i;

/** Whether the (lower-cased) words name an item the table prices for a service of the bank entry `id`. */
function namesPricedItem(k: Knowledge, id: string, lower: string): boolean {
  return (bankEntry(k, id)?.services ?? []).some((s) => namesAnItem(pricesOf(k.prices, s, k.prices.defaultRegion), lower));
}

/** "any free tier?", "is it free?", "is there a free allowance". */
const FREE_TIER = /\b(free tier|free allowance|is (it|that|this) free|any(thing)? free|free usage)\b/i;

/** A short follow-up after a price, whose words name another priced item of that service ("and alarms?"). */
function anotherItem(k: Knowledge, u: Understanding, q: PriceQuestion): string | undefined {
  // "ok how do i put my own domain on it" is a how-to, whatever item words it uses ("put").
  if (!u.followUp || u.priced === undefined || u.match?.practical || q.text.split(/\s+/).length > ANOTHER_ITEM_WORDS) return undefined;
  const service = serviceOfPrice(k.prices, u.priced);
  if (!service) return undefined;
  const rows = pricesOf(k.prices, service, k.prices.defaultRegion);
  return rows.some((r) => r.id !== u.priced && ITEM_WORDS[r.id]?.test(q.text)) ? service : undefined;
}

/** At most this many words for a follow-up to ask the price of another item without saying "price". */
const ANOTHER_ITEM_WORDS = 10;

interface Built {
  answer: Answer;
  rowsUsed: PriceRow[];
}

function links(k: Knowledge, services: string[]): Link[] {
  const out: Link[] = [];
  for (const id of services) {
    const url = k.prices.table?.pages[id];
    if (url) out.push({ title: `${shortName(k, id)} pricing`, url });
  }
  out.push({ title: 'AWS Pricing Calculator', url: PRICING_CALCULATOR_URL });
  return out;
}

/** The row the question points at: its instance type, then its words (or the previous answer's), then the quantities given. */
function focusRow(rows: PriceRow[], q: PriceQuestion, hint?: string): PriceRow {
  const qt = q.quantities;
  if (qt.instanceType) {
    const hit = rows.find((r) => r.id.endsWith(`.${qt.instanceType}`));
    if (hit) return hit;
  }
  const asked = rows.filter((r) => ITEM_WORDS[r.id]?.test(q.text));
  const worded = asked.length > 0 || !hint ? asked : rows.filter((r) => ITEM_WORDS[r.id]?.test(hint));
  // A NAT gateway's month is its hours plus the GB it processes; the per-GB price leads only when asked alone.
  const nat = worded.find((r) => r.id === 'vpc.nat-gateway.hour');
  if (nat) return /\b(per gb|data processing|processing|processed)\b/.test(q.text) ? (worded.find((r) => r.id === 'vpc.nat-gateway.data') ?? nat) : nat;
  const capacity = worded.find((r) => CAPACITY_UNITS.includes(r.unit));
  if (capacity) return capacity;
  // The most specific wording wins: "NAT … 500 GB" is the data row, "NAT" alone the hour row.
  if (worded.length > 0) {
    if (qt.sizesGB.length > 0) {
      const gb = worded.find((r) => r.unit === 'GB' || r.unit === 'GB-month');
      if (gb) return gb;
    }
    if (qt.count !== undefined) {
      const req = worded.find((r) => r.dimension === 'requests');
      if (req) return req;
    }
    return worded.find((r) => r.unit === 'hour') ?? worded[0]!;
  }
  if (qt.sizesGB.length > 0) {
    const storage = rows.find((r) => r.unit === 'GB-month' || r.unit === 'GB');
    if (storage) return storage;
  }
  if (qt.count !== undefined) {
    const req = rows.find((r) => r.dimension === 'requests');
    if (req) return req;
  }
  return rows[0]!;
}

function monthlyHours(q: PriceQuestion): number | undefined {
  if (q.quantities.hours !== undefined) return q.quantities.hours;
  if (/\b(per month|a month|monthly|each month|every month|\/ ?month|month)\b/.test(q.text)) return HOURS_PER_MONTH;
  return undefined;
}

interface Estimate {
  total: number;
  /** The arithmetic, on one line. */
  line: string;
  what: string;
  rows: PriceRow[];
  leavesOut: string;
}

function hoursLabel(h: number): string {
  return h === HOURS_PER_MONTH ? `${HOURS_PER_MONTH} h (a month)` : `${count(h)} h`;
}

function estimate(service: string, rows: PriceRow[], lead: PriceRow, q: PriceQuestion): Estimate | undefined {
  const qt = q.quantities;
  const find = (id: string) => rows.find((r) => r.id === id);
  if (service === 'lambda' && qt.count !== undefined && qt.durationMs !== undefined && qt.memoryMB !== undefined) {
    const req = find('lambda.requests');
    const dur = find(qt.arm ? 'lambda.duration.arm' : 'lambda.duration.x86');
    if (!req || !dur) return undefined;
    const gbs = qt.count * (qt.durationMs / 1000) * (qt.memoryMB / 1024);
    const compute = gbs * dur.usd;
    const requests = (qt.count / req.per) * req.usd;
    return {
      total: compute + requests,
      line: `${count(qt.count)} × ${qt.durationMs / 1000} s × ${qt.memoryMB / 1024} GB = ${count(gbs)} GB-s × ${unitPrice(dur.usd)} = ${money(compute)}, + ${count(qt.count)} requests × ${unitPrice(req.usd)}/1M = ${money(requests)}`,
      what: `${count(qt.count)} invocations of ${qt.durationMs} ms at ${qt.memoryMB} MB (${qt.arm ? 'Arm' : 'x86'})`,
      rows: [dur, req],
      leavesOut: 'the free tier (1M requests and 400,000 GB-seconds a month), data transfer and taxes',
    };
  }
  if (service === 'fargate' && qt.vcpus !== undefined && qt.sizesGB.length > 0) {
    const cpu = find(qt.arm ? 'fargate.vcpu.arm' : 'fargate.vcpu.x86');
    const mem = find(qt.arm ? 'fargate.memory.arm' : 'fargate.memory.x86');
    const hours = monthlyHours(q) ?? HOURS_PER_MONTH;
    if (!cpu || !mem) return undefined;
    const gb = qt.sizesGB[0]!;
    const total = hours * (qt.vcpus * cpu.usd + gb * mem.usd);
    return {
      total,
      line: `${hoursLabel(hours)} × (${qt.vcpus} vCPU × ${unitPrice(cpu.usd)} + ${gb} GB × ${unitPrice(mem.usd)}) = ${money(total)}`,
      what: `one ${qt.vcpus} vCPU / ${gb} GB task (${qt.arm ? 'Arm' : 'x86'}) for ${hoursLabel(hours)}`,
      rows: [cpu, mem],
      leavesOut: 'ephemeral storage above 20 GB, data transfer, public IPv4, load balancers and taxes',
    };
  }
  if ((lead.unit === 'GB-month' || lead.unit === 'GB') && qt.sizesGB.length > 0) {
    const gb = qt.sizesGB[0]!;
    const total = gb * lead.usd;
    const tb = gb >= 1024 && gb % 1024 === 0 ? ` (${gb / 1024} TB)` : '';
    return {
      total,
      line: `${count(gb)} GB${tb} × ${priceText(lead)} = ${money(total)}`,
      what: `${count(gb)} GB, ${lead.label}`,
      rows: [lead],
      leavesOut: lead.unit === 'GB-month' ? 'requests, data transfer, the free tier and taxes' : 'the free tier and taxes',
    };
  }
  if (lead.unit === 'TB' && qt.sizesGB.length > 0) {
    const gb = qt.sizesGB[0]!;
    const total = (gb / 1024) * lead.usd;
    return {
      total,
      line: `${count(gb)} GB = ${count(gb / 1024)} TB × ${priceText(lead)} = ${money(total)}`,
      what: `${count(gb)} GB scanned, ${lead.label}`,
      rows: [lead],
      leavesOut: 'the 10 MB minimum per query, S3 requests and storage, and taxes',
    };
  }
  if ((lead.dimension === 'requests') && qt.count !== undefined) {
    const total = (qt.count / lead.per) * lead.usd;
    return {
      total,
      line: `${count(qt.count)} × ${priceText(lead)} = ${money(total)}`,
      what: `${count(qt.count)} ${UNIT_TEXT[lead.unit][1]}, ${lead.label}`,
      rows: [lead],
      leavesOut: 'the free tier, item or message size (larger ones count as several), data transfer and taxes',
    };
  }
  if (lead.unit === 'hour') {
    const hours = monthlyHours(q);
    if (hours === undefined) return undefined;
    let total = hours * lead.usd;
    let line = `${hoursLabel(hours)} × ${unitPrice(lead.usd)} per hour = ${money(total)}`;
    const used = [lead];
    const data = lead.id === 'vpc.nat-gateway.hour' ? find('vpc.nat-gateway.data') : undefined;
    if (data && qt.sizesGB.length > 0) {
      const gb = qt.sizesGB[0]!;
      total += gb * data.usd;
      line += `, + ${count(gb)} GB × ${unitPrice(data.usd)} = ${money(total)}`;
      used.push(data);
    }
    const leavesOut =
      service === 'ec2'
        ? 'EBS volumes, data transfer, a public IPv4 address ($0.005/h if attached), Savings Plans and taxes'
        : service === 'rds' || service === 'aurora'
          ? 'storage, backups beyond the free amount, Multi-AZ, data transfer and taxes'
          : lead.id === 'vpc.nat-gateway.hour'
            ? 'data transfer out, the public IPv4 address and taxes'
            : service === 'eks'
              ? 'worker nodes (EC2 or Fargate), data transfer and taxes'
              : service === 'elb'
                ? 'capacity units for the traffic it handles, data transfer and taxes'
                : lead.id === 'vpc.interface-endpoint.hour'
                  ? 'data processed, one endpoint per Availability Zone used, and taxes'
                  : 'the free tier and taxes';
    const span = hours === HOURS_PER_MONTH ? 'running all month' : `for ${count(hours)} h`;
    return { total, line, what: `${lead.label} ${span}`, rows: used, leavesOut };
  }
  return undefined;
}

function serviceAnswer(k: Knowledge, q: PriceQuestion, service: string, region: PriceRegion, hint?: string, item?: string): Built {
  const name = shortName(k, service);
  const rows = pricesOf(k.prices, service, region);
  if (rows.length === 0) {
    const have = regionsOf(k.prices, service);
    return {
      answer: {
        kind: 'describe',
        title: `${name}: price`,
        summary: `I have no verified ${name} prices for ${regionText(region)} yet${have.length ? ` (I have ${have.join(', ')})` : ''}.`,
        sections: have.length
          ? [{ heading: `For comparison, in ${have[0]}`, bullets: pricesOf(k.prices, service, have[0]!).slice(0, 3).map((r) => `${priceText(r)} — ${r.label}, ${dated(r)}`) }]
          : [],
        notes: [],
        sources: links(k, [service]),
        followUps: [],
      },
      rowsUsed: [],
    };
  }
  const lead = rows.find((r) => r.id === item) ?? focusRow(rows, q, hint);
  const est = estimate(service, rows, lead, q);
  const where = `${region}, ${dated(lead)}`;
  const others = rows.filter((r) => !(est?.rows ?? [lead]).includes(r)).slice(0, 5);
  const sections: Answer['sections'] = [];
  let summary: string;
  if (est) {
    summary = `About ${money(est.total)}${/month|\b730\b/.test(est.line) || est.rows.some((r) => r.unit === 'GB-month') ? ' a month' : ''} for ${est.what} — ${where}.`;
    sections.push({ heading: 'How', text: est.line, bullets: [`Leaves out ${est.leavesOut}.`] });
  } else {
    summary = `${priceText(lead)} — ${lead.label}, ${where}.`;
    if (lead.unit === 'hour') sections.push({ heading: 'A month', text: `${HOURS_PER_MONTH} h × ${unitPrice(lead.usd)} = ${money(HOURS_PER_MONTH * lead.usd)} if it runs all month.` });
  }
  if (others.length > 0) sections.push({ heading: 'Other prices that usually matter', bullets: others.map((r) => `${priceText(r)} — ${r.label}${r.note ? ` (${r.note})` : ''}`) });
  const notes: string[] = [];
  if (lead.note && !est) sections.unshift({ heading: 'Good to know', text: `${lead.label}: ${lead.note}.` });
  sections.push({ heading: 'About these prices', text: LIST_PRICE_CAVEAT });
  return {
    answer: {
      kind: 'describe',
      title: `${name}: ${est ? 'cost estimate' : 'price'} in ${region}`,
      summary,
      sections,
      notes,
      sources: links(k, [service]),
      followUps: [{ label: `How ${name} is billed`, action: encodeAction({ intent: 'describe', services: [service], aspect: 'pricing' }) }],
    },
    rowsUsed: est?.rows ?? [lead],
  };
}

/** The class both services price, e.g. "db.t4g.medium" for RDS and Aurora. */
function commonClass(rowsBy: PriceRow[][], wanted?: string): string | undefined {
  const classes = rowsBy.map((rows) => new Set(rows.filter((r) => r.unit === 'hour').map((r) => /\.((?:db\.)?[a-z]\d[a-z]*\.[a-z0-9]+)$/.exec(r.id)?.[1]).filter(Boolean)));
  const shared = [...classes[0]!].filter((c) => classes.every((s) => s.has(c)));
  if (wanted && shared.includes(wanted)) return wanted;
  return shared[0] as string | undefined;
}

const DEFAULT_DB_GB = 20;

function cheaperAnswer(k: Knowledge, q: PriceQuestion, services: string[], region: PriceRegion, carried: boolean): Built | undefined {
  const names = services.map((id) => shortName(k, id));
  const rowsBy = services.map((id) => pricesOf(k.prices, id, region));
  if (rowsBy.some((rows) => rows.length === 0)) {
    const missing = services.filter((_, i) => rowsBy[i]!.length === 0).map((id) => shortName(k, id));
    return {
      answer: {
        kind: 'compare',
        title: `${names.join(' vs ')}: price`,
        summary: `I cannot compare prices: I have no verified ${missing.join(' or ')} prices for ${regionText(region)}.`,
        sections: [],
        notes: [],
        sources: links(k, services),
        followUps: [],
      },
      rowsUsed: [],
    };
  }
  const cls = commonClass(rowsBy, q.quantities.instanceType);
  const hours = q.quantities.hours ?? HOURS_PER_MONTH;
  const columns: { id: string; total: number; line: string; rows: PriceRow[]; show: string }[] = [];
  let assumption: string;
  if (cls) {
    const gb = q.quantities.sizesGB[0] ?? DEFAULT_DB_GB;
    for (const [i, id] of services.entries()) {
      const rows = rowsBy[i]!;
      const inst = rows.find((r) => r.id.endsWith(`.${cls}`))!;
      const storage = rows.find((r) => r.dimension === 'storage' && r.unit === 'GB-month');
      const compute = hours * inst.usd;
      const store = storage ? gb * storage.usd : 0;
      columns.push({
        id,
        total: compute + store,
        line: `${hours} h × ${unitPrice(inst.usd)} + ${gb} GB × ${storage ? unitPrice(storage.usd) : '$0'} = ${money(compute + store)}`,
        rows: storage ? [inst, storage] : [inst],
        show: `${money(compute + store)} a month`,
      });
    }
    assumption = `one ${cls}, Single-AZ, ${hours === HOURS_PER_MONTH ? 'all month' : `${hours} h`}, ${q.quantities.sizesGB[0] ?? DEFAULT_DB_GB} GB`;
  } else {
    // "tgw or peering … which is cheaper for those 2": services carried from the conversation, one
    // with many priced items (VPC: NAT gateway, IPv4, endpoints…), have no one price to weigh unless
    // the words name the item ("S3 or EFS, which is cheaper?" names the services: their usual rows).
    if (carried && rowsBy.some((rows) => rows.length >= MANY_ITEMS && !namesAnItem(rows, q.text))) return undefined;
    const leads = rowsBy.map((rows) => focusRow(rows, q));
    const sameUnit = leads.every((r) => r.unit === leads[0]!.unit && r.per === leads[0]!.per);
    // Priced in different units (per GB-month against per request): no price verdict without the
    // usage; the comparison's own verdict answers instead.
    if (!sameUnit) return undefined;
    for (const [i, id] of services.entries()) {
      const r = leads[i]!;
      // The lead already gives both prices; each column says what its price covers.
      columns.push({ id, total: r.usd, line: `${r.label}${r.note ? ` (${r.note})` : ''}`, rows: [r], show: priceText(r) });
    }
    assumption = `the same amount of ${UNIT_TEXT[leads[0]!.unit][1]} on each`;
  }
  const sorted = [...columns].sort((a, b) => a.total - b.total);
  const best = sorted[0]!;
  const next = sorted[1]!;
  const diff = next.total - best.total;
  const pct = next.total > 0 ? Math.round((diff / next.total) * 100) : 0;
  const read = dated(best.rows[0]!);
  const summary =
    diff === 0
      ? `Same price, assuming ${assumption} (${region}, ${read}).`
      : `${shortName(k, best.id)} is cheaper: ${best.show} vs ${next.show} (${pct}% less), assuming ${assumption} — ${region}, ${read}.`;
  const extra: string[] = [];
  if (services.includes('aurora')) {
    const io = rowsBy[services.indexOf('aurora')]!.find((r) => r.id === 'aurora.io');
    if (io) extra.push(`Aurora Standard also charges ${priceText(io)}; RDS gp3 storage has no per-I/O charge.`);
  }
  if (services.includes('rds') && cls) extra.push('RDS Multi-AZ doubles the instance and storage; an Aurora replica adds one more instance.');
  return {
    answer: {
      kind: 'compare',
      title: `${names.join(' vs ')}: which is cheaper in ${region}`,
      summary,
      sections: [
        { heading: cls ? 'The arithmetic' : 'What each price covers', columns: columns.map((c) => ({ heading: shortName(k, c.id), bullets: [c.line] })) },
        ...(extra.length ? [{ heading: 'What changes it', bullets: extra }] : []),
        { heading: 'About these prices', text: `${LIST_PRICE_CAVEAT} Data transfer and backups left out.` },
      ],
      notes: [],
      sources: links(k, services),
      followUps: [],
    },
    rowsUsed: columns.flatMap((c) => c.rows),
  };
}
