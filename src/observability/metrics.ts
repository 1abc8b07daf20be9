/**
 * Prometheus metrics (prom-client): questions answered by platform and intent, answer latency,
 * errors (answering, and sends that failed after the client's retries, by reason), and questions
 * the bot did not understand.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly questions: Counter<'platform' | 'intent'>;
  readonly latency: Histogram<'platform'>;
  readonly errors: Counter<'platform' | 'kind' | 'reason'>;
  readonly unknown: Counter<'platform' | 'reason'>;
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'awsbot_' });
  return {
    registry,
    questions: new Counter({ name: 'awsbot_questions_total', help: 'Questions answered, by platform and understood intent', labelNames: ['platform', 'intent'], registers: [registry] }),
    latency: new Histogram({
      name: 'awsbot_answer_seconds',
      help: 'Time to understand a question and build its answer (before sending), by platform',
      labelNames: ['platform'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'awsbot_errors_total',
      help: 'Failures while answering (kind="answer") or sending an answer, apology or note (kind="send"), by platform and reason',
      labelNames: ['platform', 'kind', 'reason'],
      registers: [registry],
    }),
    unknown: new Counter({
      name: 'awsbot_unknown_questions_total',
      help: 'Questions the bot did not understand (low confidence or out of scope), by platform and reason',
      labelNames: ['platform', 'reason'],
      registers: [registry],
    }),
  };
}
