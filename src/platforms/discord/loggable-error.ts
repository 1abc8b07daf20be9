/**
 * Errors as they are logged: Discord API errors keep what explains them (status, code, method,
 * route) but not the interaction or webhook token that their URL carries, nor the payload sent.
 */
import { DiscordAPIError, HTTPError } from 'discord.js';

export function loggableError(err: unknown): unknown {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    return {
      type: err.name,
      message: err.message,
      status: err.status,
      code: err instanceof DiscordAPIError ? err.code : undefined,
      method: err.method,
      url: withoutTokens(err.url),
      stack: err.stack,
    };
  }
  return err;
}

/** `/interactions/<id>/<token>/…` and `/webhooks/<id>/<token>/…` with the token replaced. */
export function withoutTokens(url: string): string {
  return url.replace(/\/(interactions|webhooks)\/(\d+)\/[^/?#]+/g, '/$1/$2/[token]');
}
