/**
 * Family names that mean more than one thing: "Kinesis" (Data Streams, Firehose, Video Streams),
 * "Glacier" (the S3 storage classes, or the original vault service) and "ElastiCache" (three
 * engines). When the question names only the family, the answer says which member it assumes and
 * names the others, read from the question's own words.
 */
import type { Knowledge } from '../../knowledge/load.js';
import { shortName } from './facts.js';

interface Family {
  service: string;
  /** The question names the family… */
  named: RegExp;
  /** …without naming a member. */
  member: RegExp;
  note: (k: Knowledge) => string;
}

const name = (k: Knowledge, id: string, fallback: string) => (k.byId.has(id) ? shortName(k, id) : fallback);

const FAMILIES: readonly Family[] = [
  {
    service: 'kinesis',
    named: /\bkinesis\b/i,
    member: /\b(data ?streams?|streams|kds|firehose|video|flink|analytics)\b/i,
    note: (k) =>
      `"Kinesis" is a family; this answer is about ${name(k, 'kinesis', 'Kinesis Data Streams')}. The others: Amazon Data Firehose (formerly Kinesis Data Firehose) loads streams into S3, Redshift and other destinations with no consumers to run; Kinesis Video Streams is for video.`,
  },
  {
    service: 'glacier',
    named: /\bglacier\b/i,
    member: /\b(class(es)?|instant|flexible|deep archive|vaults?)\b/i,
    note: () =>
      '"Glacier" here means the S3 Glacier storage classes (Instant Retrieval, Flexible Retrieval, Deep Archive) used in S3 buckets, not the original Amazon Glacier vault service with its own API.',
  },
  {
    service: 'elasticache',
    named: /\belasti[ck]ache\b/i,
    member: /\b(valkey|redis|memcached?)\b/i,
    note: () => 'ElastiCache runs three engines: Valkey, Redis OSS and Memcached. What follows applies to the service as a whole unless a line names an engine.',
  },
];

/** Notes for the families a question names without saying which member it means. */
export function familyNotes(k: Knowledge, ids: readonly string[], text: string): string[] {
  if (!text) return [];
  return FAMILIES.filter((f) => ids.includes(f.service) && f.named.test(text) && !f.member.test(text)).map((f) => f.note(k));
}
