/**
 * `/aws-compare s3 ec2`, `/aws-compare s3 vs lambda pricing`, `/aws-compare ebs efs s3`: acknowledged
 * at once, then answered to the caller only (ephemeral) with a "Post to channel" button. The text
 * goes through the core, so typos are understood; anything that is not a comparison or a
 * description, an empty command or nonsense, gets the short usage help.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/slack/blocks.js';
import { answerAction, isComparisonAnswer } from '../answer-action.js';
import { compareUsageAnswer, type UsageReason } from '../command-usage.js';
import { commandConversation } from '../conversation-key.js';
import { MAX_COMMAND_TEXT_CHARS, readCompareCommand } from '../payloads.js';
import { APOLOGY, respondAnswer, respondText } from '../reply.js';
import type { ListenerDeps } from './deps.js';

export function onAwsCompare(deps: ListenerDeps) {
  return async ({ ack, body, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const log = deps.logger.child({ listener: 'command', command: body.command, channel: body.channel_id });
    const usage = (reason: UsageReason) => respondAnswer(respond, renderAnswer(compareUsageAnswer(deps.bot.knowledge, reason)), log);
    try {
      const reading = readCompareCommand(body);
      if (!reading.ok) {
        log.warn({ problem: reading.problem }, 'command not readable');
        await usage(reading.problem === 'too_long' ? { kind: 'too_long', max: MAX_COMMAND_TEXT_CHARS } : { kind: 'empty' });
        return;
      }
      const { command } = reading;
      if (!command.text) {
        await usage({ kind: 'empty' });
        return;
      }
      const conversation = commandConversation(command.team_id, command.channel_id, command.user_id);
      const { understanding: u, answer } = await deps.bot.ask(command.text, conversation);
      if (!isComparisonAnswer(u)) {
        log.info({ intent: u.intent, clarify: u.clarify }, 'command answered with usage help');
        await usage(u.intent === 'help' && !u.clarify ? { kind: 'empty' } : { kind: 'unreadable', text: command.text });
        return;
      }
      log.info({ intent: u.intent, services: u.services, aspect: u.aspect }, 'answering command');
      await respondAnswer(respond, renderAnswer(answer, { share: answerAction(u) }), log);
    } catch (err) {
      log.error({ err }, 'command listener failed');
      await respondText(respond, APOLOGY, log);
    }
  };
}
