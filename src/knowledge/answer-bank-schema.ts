/**
 * The answer bank (intents/answers/*.json): one entry per question engineers actually ask, with
 * a lead that answers it outright. Retrieval ranks these entries (and the profiles' facts) against
 * a question; nothing here is code, so adding an answer or a phrasing never needs a code change.
 */
import { z } from 'zod';
import { awsUrl } from './schema.js';

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const serviceId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase service id');

export const ANSWER_KINDS = ['fact', 'howto', 'troubleshoot', 'decision'] as const;
export type AnswerKindName = (typeof ANSWER_KINDS)[number];

/** A dollar amount: only the price table (with its Region, date and pricing page) may state one. */
const PRICE = /\$\s?\d/;
const noPrice = (field: string) => (s: string) => !PRICE.test(s) || `${field} states a price; prices come from the price table, with Region and date`;

export const bankEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase id such as "sqs-retention"'),
    kind: z.enum(ANSWER_KINDS),
    services: z.array(serviceId).min(1).max(4).describe('the services it concerns, the main one first'),
    questions: z.array(text.max(300)).min(4, 'give at least four phrasings, as people type them').describe('phrasings, typos and pasted errors included'),
    keywords: z.array(text).default([]).describe('error codes, API names and terms that point strongly to this entry'),
    lead: text.max(280, 'the lead is at most two chat lines (280 characters)').describe('answers outright: the number, the fix, the verdict with its reason'),
    steps: z.array(text.max(220)).max(6).default([]),
    command: text.max(400).optional().describe('one CLI command or snippet'),
    caveats: z.array(text.max(240)).max(4).default([]),
    flips: z.array(text.max(240)).max(4).default([]).describe('decision entries: the conditions that would change the verdict'),
    verdicts: z
      .record(z.string(), z.enum(['yes', 'no']))
      .default({})
      .describe('yes-or-no phrasings among the questions ("can lambda run longer than 15 minutes?") with their answer, said first when a question is asked that way'),
    scope: z
      .enum(['region', 'account'])
      .optional()
      .describe("where what it states applies when the service's usual rule does not say: 'account' = the whole account across all Regions (S3's bucket quota)"),
    sources: z.array(z.strictObject({ title: text, url: awsUrl })).min(1),
    reviewed: isoDate,
  })
  .superRefine((e, ctx) => {
    for (const phrasing of Object.keys(e.verdicts))
      if (!e.questions.includes(phrasing)) ctx.addIssue({ code: 'custom', path: ['verdicts', phrasing], message: 'a verdict is given for one of the entry\'s own questions, word for word' });
    if (e.kind === 'decision' && e.flips.length === 0)
      ctx.addIssue({ code: 'custom', path: ['flips'], message: 'a decision names at least one condition that would flip its verdict' });
    const fields: [string, string][] = [['lead', e.lead], ...e.steps.map((s, i): [string, string] => [`steps.${i}`, s]), ...e.caveats.map((s, i): [string, string] => [`caveats.${i}`, s])];
    for (const [path, s] of fields) {
      const ok = noPrice(path)(s);
      if (ok !== true) ctx.addIssue({ code: 'custom', path: path.split('.'), message: ok });
    }
  });
export type BankEntry = z.infer<typeof bankEntrySchema>;

export const bankFileSchema = z.strictObject({ entries: z.array(bankEntrySchema).min(1) });
