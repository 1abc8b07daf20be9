/**
 * `@awsbot difference between S3 and EC2` in a channel: answered in a thread under the question; a
 * mention inside that thread follows up on it. Bolt acknowledges events before listeners run.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from '../answer-question.js';
import { isDirectMessageChannel, mentionPlace } from '../conversation-key.js';
import { claimDelivery } from '../delivery.js';
import { isFromBotOrSystem, readMessage } from '../payloads.js';
import type { ListenerDeps } from './deps.js';

export function onAppMention(deps: ListenerDeps) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const log = deps.logger.child({ listener: 'app_mention', event_id: body.event_id });
    try {
      const m = readMessage(event);
      if (!m) {
        log.warn('app_mention event without channel or ts ignored');
        return;
      }
      // A mention in a DM also arrives as a DM message: the DM listener answers it.
      if (isDirectMessageChannel(m.channel) || isFromBotOrSystem(m, deps.botUserId)) return;
      const claim = await claimDelivery(deps.claims, { channel: m.channel, ts: m.ts });
      if (!claim) {
        log.info({ retryNum: context.retryNum, retryReason: context.retryReason }, 'repeated delivery ignored');
        return;
      }
      try {
        await answerQuestion(deps, client, mentionPlace(body.team_id, m), m.text ?? '', log.child({ channel: m.channel }));
      } finally {
        // Answered, or apologised for: repeats are dropped from now on. A crash before this frees the message when the lease ends.
        await claim.done();
      }
    } catch (err) {
      log.error({ err }, 'app_mention listener failed');
    }
  };
}
