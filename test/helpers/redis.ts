/**
 * A real Redis server for tests, on 127.0.0.1: the one named by AWSBOT_TEST_REDIS_URL (.ci/run
 * starts it), or one this helper starts from the redis-server binary when installed. Without
 * either, Redis tests are skipped and say so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from '@redis/client';

export interface TestRedis {
  url: string;
  /** Stops a server this helper started (to test Redis going away); undefined for an external one. */
  stop?: () => Promise<void>;
}

/** True when a redis-server binary can be started by the tests themselves. */
export function redisBinaryAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function redisAvailable(): { ok: boolean; why: string } {
  if (process.env.AWSBOT_TEST_REDIS_URL || redisBinaryAvailable()) return { ok: true, why: '' };
  return { ok: false, why: 'Redis tests skipped: no redis-server on PATH and AWSBOT_TEST_REDIS_URL unset (.ci/run installs and starts one)' };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForRedis(url: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const c = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 500 } });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.ping();
      await c.close();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`Redis at ${url} did not answer within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** A Redis of its own (so a test may stop it), or the shared external one. */
export async function startTestRedis(options: { own?: boolean; port?: number; args?: string[] } = {}): Promise<TestRedis> {
  if (process.env.AWSBOT_TEST_REDIS_URL && !options.own) {
    await waitForRedis(process.env.AWSBOT_TEST_REDIS_URL);
    return { url: process.env.AWSBOT_TEST_REDIS_URL };
  }
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(options.args ?? [])], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
