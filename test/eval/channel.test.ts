/**
 * Answer-level regression gate on the project's own channel questions (written by people who never
 * saw the answer bank). Rounds 1-4 have been tuned on (content was written for their misses), so they
 * must stay at 85% or more each (measured 2026-12-06: 93.4%, 95.0%, 94.6%, 98.0%). Rounds 5 and 6
 * have never been tuned on: they estimate unseen questions, and may not fall below what they scored
 * when this gate was set (143/180 and 137/180, 77.8% together; first contact 66.1% and 60.6%).
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
    ['round1.jsonl', 305],
    ['round2.jsonl', 220],
    ['round3.jsonl', 240],
    ['round4.jsonl', 200],
  ] as const)('%s (tuned on): at least 85%%', async (name, rows) => {
    const s = await score([name]);
    expect(s.rows).toBe(rows);
    expect(s.share, s.misses).toBeGreaterThanOrEqual(0.85);
  }, 120_000);

  it('rounds 5 and 6 (never tuned on): at least 77%', async () => {
    const s = await score(['round5.jsonl', 'round6.jsonl']);
    expect(s.rows).toBe(360);
    expect(s.share, s.misses).toBeGreaterThanOrEqual(0.77);
  }, 120_000);
});
