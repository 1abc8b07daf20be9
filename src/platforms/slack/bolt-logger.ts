/**
 * Bolt, its Web API client and its Socket Mode client log through this adapter into the app's pino
 * logger, so every line is structured JSON with the same redaction. LOG_LEVEL alone decides the level.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

function boltLevel(pinoLevel: string): LogLevel {
  if (pinoLevel === 'trace' || pinoLevel === 'debug') return LogLevel.DEBUG;
  if (pinoLevel === 'info') return LogLevel.INFO;
  if (pinoLevel === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

export function boltLogger(log: Logger, name = 'slack-sdk'): BoltLogger {
  let target = log.child({ component: name });
  const write =
    (level: Level) =>
    (...parts: unknown[]): void => {
      const err = parts.find((p): p is Error => p instanceof Error);
      const message = parts.filter((p) => !(p instanceof Error)).map(describe).join(' ');
      if (err) target[level]({ err }, message || err.message);
      else target[level](message);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // Bolt sets its own default level (info) on the logger it is given; LOG_LEVEL wins instead.
    setLevel: () => undefined,
    getLevel: () => boltLevel(target.level),
    setName: (n: string) => {
      target = log.child({ component: n });
    },
  };
}
