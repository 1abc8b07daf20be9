/**
 * The fixed vocabularies of the knowledge base, without the schemas: the bot's answering code
 * imports these, so answering a question never loads zod (validation does, in schema.ts).
 */

export const ASPECTS = [
  'use_cases',
  'features',
  'pricing',
  'scalability',
  'management',
  'durability',
  'security',
  'performance',
  'limits',
] as const;

export const INTENTS = [
  'compare',
  'describe',
  'recommend',
  'list_services',
  'help',
  'greeting',
  'out_of_scope',
] as const;

/** Units a price is quoted in; `per` says how many of them the price covers (1, 1,000, 1M…). */
export const PRICE_UNITS = [
  'GB-month',
  'GB',
  'hour',
  'request',
  'request unit',
  'I/O request',
  'GB-second',
  'vCPU-hour',
  'GB-hour',
  'IOPS-month',
  'MBps-month',
  'month',
  'query',
  'TB',
  'LCU-hour',
  'NLCU-hour',
  'state transition',
  'event',
] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** Regions whose prices the table may hold; a price for any other Region is a validation error. */
export const PRICE_REGIONS = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-central-1': 'Europe (Frankfurt)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
} as const satisfies Record<string, string>;
export type PriceRegion = keyof typeof PRICE_REGIONS;
