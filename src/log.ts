/** Structured JSON logs (pino). Secrets are redacted wherever they might appear. */
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
];

export function createLogger(level = 'info', destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { app: 'awsbot' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}

/** A logger that discards everything, for tests and one-shot commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
