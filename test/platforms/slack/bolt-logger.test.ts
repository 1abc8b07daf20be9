import { PassThrough } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { boltLogger } from '../../../src/platforms/slack/bolt-logger.js';

function capture(level: string) {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach((l) => lines.push(JSON.parse(l))));
  return { log: createLogger(level, stream), lines };
}

describe("Bolt's logs", () => {
  it('go to the app logger as JSON lines, errors as err, tagged as the SDK', async () => {
    const { log, lines } = capture('info');
    const sdk = boltLogger(log);
    sdk.info('API Call failed due to rate limiting.', 'Will retry in', 1, 'seconds.');
    sdk.error(new Error('boom'), 'while posting');
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({ level: 30, component: 'slack-sdk', msg: 'API Call failed due to rate limiting. Will retry in 1 seconds.' });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'while posting', err: { message: 'boom' } });
  });

  it('follow LOG_LEVEL, whatever level Bolt asks for', async () => {
    const { log, lines } = capture('warn');
    const sdk = boltLogger(log);
    sdk.setLevel(LogLevel.DEBUG);
    sdk.debug('noise');
    sdk.info('noise');
    sdk.warn('kept');
    await new Promise((r) => setImmediate(r));
    expect(sdk.getLevel()).toBe(LogLevel.WARN);
    expect(lines.map((l) => l.msg)).toEqual(['kept']);
  });
});
