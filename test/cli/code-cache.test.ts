/**
 * The command line compiles its bundled chunks from the V8 code cache the build saved
 * (bin/code-cache.cjs), with the V8 flags it was recorded with (bin/v8-flags.cjs): the cache is
 * really used, and a cache V8 refuses changes nothing but speed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const QUESTION = 'how long does sqs keep messages';

/** Runs `awsbot ask` from the bin/ and dist/ under `base` through the code cache; its output and the cache's counts. */
function askThroughCache(base: string): { stdout: string; stats: { used: number; rejected: number; missing: number } } {
  const script = [
    // As bin/awsbot.cjs does: the flags first (the cache was recorded with them), then the cache.
    `require(${JSON.stringify(join(base, 'bin/v8-flags.cjs'))}).apply('ask');`,
    `const cache = require(${JSON.stringify(join(base, 'bin/code-cache.cjs'))});`,
    'cache.install();',
    "process.on('exit', () => process.stderr.write('STATS' + JSON.stringify(cache.stats) + '\\n'));",
    `process.argv = [process.argv[0], 'awsbot', 'ask', ${JSON.stringify(QUESTION)}];`,
    `require(${JSON.stringify(join(base, 'dist/bundle/main.cjs'))});`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  expect(r.status).toBe(0);
  return { stdout: r.stdout, stats: JSON.parse(/STATS(.*)/.exec(r.stderr)![1]!) };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the V8 flags of the command line', () => {
  it('turn the optimizing compiler off for short commands only, and the code cache knows it', () => {
    // cachedDataVersionTag() folds in the flags: it changes exactly when they do.
    const tags = (command: string) => {
      const script = `const v8 = require('node:v8'); const before = v8.cachedDataVersionTag(); require(${JSON.stringify(join(root, 'bin/v8-flags.cjs'))}).apply(${JSON.stringify(command)}); console.log(before !== v8.cachedDataVersionTag());`;
      return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 }).stdout.trim();
    };
    expect(tags('ask')).toBe('true');
    expect(tags('chat')).toBe('true');
    expect(tags('eval')).toBe('false');
    expect(tags('classify')).toBe('false');
    // The cache recorded at build matches only with the flags applied: without them V8 refuses it.
    const script = `const cache = require(${JSON.stringify(join(root, 'bin/code-cache.cjs'))}); cache.install(); process.argv = [process.argv[0], 'awsbot', 'ask', ${JSON.stringify(QUESTION)}]; process.on('exit', () => process.stderr.write('STATS' + JSON.stringify(cache.stats) + '\\n')); require(${JSON.stringify(join(root, 'dist/bundle/main.cjs'))});`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(JSON.parse(/STATS(.*)/.exec(r.stderr)![1]!).used).toBe(0);
  });
});

describe('the code cache of the bundled command line', () => {
  it('is saved by the build and used, answering exactly as compiling from source does', () => {
    const saved = readdirSync(join(root, 'dist/bundle')).filter((f) => f.endsWith('.v8cache'));
    expect(saved).toContain('main.cjs.v8cache');
    expect(saved.some((f) => f.startsWith('bot-'))).toBe(true);
    const { stdout, stats } = askThroughCache(root);
    expect(stats.used).toBeGreaterThanOrEqual(4);
    expect(stats.rejected).toBe(0);
    const plain = spawnSync(process.execPath, [join(root, 'dist/bundle/main.cjs'), 'ask', QUESTION], { encoding: 'utf8', timeout: 20_000 });
    expect(plain.status).toBe(0);
    expect(stdout).toBe(plain.stdout);
    expect(stdout).toMatch(/4 days/);
  });

  it('refused (damaged) or missing, only costs compiling: the answer is the same', () => {
    const base = mkdtempSync(join(tmpdir(), 'awsbot-code-cache-'));
    made.push(base);
    cpSync(join(root, 'bin'), join(base, 'bin'), { recursive: true });
    cpSync(join(root, 'dist'), join(base, 'dist'), { recursive: true, preserveTimestamps: true });
    symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'));
    symlinkSync(join(root, 'intents'), join(base, 'intents'));
    const bot = readdirSync(join(base, 'dist/bundle')).find((f) => f.startsWith('bot-') && f.endsWith('.cjs'))!;
    writeFileSync(join(base, 'dist/bundle', `${bot}.v8cache`), Buffer.alloc(4096, 7));
    rmSync(join(base, 'dist/bundle/main.cjs.v8cache'));
    expect(existsSync(join(base, 'dist/bundle/main.cjs.v8cache'))).toBe(false);
    const { stdout, stats } = askThroughCache(base);
    expect(stats.rejected).toBe(1);
    expect(stats.missing).toBe(1);
    expect(stdout).toBe(askThroughCache(root).stdout);
  });
});
