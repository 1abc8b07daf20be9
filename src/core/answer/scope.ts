/**
 * "Is that per region?" after an answer: where what it said applies. AWS's rule is that a quota
 * (and most resources and settings) belongs to one account in one Region unless its page says
 * otherwise; a global service (IAM, Route 53, CloudFront, Organizations) and an answer marked
 * account-wide (S3's bucket quota) apply to the whole account, across all Regions.
 */
import type { BankEntry } from '../../knowledge/answer-bank-schema.js';
import type { Knowledge } from '../../knowledge/load.js';
import { shortName } from './facts.js';
import type { Link } from './types.js';

/** The AWS page that states the rule: "Unless otherwise noted, each quota is Region-specific." */
export const QUOTAS_PAGE: Link = { title: 'AWS service quotas', url: 'https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html' };

/** What the words ask: per Region, or the whole account (global, account-wide). */
const ASKS_WHOLE_ACCOUNT = /\b(global|account[- ]wide|across (all )?regions|in (every|each|all) regions?|per[- ](aws )?account)\b/i;
const ASKS_REGION = /\b(per[- ]region|regional|region[- ]specific|each region|every region)\b/i;

export type Scope = 'region' | 'account';

/** Where an entry's statement applies: its own mark, else its service's (global or per Region). */
export function scopeOf(k: Knowledge, entry: BankEntry): Scope {
  if (entry.scope) return entry.scope;
  return k.directory.get(entry.services[0]!)?.global ? 'account' : 'region';
}

/** The one-line answer to a scope question about an entry, yes or no first. */
export function scopeLead(k: Knowledge, entry: BankEntry, asked: string): string {
  const scope = scopeOf(k, entry);
  const service = entry.services[0]!;
  const name = shortName(k, service);
  // "is that per region?" is answered yes or no about Regions; "is it global?" / "per account?" about the account.
  const aboutRegion = ASKS_REGION.test(asked) || !ASKS_WHOLE_ACCOUNT.test(asked);
  const perAccount = /\bper[- ](aws )?account\b/i.test(asked) && !ASKS_REGION.test(asked);
  if (scope === 'region') {
    const opener = perAccount ? 'Per account, and also per Region' : aboutRegion ? 'Yes: per account and per Region' : 'No: per account and per Region';
    return `${opener}. Like most AWS quotas, settings and resources (unless the service's quotas page says otherwise), it applies in one Region of one account: each Region has its own, so repeat it, or request the increase in Service Quotas, in every Region you use.`;
  }
  const global = k.directory.get(service)?.global === true;
  const why = global ? `${name} is a global service: its quotas and resources apply` : 'This one applies';
  const opener = aboutRegion ? 'No: account-wide' : 'Yes: account-wide';
  return `${opener}. ${why} to the whole account, across all Regions, not separately per Region.`;
}
