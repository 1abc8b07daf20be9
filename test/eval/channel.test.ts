/**
 * Answer-level regression gate on the project's own channel questions (written by people who never
 * saw the answer bank). Rounds 1-7 and the follow-up set have been tuned on (content was written for
 * their misses), so each must stay at 85% or more (the follow-up set, conversations only, at 80%).
 * Rounds 8-10 have never been tuned on: they estimate unseen questions, and may not fall below what
 * they scored when this gate was set (346/470, 73.6%, on 2026-12-06; first contact 68.8%, 72.7%, 68.7%).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readChannelQuestions, scoreChannel } from '../../src/cli/channel-score.js';
import { newBot } from '../helpers/knowledge.js';

const file = (name: string) => fileURLToPath(new URL(`./channel/${name}`, import.meta.url));
const bot = newBot();

async function score(names: string[]) {
  let rows = 0;
  let passed = 0;
  const misses: string[] = [];
  for (const name of names) {
    const s = await scoreChannel(bot, readChannelQuestions(file(name)), name);
    rows += s.rows;
    passed += s.passed;
    misses.push(...s.misses.map((m) => `${m.id}: ${m.text}`));
  }
  return { rows, share: passed / rows, misses: misses.slice(0, 30).join('\n') };
}

describe('channel questions answered on the first screen', () => {
  it.each([
    ['round1.jsonl', 305, 0.85],
    ['round2.jsonl', 220, 0.85],
    ['round3.jsonl', 240, 0.85],
    ['round4.jsonl', 200, 0.85],
    ['round5.jsonl', 180, 0.85],
    ['round6.jsonl', 180, 0.85],
    ['round7.jsonl', 170, 0.85],
    ['followups1.jsonl', 110, 0.8],
  ] as const)('%s (tuned on): at least its bar', async (name, rows, bar) => {
    const s = await score([name]);
    expect(s.rows).toBe(rows);
    expect(s.share, s.misses).toBeGreaterThanOrEqual(bar);
  }, 120_000);

  it('rounds 8-10 (never tuned on): at least 72%', async () => {
    const s = await score(['round8.jsonl', 'round9.jsonl', 'round10.jsonl']);
    expect(s.rows).toBe(470);
    expect(s.share, s.misses).toBeGreaterThanOrEqual(0.72);
  }, 120_000);
});
