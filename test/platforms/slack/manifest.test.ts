import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND } from '../../../src/platforms/slack/command-usage.js';

const manifest = JSON.parse(readFileSync(new URL('../../../slack-manifest.json', import.meta.url), 'utf8'));

describe('slack-manifest.json', () => {
  it('asks only for the scopes the adapter uses', () => {
    // chat.postMessage → chat:write; /aws-compare → commands; app_mention → app_mentions:read; message.im → im:history.
    // views.publish and app_home_opened need none; nothing reads channels, opens DMs or looks users up.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('subscribes to exactly the events the listeners handle, with the command, interactivity, the Messages tab and Socket Mode on', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
