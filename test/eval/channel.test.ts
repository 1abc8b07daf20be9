/**
 * Answer-level regression gate on the project's own channel questions (written by people who never
 * saw the answer bank). Rounds 1-7 and the follow-up set have been tuned on (content was written for
 * their misses), so each must stay at 85% or more (the follow-up set, conversations only, at 80%).
 * Rounds 8-10 and 12-16 have never been tuned on: they estimate unseen questions, and may not fall
 * below about what they score now (raised 2026-12-06 to just under rounds 8-10 390/470, 12-13 240/300,
 * 14-16 393/450; first contact of rounds 8-10: 68.8%, 72.7%, 68.7%). Round 11 and followups2
 * arrived later: their misses were studied for general fixes (no content written for them), so
 * they are gated just under their current 214/270.
 * followups3 (35 conversations), rounds 17-18, round 20 and followups5 are never tuned on either:
 * gated a little below their first contact. followups4 (38 conversations) and round 19 (40 other-cloud questions) are
 * studied for general fixes: gated just under what those fixes reached.
 */
import { readdirSync } from 'node:fs';
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
  const tuned = [
    ['round1.jsonl', 305, 0.85],
    ['round2.jsonl', 220, 0.85],
    ['round3.jsonl', 240, 0.85],
    ['round4.jsonl', 200, 0.85],
    ['round5.jsonl', 180, 0.85],
    ['round6.jsonl', 180, 0.85],
    ['round7.jsonl', 170, 0.85],
    ['followups1.jsonl', 110, 0.8],
  ] as const;
  it.each([
    ...tuned.map(([name, rows, bar]) => [`${name} (tuned on)`, [name], rows, bar] as const),
    ['rounds 8-10 (never tuned on)', ['round8.jsonl', 'round9.jsonl', 'round10.jsonl'], 470, 0.81],
    ['rounds 12 and 13 (never tuned on, added 2026-12-06; first contact 71.3% and 72.0%)', ['round12.jsonl', 'round13.jsonl'], 300, 0.78],
    ['rounds 14-16 (never tuned on, added 2026-12-06; first contact 76.0%, 78.7%, 88.7%)', ['round14.jsonl', 'round15.jsonl', 'round16.jsonl'], 450, 0.85],
    ['round 11 and the second follow-up set (their misses studied, first contact 69.3% and 77.5%)', ['round11.jsonl', 'followups2.jsonl'], 270, 0.77],
    ['the third follow-up set (never tuned on, added 2026-12-06; first contact 76.4%)', ['followups3.jsonl'], 123, 0.74],
    ['rounds 17 and 18 (never tuned on, added 2026-12-06; first contact 82.7% and 84.7%)', ['round17.jsonl', 'round18.jsonl'], 300, 0.81],
    ['the fourth follow-up set (its misses studied, first contact 74.0%)', ['followups4.jsonl'], 123, 0.72],
    ['round 19: other clouds and less common services (its misses studied, first contact 63.0%)', ['round19.jsonl'], 100, 0.75],
    ['round 20 and the fifth follow-up set (never tuned on, added 2026-12-06; first contact 86.0% and 76.7%)', ['round20.jsonl', 'followups5.jsonl'], 270, 0.79],
    ['the sixth follow-up set (its misses studied, first contact 61.7%)', ['followups6.jsonl'], 120, 0.64],
    ['rounds 21 and 22 (added 2026-12-06, their misses studied; first contact 84.7% and 90.7%)', ['round21.jsonl', 'round22.jsonl'], 300, 0.86],
    ['the seventh follow-up set (its misses studied, first contact 72.5%)', ['followups7.jsonl'], 120, 0.72],
    ['round 23 and the eighth follow-up set (never tuned on, added 2026-12-06; first contact 86.0% and 80.8%)', ['round23.jsonl', 'followups8.jsonl'], 270, 0.82],
    ['round 24: ML, mobile backend, security services (its misses studied, first contact 68.0%)', ['round24.jsonl'], 150, 0.78],
    ['the ninth follow-up set (never tuned on, added 2026-12-06; first contact 80.0%)', ['followups9.jsonl'], 100, 0.77],
    ['rounds 25 (fintech, long questions) and 27 (short #aws-help questions), never tuned on, added 2026-12-07; first contact 58.0% and 96.7%', ['round25.jsonl', 'round27.jsonl'], 300, 0.75],
    ['follow-up sets 10 and 12 (never tuned on, added 2026-12-07; first contact 75.6% and 75.0%)', ['followups10.jsonl', 'followups12.jsonl'], 247, 0.73],
    ['round 26 (media and IoT) and follow-up sets 11 and 13 (added 2026-12-07, misses studied; first contact 37.3%, 64.2%, 75.3%)', ['round26.jsonl', 'followups11.jsonl', 'followups13.jsonl'], 423, 0.68],
    ['rounds 28 (B2B SaaS #aws-help) and 30 (short channel questions), never tuned on, added 2026-12-07 (second stop); first contact 85.8% and 96.7%', ['round28.jsonl', 'round30.jsonl'], 240, 0.88],
    ['follow-up sets 16 (healthcare DMs) and 17 (short DMs), never tuned on, added 2026-12-07 (second stop); first contact 47.6% and 85.0%', ['followups16.jsonl', 'followups17.jsonl'], 224, 0.65],
    ['round 29 (retail peak season) and follow-up sets 14 and 15 (added 2026-12-07, second stop, misses studied; first contact 55.0%, 54.9%, 55.0%)', ['round29.jsonl', 'followups14.jsonl', 'followups15.jsonl'], 362, 0.72],
    ['round 31 (fintech platform team) and follow-up set 18 (mobile-app startup DMs), never tuned on, added 2026-12-07 (third stop); first contact 82.8% and 49.3%', ['round31.jsonl', 'followups18.jsonl'], 135, 0.63],
    ['round 32 (university research computing) and follow-up set 19 (Azure and on-prem migration), added 2026-12-07 (third stop), misses studied; first contact 71.9% and 51.4%', ['round32.jsonl', 'followups19.jsonl'], 134, 0.76],
    ['round 33 (e-commerce #aws-help) and follow-up set 20 (SaaS backend DMs), never tuned on, added 2026-12-07 (third stop, last); first contact 82.8% and 66.2%', ['round33.jsonl', 'followups20.jsonl'], 135, 0.68],
    ['round 34 (logistics platform #aws-help) and follow-up set 21 (gaming and insurance DMs), never tuned on, added 2026-12-07 (fourth stop); first contact 78.8% and 59.7% (at b4aecfc)', ['round34.jsonl', 'followups21.jsonl'], 157, 0.75],
    ['round 35 (media-streaming #platform-help) and follow-up set 22 (climate-data startup and bank cloud-team DMs), never tuned on, added 2026-12-07 (fifth stop); first contact 62.5% and 46.7% (at 650a220)', ['round35.jsonl', 'followups22.jsonl'], 155, 0.53],
    ['round 36 (mixed #aws-help, misses studied) and follow-up set 23 (fourteen threads, never tuned on), added 2026-12-07 (sixth stop); first contact 75.0% and 83.6% (at cfef1b4)', ['round36.jsonl', 'followups23.jsonl'], 115, 0.76],
    ['round 37 (logistics/IoT #aws-help) and follow-up set 24 (fintech and game-studio DMs, misses studied), added 2026-12-07 (sixth stop); first contact 81.7% and 50.9% (after the first 109 new bank entries)', ['round37.jsonl', 'followups24.jsonl'], 115, 0.64],
  ] as const)('%s: at least its bar', async (_label, names, rows, bar) => {
    const s = await score([...names]);
    expect(s.rows).toBe(rows);
    expect(s.share, s.misses).toBeGreaterThanOrEqual(bar);
  }, 120_000);

  // Issue 10's bar for the project's own sets, all of them together (6,730 of 7,813 on 2026-12-07, sixth stop);
  // the never-tuned ones alone, the estimate for unseen questions, are in the README.
  it('every set together: at least 85%', async () => {
    const fresh = newBot();
    let rows = 0;
    let passed = 0;
    for (const name of readdirSync(fileURLToPath(new URL('./channel/', import.meta.url))).filter((f) => f.endsWith('.jsonl')).sort()) {
      const s = await scoreChannel(fresh, readChannelQuestions(file(name)), name);
      rows += s.rows;
      passed += s.passed;
    }
    expect(rows).toBeGreaterThanOrEqual(7_813);
    expect(passed / rows).toBeGreaterThanOrEqual(0.85);
  }, 240_000);
});
