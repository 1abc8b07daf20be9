/** The App Home tab: how to use awsbot and the services it covers, published when a user opens it. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../home-view.js';
import type { ListenerDeps } from './deps.js';
import { sendFailed } from '../../send-failures.js';

export function onAppHomeOpened(deps: ListenerDeps) {
  const view = homeView(deps.bot.knowledge); // the knowledge does not change while running
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const log = deps.logger.child({ listener: 'app_home_opened' });
    try {
      await client.views.publish({ user_id: event.user, view });
    } catch (err) {
      sendFailed(err);
      log.error({ err }, 'could not publish the App Home');
    }
  };
}
