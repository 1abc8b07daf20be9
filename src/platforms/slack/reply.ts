/**
 * Posting rendered answers. The Web API client has already retried (429 after Retry-After, 5xx,
 * network errors) by the time a call fails here; the failure is logged and the user gets an apology
 * instead of silence; every failed send is counted (awsbot_errors_total{kind="send"}). Nothing here throws.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from '../../render/slack/blocks.js';
import type { Logger } from '../../log.js';
import type { Place } from './conversation-key.js';
import { sendFailed } from '../send-failures.js';

export const APOLOGY = "Sorry, I couldn't post my answer just now: Slack did not accept it. Please ask again in a minute.";

/** Slack's error code of a failed Web API call ("not_in_channel", "invalid_blocks"…), if it gave one. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Where a message goes: a channel or DM, and a thread in it. */
export type Target = Pick<Place, 'channel' | 'threadTs'>;

function where(place: Target): { channel: string; thread_ts?: string } {
  return place.threadTs ? { channel: place.channel, thread_ts: place.threadTs } : { channel: place.channel };
}

/** Plain text, in the same place; a failure here is only logged. */
export async function apologise(client: webApi.WebClient, place: Target, log: Logger, text = APOLOGY): Promise<void> {
  try {
    await client.chat.postMessage({ ...where(place), text });
  } catch (err) {
    sendFailed(err);
    log.error({ err, channel: place.channel }, 'could not post the apology either');
  }
}

/** Posts every message of an answer in its place, in order; returns the first one's ts. Throws what the Web API throws. */
export async function postMessages(client: webApi.WebClient, place: Target, messages: readonly SlackMessage[]): Promise<string | undefined> {
  let first: string | undefined;
  for (const m of messages) {
    const res = await client.chat.postMessage({ ...where(place), text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false, link_names: false });
    first ??= res.ts;
  }
  return first;
}

/**
 * Posts an answer; when Slack does not take it (after the client's retries), logs why and
 * apologises in the same place. Returns the first message's ts, or undefined when it failed.
 */
export async function postAnswer(client: webApi.WebClient, place: Target, messages: readonly SlackMessage[], log: Logger): Promise<string | undefined> {
  try {
    return await postMessages(client, place, messages);
  } catch (err) {
    sendFailed(err);
    log.error({ err, code: slackErrorCode(err), channel: place.channel }, 'could not post the answer');
    await apologise(client, place, log);
    return undefined;
  }
}

/** Ephemeral answers through a response_url (slash commands, clicks on ephemeral messages). */
export async function respondAnswer(respond: RespondFn, messages: readonly SlackMessage[], log: Logger): Promise<boolean> {
  try {
    for (const m of messages) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
    }
    return true;
  } catch (err) {
    sendFailed(err);
    log.error({ err }, 'could not respond with the answer');
    await respondText(respond, APOLOGY, log);
    return false;
  }
}

/** A short ephemeral note to the caller; a failure is only logged. */
export async function respondText(respond: RespondFn, text: string, log: Logger): Promise<void> {
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (err) {
    sendFailed(err);
    log.error({ err }, 'could not respond to the caller');
  }
}
