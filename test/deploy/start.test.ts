import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { fileURLToPath } from 'node:url';
import { MAIN, startBotProcess, stopProcess, waitForStatus } from '../helpers/processes.js';
import { freePort } from '../helpers/redis.js';
import { mentionEvent } from '../helpers/slack-payloads.js';

const runMain = (env: Record<string, string>) =>
  spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm start', () => {
  it('without a platform and without a terminal, exits with guidance on connecting Slack or Discord', () => {
    const r = runMain({});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stderr).toContain('DISCORD_TOKEN');
    expect(r.stderr).toContain('npx awsbot chat');
  });

  // `script` (util-linux) runs the bot on a pseudo-terminal, as a person at a terminal would.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('in a terminal without a platform, says how to connect one, then opens the terminal chat', () => {
    const r = spawnSync('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(MAIN)}`, '/dev/null'], {
      input: 'what is s3?\nexit\n',
      env: { PATH: process.env.PATH ?? '', TERM: 'dumb' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(0);
    const out = r.stdout.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
    expect(out).toMatch(/No Slack or Discord configured \(set SLACK_\* or DISCORD_\*/);
    expect(out).toContain('Amazon S3');
    expect(out).toContain('What it is for');
  });

  it('names every invalid variable in one message: no stack trace, no secret', () => {
    const r = runMain({ SLACK_BOT_TOKEN: 'xoxp-very-secret', PORT: 'http', DISCORD_APPLICATION_ID: '42x' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    expect(r.stderr).toMatch(/PORT: expected a port number/);
    expect(r.stderr).toMatch(/DISCORD_APPLICATION_ID/);
    expect(r.stderr).not.toContain('xoxp-very-secret');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a half-configured platform', () => {
    const r = runMain({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
  });
});

describe('a running bot (Slack HTTP mode against a stand-in Slack)', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('answers health, readiness and metrics; logs JSON with a request id, never the question text or a token', async () => {
    const port = await freePort();
    const proc = startBotProcess({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' });
    const base = `http://127.0.0.1:${port}`;
    await waitForStatus(`${base}/readyz`, 200, 25_000, proc);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await fake.sendEvent(`${base}/slack/events`, fake.eventEnvelope(mentionEvent('S3 vs EC2 for project-nightingale')));
    await fake.waitFor(() => fake.posted().length === 1, 'the answer', 10_000);
    const { code } = await stopProcess(proc);
    expect(code).toBe(0);
    const logs = proc.output().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const answered = logs.find((l) => l.msg === 'answered');
    expect(answered).toMatchObject({ platform: 'slack', intent: 'compare' });
    expect(typeof answered!.requestId).toBe('string');
    expect(proc.output()).not.toContain('project-nightingale');
    expect(proc.output()).not.toContain(BOT_TOKEN);
    expect(proc.output()).not.toContain(SIGNING_SECRET);
  }, 45_000);

  it('on SIGTERM stops taking questions, finishes the one in flight and exits within 10 seconds', async () => {
    const port = await freePort();
    const proc = startBotProcess({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' });
    const base = `http://127.0.0.1:${port}`;
    await waitForStatus(`${base}/readyz`, 200, 25_000, proc);
    fake.reset();
    // The answer's post is slowed by a rate limit, so it is still in flight when SIGTERM arrives.
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await fake.sendEvent(`${base}/slack/events`, fake.eventEnvelope(mentionEvent('what is SQS?')));
    await fake.waitFor(() => fake.callsOf('chat.postMessage').length === 1, 'the first, rate-limited post');
    const { code, ms } = await stopProcess(proc);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(fake.posted()).toHaveLength(1);
  }, 45_000);
});

describe('`npm start`, as the README tells people to run it', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  // npm runs the script through sh; the signal must reach node itself, and node must not outlive npm.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`given ${signal} sent to npm only, then node drains and exits, npm exits 0, and nothing is left listening`, async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const repo = fileURLToPath(new URL('../..', import.meta.url));
      const npm = startBotProcess(
        { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' },
        MAIN,
        repo,
        // Its own process group, as under a terminal or an orchestrator: npm does not get signals meant for the test runner.
        { command: { file: 'npm', args: ['start', '--silent'] }, detached: true },
      );
      try {
        await waitForStatus(`${base}/readyz`, 200, 25_000, npm);
        const { code, ms } = await stopProcess(npm, signal);
        expect(code).toBe(0);
        expect(ms).toBeLessThan(10_000);
        expect(npm.logs().find((l) => l.msg === 'shutting down: no new questions, finishing the ones in flight')).toMatchObject({ signal });
        expect(npm.logs().find((l) => l.msg === 'stopped')).toMatchObject({ exitCode: 0 });
        // node is gone with npm: nothing answers on its port any more.
        await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      } finally {
        // Whatever the outcome, nothing of this test may outlive it (node included, were it orphaned).
        try {
          process.kill(-npm.child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, 45_000);
  }
});
