/**
 * Counting what could not be sent (an answer, an apology, an ephemeral note), by platform and
 * reason, without threading a counter through every reply helper: each adapter runs the handling
 * of an event inside `withSendFailures(report, …)`, and the helpers that catch a failed send call
 * `sendFailed(err)`, which reports to whatever handling it happens in.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Receives one failed send, with a short reason ("channel_not_found", "http_503", "discord_50013"…). */
export type SendFailureReport = (reason: string) => void;

const current = new AsyncLocalStorage<SendFailureReport>();

export function withSendFailures<T>(report: SendFailureReport | undefined, work: () => Promise<T>): Promise<T> {
  return report ? current.run(report, work) : work();
}

/** Reports a failed send to the handling it happens in (nothing outside one). Never throws. */
export function sendFailed(err: unknown): void {
  try {
    current.getStore()?.(failureReason(err));
  } catch {
    // counting must never break replying
  }
}

/** A low-cardinality reason: the platform's error code, else the HTTP status, else the error's code. */
export function failureReason(err: unknown): string {
  const e = err as { data?: { error?: unknown }; code?: unknown; status?: unknown; statusCode?: unknown; name?: unknown } | undefined;
  if (typeof e?.data?.error === 'string') return e.data.error.slice(0, 64); // Slack Web API: "channel_not_found"
  // discord.js names its API errors "DiscordAPIError[50013]".
  if (typeof e?.name === 'string' && e.name.startsWith('DiscordAPIError') && (typeof e.code === 'number' || typeof e.code === 'string')) return `discord_${e.code}`;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.status === 'number' ? e.status : undefined;
  if (status !== undefined) return `http_${status}`;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'rate_limited';
  if (typeof e?.code === 'string') return e.code.slice(0, 64);
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'timeout';
  return 'unknown';
}
