/** Price answers as Slack shows them: one message, a short lead, a few supporting lines. */
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/render/slack/blocks.js';
import { newBot } from '../helpers/knowledge.js';
import { slackLines } from '../helpers/slack-lines.js';

const QUESTIONS = [
  'how much is S3?',
  'what does a NAT gateway cost per month?',
  'which is cheaper for a small steady Postgres, RDS or Aurora?',
  'cost of 2 TB in S3 Standard per month',
  't3.medium running 24/7',
  'how much do 10 million Lambda invocations of 200 ms at 512 MB cost?',
  'how much is S3 in eu-west-1?',
  'how much does a route 53 hosted zone cost',
  'alb price per month',
  'cloudwatch logs ingestion price',
];

describe('price answers in a Slack channel', () => {
  const bot = newBot();
  it.each(QUESTIONS)('"%s" is one message of at most 20 Slack lines', async (q) => {
    const { answer } = await bot.ask(q);
    const messages = renderAnswer(answer);
    expect(messages).toHaveLength(1);
    expect(slackLines(messages)).toBeLessThanOrEqual(20);
  });
});
