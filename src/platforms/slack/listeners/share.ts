/**
 * "Post to channel" under an ephemeral /aws-compare answer: the answer is rebuilt from the button's
 * value, posted to the channel for everyone, and the ephemeral copy removed. Mentions in the thread
 * under the shared answer follow up on it. If the bot may not post there, the caller is told how to fix it.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/slack/blocks.js';
import { COMMAND } from '../command-usage.js';
import { threadConversation } from '../conversation-key.js';
import { readButtonClick } from '../payloads.js';
import { APOLOGY, postMessages, respondText, slackErrorCode } from '../reply.js';
import type { ListenerDeps } from './deps.js';
import { sendFailed } from '../../send-failures.js';
import { STALE_BUTTON } from './follow-up.js';

/** Slack's answers when the bot cannot post in a conversation it was not invited to. */
const NOT_ALLOWED_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cant_post_in_channel']);
export const NOT_IN_CHANNEL = "I can't post in this conversation: invite me first (/invite @awsbot) and click again. The answer stays here for you.";

export function onShare(deps: ListenerDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const log = deps.logger.child({ listener: 'share' });
    try {
      const click = readButtonClick(body);
      if (!click?.channel) {
        log.warn('share click without a channel ignored');
        return;
      }
      const reply = await deps.bot.act(click.value);
      if (!reply) {
        if (respond) await respondText(respond, STALE_BUTTON, log);
        return;
      }
      const footer = `Posted by ${click.user.name ?? 'a teammate'} with ${COMMAND}`;
      let ts: string | undefined;
      try {
        ts = await postMessages(client, { channel: click.channel }, renderAnswer(reply.answer, { footer }));
      } catch (err) {
        sendFailed(err);
        const code = slackErrorCode(err);
        log.error({ err, code, channel: click.channel }, 'could not share the answer');
        if (respond) await respondText(respond, code && NOT_ALLOWED_HERE.has(code) ? NOT_IN_CHANNEL : APOLOGY, log);
        return;
      }
      const u = reply.understanding;
      if (ts && u.services.length > 0) {
        await deps.bot.store.set(threadConversation(click.team, click.channel, ts), { intent: u.intent, services: u.services, aspect: u.aspect });
      }
      log.info({ intent: u.intent, services: u.services, channel: click.channel }, 'answer shared');
      if (respond) {
        await respond({ delete_original: true }).catch((err: unknown) => log.warn({ err }, 'could not remove the ephemeral answer'));
      }
    } catch (err) {
      log.error({ err }, 'share listener failed');
    }
  };
}
