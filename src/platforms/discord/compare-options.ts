/**
 * Reads the options of `/aws-compare` at the edge: a zod schema for their shape, then each
 * service name resolved against the catalog. Bad input is a {@link UserError} with an identifier
 * and a message for the user, never an exception.
 */
import { z } from 'zod';
import type { Bot } from '../../core/bot.js';
import { ASPECTS, type Aspect } from '../../knowledge/schema.js';
import { escapeText } from '../../render/discord/embeds.js';
import { echoed } from '../echo.js';
import { MAX_SERVICE_TEXT, SERVICE_OPTIONS } from './command.js';
import { resolveService } from './service-lookup.js';

const serviceText = z.string().trim().min(1, 'is empty').max(MAX_SERVICE_TEXT, `is longer than ${MAX_SERVICE_TEXT} characters`);

export const compareOptionsSchema = z.object({
  first: serviceText,
  second: serviceText,
  third: serviceText.nullable(),
  aspect: z.enum(ASPECTS).nullable(),
});
export type CompareOptions = z.infer<typeof compareOptionsSchema>;

export interface CompareRequest {
  services: string[];
  aspect: Aspect | null;
}

export interface UserError {
  code: 'invalid_options' | 'unknown_service' | 'same_service';
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

export function readCompareOptions(raw: unknown, bot: Bot): Result<CompareRequest> {
  const parsed = compareOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path[0] ? `\`${String(issue.path[0])}\` ` : '';
    return fail('invalid_options', `The ${where}option ${issue?.message ?? 'is not valid'}. Try \`/aws-compare first:S3 second:EC2\`.`);
  }
  const services: string[] = [];
  for (const name of SERVICE_OPTIONS) {
    const typed = parsed.data[name];
    if (typed === null) continue;
    const id = resolveService(bot, typed);
    if (!id) {
      const words = echoed(typed, 60);
      const what = words ? `the service "${escapeText(words)}"` : 'that service';
      return fail('unknown_service', `I don't know ${what}. Start typing in \`${name}\` and pick one of the suggestions.`);
    }
    if (!services.includes(id)) services.push(id);
  }
  if (services.length < 2) return fail('same_service', 'Pick two different services to compare.');
  return { ok: true, value: { services, aspect: parsed.data.aspect } };
}

function fail(code: UserError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
