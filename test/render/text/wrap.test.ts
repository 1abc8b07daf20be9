import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/answer/types.js';
import { renderText } from '../../../src/render/text.js';

const answer = (summary: string): Answer => ({ kind: 'describe', title: 'T', summary, sections: [], notes: [], sources: [], followUps: [] });

describe('terminal wrapping', () => {
  it.each([
    ['up to 8,760 hours (365 days)', '(365 days)'],
    ['keeps it for 14 days', '14 days'],
    ['a limit of $0.10 per GB', '$0.10 per'],
    ['at most ~300 requests', '~300 requests'],
    ['Deep Archive has no Expedited tier', 'no Expedited'],
    ['HTTP APIs are not adjustable', 'not adjustable'],
  ])('keeps the quantity or negation in "%s" on one line wherever the line breaks', (quantity, whole) => {
    for (let pad = 0; pad < 60; pad++) {
      const lines = renderText(answer(`${'x'.repeat(pad)} ${quantity} and more words after it`), { width: 40 }).split('\n');
      expect(lines.some((l) => l.includes(whole)), `pad ${pad}:\n${lines.join('\n')}`).toBe(true);
    }
  });

  it('still breaks long prose within the width', () => {
    const lines = renderText(answer('word '.repeat(60).trim()), { width: 40 }).split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
  });
});
