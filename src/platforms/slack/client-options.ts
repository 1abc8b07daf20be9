/**
 * How awsbot's Web API client talks to Slack: where (SLACK_API_URL, a local fake in tests), how long
 * a call may take, and how failures are retried before the caller logs them and apologises.
 */
import type { webApi } from '@slack/bolt';

/**
 * 5xx answers and network errors are retried a few times within seconds; a 429 waits as long as
 * Slack's Retry-After asks before its retry. Not the SDK default (ten retries over half an hour):
 * an answer that late is worse than an apology now.
 */
export const ANSWER_RETRY_POLICY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true };
/** A call that hangs longer than this counts as a network error (and is retried). */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface ClientTuning {
  retryConfig?: webApi.RetryOptions;
  timeoutMs?: number;
}

export function webClientOptions(apiUrl: string, tuning: ClientTuning = {}): webApi.WebClientOptions {
  return {
    slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    retryConfig: tuning.retryConfig ?? ANSWER_RETRY_POLICY,
    timeout: tuning.timeoutMs ?? REQUEST_TIMEOUT_MS,
    rejectRateLimitedCalls: false,
  };
}
