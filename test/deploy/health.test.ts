/** Start-up that orchestrators can trust: /healthz from the first moment, /readyz naming what is still connecting. */
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { startHangingServer, type HangingServer } from '../helpers/hanging-server.js';
import { startBotProcess, stopProcess, waitForStatus, type BotProcess } from '../helpers/processes.js';
import { freePort } from '../helpers/redis.js';

describe('while a platform is still connecting', () => {
  let proc: BotProcess | undefined;
  let api: HangingServer | undefined;
  afterEach(async () => {
    if (proc) await stopProcess(proc, 'SIGKILL');
    await api?.close();
    proc = api = undefined;
  });

  const readiness = async (base: string) => {
    const r = await fetch(`${base}/readyz`);
    return { status: r.status, body: (await r.json()) as { checks: Record<string, boolean>; waiting: string[] } };
  };

  it('given Discord only, with a login that hangs, then /healthz is served, /readyz is 503 naming discord, the wait is logged, and SIGTERM still exits 0', async () => {
    api = await startHangingServer('/api');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    proc = startBotProcess({ DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: api.url, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' });
    await waitForStatus(`${base}/healthz`, 200, 10_000, proc);
    // The login has reached Discord (and hangs there): readiness names what it waits for.
    await proc.waitForLog((l) => l.msg === 'connecting to Discord', 'the connecting log line');
    await api.connected;
    await waitForStatus(`${base}/readyz`, 503, 10_000, proc);
    const { body } = await readiness(base);
    expect(body.checks).toEqual({ knowledge: true, discord: false });
    expect(body.waiting).toEqual(['discord']);
    const { code, ms } = await stopProcess(proc);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });

  it('given Slack in HTTP mode, with auth.test that hangs, then /healthz is served, /readyz is 503 naming slack, and Slack\'s events get 503 to retry', async () => {
    api = await startHangingServer('/api/');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    proc = startBotProcess({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' });
    await waitForStatus(`${base}/healthz`, 200, 10_000, proc);
    await proc.waitForLog((l) => l.msg === 'connecting to Slack', 'the connecting log line');
    await api.connected;
    await waitForStatus(`${base}/readyz`, 503, 10_000, proc);
    const { body } = await readiness(base);
    expect(body.checks).toEqual({ knowledge: true, slack: false });
    expect(body.waiting).toEqual(['slack']);
    const event = await fetch(`${base}/slack/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(event.status).toBe(503);
  });
});
