/**
 * Direct messages: the DM is one conversation, so "what about pricing?" and "how does it compare to
 * Lambda?" follow up on the last answer. Bolt acknowledges events before listeners run.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from '../answer-question.js';
import { directMessagePlace, isDirectMessageChannel } from '../conversation-key.js';
import { claimDelivery } from '../delivery.js';
import { isFromBotOrSystem, readMessage } from '../payloads.js';
import type { ListenerDeps } from './deps.js';

export function onDirectMessage(deps: ListenerDeps) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const log = deps.logger.child({ listener: 'message.im', event_id: body.event_id });
    try {
      const m = readMessage(event);
      if (!m) return; // message_deleted and similar carry no message of their own
      const inDm = m.channel_type ? m.channel_type === 'im' : isDirectMessageChannel(m.channel);
      if (!inDm || isFromBotOrSystem(m, deps.botUserId)) return;
      const claim = await claimDelivery(deps.claims, { channel: m.channel, ts: m.ts });
      if (!claim) {
        log.info({ retryNum: context.retryNum, retryReason: context.retryReason }, 'repeated delivery ignored');
        return;
      }
      try {
        await answerQuestion(deps, client, directMessagePlace(body.team_id, m), m.text ?? '', log.child({ channel: m.channel }));
      } finally {
        // Answered, or apologised for: repeats are dropped from now on. A crash before this frees the message when the lease ends.
        await claim.done();
      }
    } catch (err) {
      log.error({ err }, 'direct message listener failed');
    }
  };
}
