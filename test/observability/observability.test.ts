import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runMisses } from '../../src/cli/misses.js';
import { createLogger } from '../../src/log.js';
import { healthRoutes } from '../../src/observability/health.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createMissLog } from '../../src/observability/misses.js';
import { InFlight, observeBot } from '../../src/observability/observed-bot.js';
import { newBot } from '../helpers/knowledge.js';

function sink() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _e, done) {
      String(chunk).split('\n').filter(Boolean).forEach((l) => lines.push(JSON.parse(l)));
      done();
    },
  });
  return { stream, lines };
}

describe('observed bot', () => {
  it('counts questions by platform and intent, times them, logs a request id but not the text at info level', async () => {
    const metrics = createMetrics({ defaults: false });
    const { stream, lines } = sink();
    const bot = observeBot(newBot(), { platform: 'slack', metrics, logger: createLogger('info', stream) });
    await bot.ask('S3 vs EC2 my-secret-project');
    await bot.ask('how do I make sourdough bread');
    const text = await metrics.registry.metrics();
    expect(text).toContain('awsbot_questions_total{platform="slack",intent="compare"} 1');
    expect(text).toContain('awsbot_unknown_questions_total{platform="slack",reason="out_of_scope"} 1');
    expect(text).toContain('awsbot_answer_seconds_count{platform="slack"} 2');
    expect(lines.every((l) => typeof l.requestId === 'string')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('my-secret-project');
  });

  it('waits for questions in flight', async () => {
    const inFlight = new InFlight();
    let release!: () => void;
    const work = inFlight.track(() => new Promise<void>((r) => (release = r)));
    expect(inFlight.size).toBe(1);
    expect(await inFlight.idle(20)).toBe(false);
    release();
    await work;
    expect(await inFlight.idle(20)).toBe(true);
  });
});

describe('questions not understood', () => {
  it('are appended without user or channel ids and summarised most frequent first', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'awsbot-misses-')), 'misses.jsonl');
    const misses = createMissLog(file);
    const bot = observeBot(newBot(), { platform: 'discord', metrics: createMetrics({ defaults: false }), logger: createLogger('silent'), misses });
    for (const q of ['how do I knit a scarf?', 'How do I knit a scarf', 'how do I make sourdough bread', 'S3 vs EC2']) await bot.ask(q, 'discord:dm:U123');
    await misses.flush();
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(JSON.stringify(lines)).not.toContain('U123');
    let out = '';
    const w = new Writable({ write: (c, _e, d) => ((out += String(c)), d()) });
    expect(await runMisses([file], w)).toBe(0);
    expect(out.split('\n')[1]).toMatch(/^\s+2\s+how do I knit a scarf\?/);
  });
});

describe('health routes', () => {
  it('serve /healthz, /readyz (503 until every check passes) and /metrics', async () => {
    const metrics = createMetrics({ defaults: false });
    let slackUp = false;
    const routes = healthRoutes(metrics, { checks: { knowledge: () => true, slack: () => slackUp } });
    const server = createServer((req, res) => routes.find((r) => r.path === req.url)!.handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ checks: { knowledge: true, slack: false } });
    slackUp = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('awsbot_questions_total');
    await new Promise((r) => server.close(r));
  });
});
