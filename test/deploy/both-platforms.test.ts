import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { startBotProcess, stopProcess, waitForStatus, type BotProcess } from '../helpers/processes.js';
import { freePort } from '../helpers/redis.js';
import { mentionEvent } from '../helpers/slack-payloads.js';

describe('one process serving Slack and Discord', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let proc: BotProcess;
  let base: string;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = startBotProcess({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    await waitForStatus(`${base}/readyz`, 200, 30_000, proc);
  }, 45_000);

  afterAll(async () => {
    if (proc) await stopProcess(proc);
    await slack?.close();
    await discord?.close();
  });

  it('is ready only with both connected, and answers on both', async () => {
    expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ checks: { knowledge: true, slack: true, discord: true } });
    await slack.sendEvent(`${base}/slack/events`, slack.eventEnvelope(mentionEvent('what is lamda?')));
    await slack.waitFor(() => slack.posted().length === 1, 'the Slack answer');
    discord.userSays({ content: 'S3 vs EC3', mentionBot: true });
    const sent = await discord.nextSent();
    expect(JSON.stringify(sent)).toContain('Amazon S3 vs Amazon EC2');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/awsbot_questions_total\{platform="slack",intent="describe"\} 1/);
    expect(metrics).toMatch(/awsbot_questions_total\{platform="discord",intent="compare"\} 1/);
  });

  it('counts an answer that could not be sent in awsbot_errors_total, by platform and reason', async () => {
    const before = slack.posted().length;
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await slack.sendEvent(`${base}/slack/events`, slack.eventEnvelope(mentionEvent('what is S3?')));
    // The answer is refused; the apology after it goes through.
    await slack.waitFor(() => slack.posted().length === before + 1, 'the apology', 10_000);
    discord.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    discord.userSays({ content: 'what is S3?', mentionBot: true });
    const apology = await discord.nextSent(undefined, 10_000);
    expect(apology.body.content).toMatch(/^Sorry/);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/awsbot_errors_total\{platform="slack",kind="send",reason="channel_not_found"\} 1\n/);
    expect(metrics).toMatch(/awsbot_errors_total\{platform="discord",kind="send",reason="discord_50013"\} 1\n/);
  });

  it('closes both connections and exits 0 on SIGTERM', async () => {
    const { code, ms } = await stopProcess(proc);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('one process configured for Slack and Discord, when one of them cannot start', () => {
  it('given Discord rejecting the token while Slack connects, then the process exits 1 (never half alive), saying why', async () => {
    const slack = await FakeSlack.start();
    const discord = await FakeDiscord.start();
    const port = await freePort();
    const proc = startBotProcess({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'a-token-discord-rejects',
      DISCORD_API_URL: discord.apiUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    try {
      const exited = await Promise.race([proc.exited, new Promise((r) => setTimeout(r, 15_000, 'still running after 15 s'))]);
      expect(exited).toBe(1);
      const fatal = proc.logs().find((l) => l.level === 60);
      expect(fatal).toMatchObject({ platform: 'discord', msg: 'Discord could not start: exiting' });
      expect(String(fatal!.err)).toMatch(/Discord rejected DISCORD_TOKEN/);
      expect(proc.output()).not.toContain('a-token-discord-rejects');
    } finally {
      await stopProcess(proc, 'SIGKILL');
      await slack.close();
      await discord.close();
    }
  }, 40_000);
});
