/**
 * Wraps the core bot for one platform with what running it needs: metrics, the log of questions
 * not understood, a request id per question in the logs (never the text at info level), and a
 * count of questions in flight so shutdown can wait for them.
 */
import { randomUUID } from 'node:crypto';
import type { Bot, Reply } from '../core/bot.js';
import type { Logger } from '../log.js';
import type { Metrics } from './metrics.js';
import { missReason, type MissLog } from './misses.js';

export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) this.waiters.splice(0).forEach((w) => w());
    }
  }

  /** Resolves true when nothing is in flight, false if `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

export interface ObserveOptions {
  platform: string;
  metrics: Metrics;
  logger: Logger;
  misses?: MissLog;
  inFlight?: InFlight;
}

export function observeBot(bot: Bot, o: ObserveOptions): Bot {
  const log = o.logger.child({ platform: o.platform });
  const observe = async (kind: 'question' | 'button', work: () => Promise<Reply | undefined>): Promise<Reply | undefined> => {
    const requestId = randomUUID();
    const t0 = process.hrtime.bigint();
    try {
      const reply = await work();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (reply) {
        const u = reply.understanding;
        o.metrics.questions.inc({ platform: o.platform, intent: u.intent });
        o.metrics.latency.observe({ platform: o.platform }, seconds);
        const reason = missReason(u);
        if (reason) {
          o.metrics.unknown.inc({ platform: o.platform, reason });
          o.misses?.record(u);
        }
        log.info({ requestId, kind, intent: u.intent, services: u.services, aspect: u.aspect, confidence: Number(u.confidence.toFixed(3)), ms: Number((seconds * 1000).toFixed(3)) }, 'answered');
        log.debug({ requestId, text: u.text }, 'question text');
      }
      return reply;
    } catch (err) {
      o.metrics.errors.inc({ platform: o.platform, kind: 'answer', reason: 'exception' });
      log.error({ requestId, err }, 'answering failed');
      throw err;
    }
  };
  const track = <T>(work: () => Promise<T>) => (o.inFlight ? o.inFlight.track(work) : work());
  return {
    ...bot,
    ask: (text, conversation) => track(() => observe('question', () => bot.ask(text, conversation))) as Promise<Reply>,
    act: (action, conversation) => track(() => observe('button', () => bot.act(action, conversation))),
  };
}
