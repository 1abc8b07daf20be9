/**
 * The directory of every AWS service (intents/directory/*.json): name, aliases, purpose, status
 * and links for services that have no full profile, and other clouds' counterparts for all.
 */
import { z } from 'zod';
import { awsUrl } from './schema.js';

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const serviceId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase id such as "step-functions"');

export const DIRECTORY_CATEGORIES = [
  'analytics', 'application-integration', 'business-applications', 'cloud-financial-management', 'compute', 'containers',
  'customer-enablement', 'database', 'developer-tools', 'end-user-computing', 'frontend-web-mobile', 'games', 'iot',
  'machine-learning', 'management-governance', 'media', 'migration-transfer', 'networking', 'quantum', 'robotics',
  'satellite', 'security-identity', 'storage', 'blockchain',
] as const;

export const STATUSES = ['available', 'closed-to-new-customers', 'end-of-support', 'discontinued'] as const;

export const directoryEntrySchema = z
  .strictObject({
    id: serviceId,
    name: text.describe('the official name, e.g. "AWS Step Functions"'),
    short: text.optional().describe('what people call it when it differs from the name, e.g. "Step Functions"'),
    aliases: z.array(text).min(1).describe('abbreviations and names people use, lowercase; matched as whole words'),
    plainPhrases: z
      .array(text)
      .default([])
      .describe('names (short or aliases) that are also ordinary phrases, e.g. "s3 files": they name the service only after "amazon" or "aws"'),
    category: z.enum(DIRECTORY_CATEGORIES),
    purpose: text.max(240).describe('one sentence, own words'),
    links: z.strictObject({ product: awsUrl, docs: awsUrl, pricing: awsUrl.optional() }),
    related: z.array(serviceId).default([]).describe('closest related services (directory or catalog ids)'),
    status: z
      .strictObject({
        state: z.enum(STATUSES),
        since: isoDate.optional().describe('closed to new customers since / end of support on'),
        successor: serviceId.optional().describe('the service AWS recommends instead'),
        note: text.max(240).optional(),
        source: awsUrl.optional(),
      })
      .default({ state: 'available' }),
    azure: z.array(text).default([]).describe("Microsoft Azure's closest products, from Azure's AWS comparison page"),
    google: z.array(text).default([]).describe("Google Cloud's closest products, from Google's comparison page"),
    global: z
      .boolean()
      .default(false)
      .describe('a global service (IAM, Route 53, CloudFront, Organizations): its resources and quotas apply to the whole account, across all Regions'),
    supporting: z
      .boolean()
      .default(false)
      .describe('a means to other services (IAM, KMS, VPC, CloudWatch): next to another service it is how, not a third subject, unless joined by vs/or'),
  })
  .superRefine((e, ctx) => {
    if (e.status.state !== 'available' && !e.status.source)
      ctx.addIssue({ code: 'custom', path: ['status', 'source'], message: 'a status other than available needs the AWS page that says so' });
    if (e.status.state !== 'available' && !e.status.since)
      ctx.addIssue({ code: 'custom', path: ['status', 'since'], message: 'a status other than available needs its date' });
  });
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryFileSchema = z.strictObject({ services: z.array(directoryEntrySchema).min(1) });
