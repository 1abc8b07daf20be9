/**
 * The shape of everything in intents/: zod schemas, validated when the knowledge base loads.
 * Data only: adding a service, a pair note, a need or a phrasing never needs a code change.
 */
import { z } from 'zod';

import { ASPECTS, INTENTS } from './names.js';

export { ASPECTS, INTENTS };
export const aspectSchema = z.enum(ASPECTS);
export type Aspect = z.infer<typeof aspectSchema>;

export const intentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof intentSchema>;

const serviceId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase id such as "s3" or "elastic-beanstalk"');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** An AWS documentation, FAQ, pricing or announcement page. */
export function isAwsAddress(u: string): boolean {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return false;
  }
  const host = url.hostname;
  return url.protocol === 'https:' && (host === 'aws.amazon.com' || host.endsWith('.aws.amazon.com') || host === 'repost.aws');
}
export const awsUrl = z
  .string()
  .refine(isAwsAddress, { message: 'must be an https address on an AWS site (aws.amazon.com, docs.aws.amazon.com, *.aws.amazon.com, repost.aws)' });

// ---------------------------------------------------------------- catalog
export const catalogEntrySchema = z.strictObject({
  id: serviceId,
  name: text.describe('official name, e.g. "Amazon Simple Storage Service (Amazon S3)"'),
  short: text.describe('what people call it, e.g. "Amazon S3"'),
  category: z.enum(['storage', 'compute', 'containers', 'database', 'networking', 'messaging', 'analytics', 'streaming']),
  purpose: text.describe('one line: what it is'),
  aliases: z.array(text).min(1).describe('names and variants the matcher recognises (matched as whole words)'),
  misspellings: z.array(text).default([]).describe('typos to read as this service'),
  plainPhrases: z.array(text).default([]).describe('names that are also ordinary phrases: they name the service only after "amazon" or "aws"'),
  url: awsUrl.describe('the service home page'),
});
export const catalogSchema = z.strictObject({
  services: z.array(catalogEntrySchema).min(1),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

// ---------------------------------------------------------------- profiles
export const sourceSchema = z.strictObject({ title: text, url: awsUrl });
export type Source = z.infer<typeof sourceSchema>;

export const factSchema = z.strictObject({
  text: text.max(400, 'keep a fact to one short bullet (400 characters at most)'),
  source: text.describe('a key of this file\'s "sources"'),
  brief: text
    .max(110, 'a brief is one short chat line (110 characters at most)')
    .optional()
    .describe('the same fact in one short line, from the same source: shown in compact answers. Facts with a brief are the points a newcomer needs first, and lead compact answers in the order written'),
});
export type Fact = z.infer<typeof factSchema>;

export const aspectEntrySchema = z.strictObject({
  summary: text.max(220, 'a summary is one short sentence (220 characters at most)'),
  facts: z.array(factSchema).min(2, 'give at least two sourced facts'),
});
export type AspectEntry = z.infer<typeof aspectEntrySchema>;

export const profileSchema = z
  .strictObject({
    id: serviceId,
    reviewed: isoDate.describe('when the facts were last checked against the AWS pages'),
    sources: z.record(z.string().regex(/^[a-z0-9-]+$/), sourceSchema),
    docs: z.array(text).min(1).describe('keys of "sources" to show as documentation links'),
    aspects: z.strictObject(
      Object.fromEntries(ASPECTS.map((a) => [a, aspectEntrySchema])) as Record<Aspect, typeof aspectEntrySchema>,
    ),
  })
  .superRefine((p, ctx) => {
    const keys = new Set(Object.keys(p.sources));
    p.docs.forEach((d, i) => {
      if (!keys.has(d)) ctx.addIssue({ code: 'custom', path: ['docs', i], message: `names "${d}", which is not a key of "sources"` });
    });
    for (const aspect of ASPECTS) {
      p.aspects[aspect].facts.forEach((f, i) => {
        if (!keys.has(f.source))
          ctx.addIssue({ code: 'custom', path: ['aspects', aspect, 'facts', i, 'source'], message: `names "${f.source}", which is not a key of "sources"` });
      });
    }
  });
export type Profile = z.infer<typeof profileSchema>;

// ---------------------------------------------------------------- pair notes
export const pairNoteSchema = z
  .strictObject({
    services: z.array(serviceId).min(2).max(3),
    reviewed: isoDate,
    summary: text.max(300),
    differences: z.array(text).min(2).describe('key differences, one bullet each'),
    choose: z.array(z.strictObject({ service: serviceId, when: text })).min(2).describe('when to pick which'),
    together: z.array(text).default([]).describe('how they are used together'),
    sources: z.array(sourceSchema).default([]),
  })
  .superRefine((n, ctx) => {
    if (new Set(n.services).size !== n.services.length) ctx.addIssue({ code: 'custom', path: ['services'], message: 'names a service twice' });
    n.choose.forEach((c, i) => {
      if (!n.services.includes(c.service))
        ctx.addIssue({ code: 'custom', path: ['choose', i, 'service'], message: `"${c.service}" is not one of this note's services` });
    });
  });
export type PairNote = z.infer<typeof pairNoteSchema>;

// ---------------------------------------------------------------- recommendation needs
export const needSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: text.describe('the need, as a user would say it'),
  phrases: z.array(text).min(2).describe('ways people ask for it (training phrases for the need matcher)'),
  keywords: z.array(text).default([]).describe('single words or short phrases that point strongly to this need'),
  excludes: z.array(text).default([]).describe('words that rule this need out (e.g. "hours" rules out Lambda)'),
  picks: z.array(z.strictObject({ service: serviceId, why: text })).min(1).describe('fitting services, best first'),
});
export const needsFileSchema = z.strictObject({ needs: z.array(needSchema).min(1) });
export type Need = z.infer<typeof needSchema>;

// ---------------------------------------------------------------- language: training phrases, aspects, vocabulary
export const trainingFileSchema = z.strictObject({
  intent: intentSchema,
  phrases: z.array(text).min(5),
});
export type TrainingFile = z.infer<typeof trainingFileSchema>;

export const aspectVocabularySchema = z.strictObject({
  aspects: z.array(
    z.strictObject({
      id: aspectSchema,
      label: text,
      keywords: z.array(text).min(1).describe('words or phrases (any language) that ask about this aspect'),
    }),
  ),
});

export const outsideSchema = z.strictObject({
  terms: z.array(
    z.strictObject({
      name: text,
      kind: z.enum(['aws', 'other-cloud', 'product']).describe('aws: an AWS service outside the catalog'),
      aliases: z.array(text).min(1),
      supporting: z.boolean().default(false).describe('a service that questions about catalog services often mention (IAM, KMS, VPC); only out of scope when asked about alone'),
    }),
  ),
});
export type OutsideTerm = z.infer<typeof outsideSchema>['terms'][number];

// ---------------------------------------------------------------- retrieval synonyms
export const synonymsSchema = z.strictObject({
  phrases: z.array(z.strictObject({ to: text, from: z.array(text).min(1) })).min(1),
});
