import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { startSlack } from '../../../src/platforms/slack/app.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../../helpers/fake-slack.js';
import { newBot } from '../../helpers/knowledge.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await FakeSlack.start();
});
afterEach(async () => {
  await fake.close();
});

const start = (env: Record<string, string>) =>
  startSlack({ config: loadConfig({ SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1', PORT: '0', ...env }), bot: newBot(), logger: silentLogger(), client: { retryConfig: { retries: 0 } } });

describe('starting the Slack adapter', () => {
  it('given a bot token Slack refuses, then it stops with a clear reason, before listening', async () => {
    await expect(start({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SIGNING_SECRET })).rejects.toThrow(/did not accept the bot token \(auth\.test: invalid_auth\)/);
    expect(fake.callsOf('auth.test')).toHaveLength(1);
  });

  it('given an app-level token Slack refuses, then Socket Mode does not start', async () => {
    await expect(start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-revoked' })).rejects.toThrow(/did not accept the app-level token \(apps\.connections\.open: invalid_auth\)/);
    expect(fake.socketCount).toBe(0);
  });

  it('given no Slack configuration, then it says what to set', async () => {
    await expect(startSlack({ config: loadConfig({}), bot: newBot(), logger: silentLogger() })).rejects.toThrow(/SLACK_BOT_TOKEN/);
  });
});
