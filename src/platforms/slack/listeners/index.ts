/** Registers every Slack listener, one per file, on the Bolt app. */
import type { App } from '@slack/bolt';
import { FOLLOW_UP_ACTION_ID, SHARE_ACTION_ID } from '../../../render/slack/blocks.js';
import { COMMAND } from '../command-usage.js';
import { onAppHomeOpened } from './app-home-opened.js';
import { onAppMention } from './app-mention.js';
import { onAwsCompare } from './aws-compare.js';
import type { ListenerDeps } from './deps.js';
import { onDirectMessage } from './direct-message.js';
import { onFollowUp } from './follow-up.js';
import { onShare } from './share.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.event('app_mention', onAppMention(deps));
  app.event('message', onDirectMessage(deps));
  app.event('app_home_opened', onAppHomeOpened(deps));
  app.command(COMMAND, onAwsCompare(deps));
  app.action({ type: 'block_actions', action_id: FOLLOW_UP_ACTION_ID }, onFollowUp(deps));
  app.action({ type: 'block_actions', action_id: SHARE_ACTION_ID }, onShare(deps));
}
