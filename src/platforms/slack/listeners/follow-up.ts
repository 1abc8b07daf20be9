/**
 * A follow-up button ("Pricing", "Compare with Lambda"): answered where the button is, in the same
 * thread or DM and continuing its conversation; on an ephemeral answer, ephemerally again.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/slack/blocks.js';
import { answerAction } from '../answer-action.js';
import { commandConversation, placeOfMessage } from '../conversation-key.js';
import { readButtonClick } from '../payloads.js';
import { postAnswer, respondAnswer, respondText } from '../reply.js';
import type { ListenerDeps } from './deps.js';

export const STALE_BUTTON = 'Sorry, that button no longer works. Ask me again, or try /aws-compare.';

export function onFollowUp(deps: ListenerDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const log = deps.logger.child({ listener: 'follow_up' });
    try {
      const click = readButtonClick(body);
      if (!click?.channel) {
        log.warn('follow-up click without a channel ignored');
        return;
      }
      const place = !click.ephemeral && click.message ? placeOfMessage(click.team, { channel: click.channel, ...click.message }) : undefined;
      const conversation = place?.conversation ?? commandConversation(click.team, click.channel, click.user.id);
      const reply = await deps.bot.act(click.value, conversation);
      if (!reply) {
        log.warn({ value: click.value.slice(0, 100) }, 'unknown follow-up action');
        if (respond) await respondText(respond, STALE_BUTTON, log);
        return;
      }
      const u = reply.understanding;
      log.info({ intent: u.intent, services: u.services, aspect: u.aspect, ephemeral: click.ephemeral, channel: click.channel }, 'answering follow-up');
      if (place) await postAnswer(client, place, renderAnswer(reply.answer), log);
      else if (respond) await respondAnswer(respond, renderAnswer(reply.answer, { share: answerAction(u) }), log);
    } catch (err) {
      log.error({ err }, 'follow-up listener failed');
    }
  };
}
