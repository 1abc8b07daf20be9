/**
 * Answer-level regression gate on the project's own channel questions (written by people who never
 * saw the answer bank): the share answered on the first screen may not fall below what was
 * measured when the gate was set (round 1 + round 2: 363/525, 69.1%, 2026-12-05). Raise the floor
 * as the figure rises; the goal is 85%.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readChannelQuestions, scoreChannel } from '../../src/cli/channel-score.js';
import { newBot } from '../helpers/knowledge.js';

const file = (name: string) => fileURLToPath(new URL(`./channel/${name}`, import.meta.url));
const FLOOR = 0.68;

describe('channel questions answered on the first screen', () => {
  it(`round 1 and round 2 together: at least ${FLOOR * 100}%`, async () => {
    const bot = newBot();
    let rows = 0;
    let passed = 0;
    const misses: string[] = [];
    for (const name of ['round1.jsonl', 'round2.jsonl']) {
      const s = await scoreChannel(bot, readChannelQuestions(file(name)), name);
      rows += s.rows;
      passed += s.passed;
      misses.push(...s.misses.map((m) => `${m.id}: ${m.text}`));
    }
    expect(rows).toBe(525);
    expect(passed / rows, misses.slice(0, 30).join('\n')).toBeGreaterThanOrEqual(FLOOR);
  });
});
