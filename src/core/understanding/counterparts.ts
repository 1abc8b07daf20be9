/**
 * Other clouds' products and their AWS counterparts, from the directory's `azure` and `google`
 * fields: "aws equivalent of bigquery" → the AWS services whose counterpart BigQuery is.
 */
import type { Knowledge } from '../../knowledge/load.js';
import { tokenize } from './text.js';

/** The question asks for an equivalent, not about the other product itself ("cloud armor -> aws?", "what do we use on aws"). */
export const EQUIVALENT = /\b(equivalent|counterpart|alternative|version of|analog(ue)?|like|similar|closest|instead of|replace[sd]?|replacing|replacement|port|migrat\w*|moving off|moving (away )?from|switching from|style|move (off|from)|coming from|leaving|off of|off (gcp|google|azure)|aws version|what (do|should|would|could|can) (we|i) use (on|in) aws|what does aws (have|offer|call)|(the|an?) aws (thing|way|option|answer|service)|(on|in|to) aws)\b|\s(->|→|=>)\s*(aws\b|\?|$)/i;

const wordsOf = (s: string) => tokenize(s).filter((w) => !['azure', 'google', 'cloud', 'microsoft', 'gcp', 'service', 'services'].includes(w));
/** Memoised: a question naming another cloud's product compares it with every directory entry's counterparts. */
const wordsMemo = new Map<string, readonly string[]>();
const words = (s: string): readonly string[] => {
  let w = wordsMemo.get(s);
  if (!w) {
    w = wordsOf(s);
    if (wordsMemo.size >= 20_000) wordsMemo.clear();
    wordsMemo.set(s, w);
  }
  return w;
};

/**
 * Whether a typed word is in a name's words, as people vary them: "vm" for "VMs", "cosmosdb" for
 * "Cosmos DB" (two words run together).
 */
function hasWord(have: readonly string[], w: string): boolean {
  for (let i = 0; i < have.length; i++) {
    const h = have[i]!;
    if (h === w || h === `${w}s` || `${h}s` === w || (i + 1 < have.length && h + have[i + 1] === w)) return true;
  }
  return false;
}

/**
 * How well a counterpart's name matches what was typed: 0 exact, 1 + extra words when every typed
 * word is in it, undefined otherwise. Typed words run apart ("big query") count as the one word of the name ("BigQuery").
 */
function fit(name: string, typed: string): number | undefined {
  const typedWords = words(typed);
  const have = words(name);
  const want = typedWords.length > 1 && !typedWords.every((w) => hasWord(have, w)) && hasWord(have, typedWords.join('')) ? [typedWords.join('')] : typedWords;
  if (want.length === 0 || !want.every((w) => hasWord(have, w))) return undefined;
  return have.length === want.length ? 0 : 1 + have.length - want.length;
}

/**
 * AWS services whose directory entry names one of `products` among its Azure or Google Cloud
 * counterparts, best first: exact names before partial ones, fully profiled services first.
 */
/** The counterpart names to look in: Azure's when the typed name says Azure, Google's when it says Google. */
function namesFor(d: { azure: string[]; google: string[] }, typed: string): string[] {
  const t = typed.toLowerCase();
  if (/\b(azure|microsoft)\b/.test(t)) return d.azure;
  if (/\b(google|gcp)\b/.test(t)) return d.google;
  return [...d.azure, ...d.google];
}

export function counterpartsOf(k: Knowledge, products: readonly string[]): string[] {
  const found: { id: string; rank: number }[] = [];
  for (const typed of products) {
    for (const [id, d] of k.directory) {
      const fits = namesFor(d, typed).map((n, i) => ({ f: fit(n, typed), i })).filter((x) => x.f !== undefined);
      if (fits.length === 0) continue;
      const best = Math.min(...fits.map((x) => x.f! * 10 + x.i));
      const closed = d.status.state === 'available' ? 0 : 1000;
      found.push({ id, rank: closed + best * 10 + (k.profiles.has(id) ? 0 : 5) });
    }
  }
  // A service closed to new customers ("Azure DevOps" → CodeCatalyst) comes after the successor AWS recommends.
  const out: string[] = [];
  for (const { id } of found.sort((a, b) => a.rank - b.rank)) {
    const successor = k.directory.get(id)?.status.successor;
    if (successor && k.directory.has(successor) && !out.includes(successor)) out.push(successor);
    if (!out.includes(id)) out.push(id);
  }
  // A counterpart closed to new customers is still named (with its status) after the three best.
  const closed = out.filter((id) => k.directory.get(id)?.status.state !== 'available');
  return [...new Set([...out.slice(0, 3), ...closed])].slice(0, 4);
}

/** How an AWS service's directory entry names `typed`, when it lists it among its counterparts. */
export function counterpartName(k: Knowledge, id: string, typed: string): string | undefined {
  const d = k.directory.get(id);
  if (!d) return undefined;
  const named = namesFor(d, typed).map((n) => ({ n, f: fit(n, typed) })).filter((x) => x.f !== undefined);
  return named.sort((a, b) => a.f! - b.f!)[0]?.n;
}
