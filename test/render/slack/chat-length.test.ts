import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/answer/actions.js';
import { ASPECTS } from '../../../src/knowledge/schema.js';
import { renderAnswer, type SlackMessage } from '../../../src/render/slack/blocks.js';
import { stringsIn } from '../../helpers/block-kit.js';
import { newBot, realKnowledge } from '../../helpers/knowledge.js';
import { blockLines, CHANNEL_CHARS, displayed, slackLines, wrappedLines } from '../../helpers/slack-lines.js';

// How many lines a reader scrolls through in a Slack channel: the model is explained in
// test/helpers/slack-lines.ts (a 100-character full-width line, half-width fields side by side,
// a header 1.5 lines, button rows 2 lines).

describe('the Slack line model', () => {
  it('wraps at word boundaries, counts fields side by side, headers, context and button rows', () => {
    expect(wrappedLines('a'.repeat(CHANNEL_CHARS), CHANNEL_CHARS)).toBe(1);
    expect(wrappedLines(`${'a'.repeat(60)} ${'b'.repeat(60)}`, CHANNEL_CHARS)).toBe(2);
    expect(wrappedLines('one\ntwo\nthree', CHANNEL_CHARS)).toBe(3);
    expect(displayed('*Amazon S3* <https://aws.amazon.com/s3/|S3 FAQs> &amp;')).toBe('Amazon S3 S3 FAQs &');
    expect(blockLines({ type: 'header', text: { text: 'Amazon S3 vs Amazon EC2' } })).toBe(2);
    // Two fields in a row take as many lines as the taller one.
    expect(blockLines({ type: 'section', fields: [{ text: '*A*\n• one\n• two' }, { text: '*B*\n• one' }] })).toBe(3);
    const buttons = (n: number) => ({ type: 'actions', elements: Array.from({ length: n }, () => ({ text: { text: 'Limits and quotas' } })) });
    expect(blockLines(buttons(4))).toBe(2);
    expect(blockLines(buttons(9))).toBe(6);
  });
});

describe('answers that read well in a channel', () => {
  const bot = newBot();

  it('the S3/EC2 comparison covers every reference point in 40 Slack lines or fewer, in one message', async () => {
    const { answer } = await bot.ask('What is difference between S3 and EC3 AWS?');
    const messages = renderAnswer(answer);
    expect(messages).toHaveLength(1);
    const lines = slackLines(messages);
    expect(lines).toBeLessThanOrEqual(40);
    const text = displayed(stringsIn((messages[0] as SlackMessage).blocks).join('\n'));
    // The points of the reference answer (issue 12), and the better parts of the old one.
    expect(text).toContain('99.999999999%');
    expect(text).toMatch(/bucket policies/);
    expect(text).toMatch(/Block Public Access/);
    expect(text).toMatch(/images and video/);
    expect(text).toMatch(/web and app servers/i);
    expect(text).toMatch(/dev\/test/);
    expect(text).toMatch(/Auto Scaling/);
    expect(text).toMatch(/Load Balancing/);
    expect(text).toMatch(/instance type, Region and OS; EBS, data transfer and public IPv4/);
    expect(text).toMatch(/not mounted as a disk/);
    expect(text).toMatch(/Using them together/);
    expect(text.indexOf('EC2 is compute')).toBeLessThan(text.indexOf('Use cases'));
    // Every aspect in depth is a button away.
    const labels = messages[0]!.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => (e as { text: { text: string } }).text.text) : []));
    for (const label of ['Pricing', 'Use cases', 'Features', 'Limits and quotas', 'Security', 'Durability and availability']) expect(labels).toContain(label);
  });

  it('every general comparison of two profiled services fits one message of at most 55 lines; most within 45', async () => {
    const k = realKnowledge();
    const ids = k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id);
    const counts: number[] = [];
    const over: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const action = encodeAction({ intent: 'compare', services: [ids[i]!, ids[j]!], aspect: null });
        const messages = renderAnswer((await bot.act(action))!.answer);
        const n = slackLines(messages);
        counts.push(n);
        if (n > 55 || messages.length > 1) over.push(`${action}: ${n} lines in ${messages.length}`);
      }
    }
    expect(over).toEqual([]);
    counts.sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length * 0.9)]).toBeLessThanOrEqual(45);
  });

  it('every describe is at most 30 lines and every aspect answer at most 25', async () => {
    const k = realKnowledge();
    const over: string[] = [];
    for (const id of k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id)) {
      for (const aspect of [null, ...ASPECTS]) {
        const action = encodeAction({ intent: 'describe', services: [id], aspect });
        const n = slackLines(renderAnswer((await bot.act(action))!.answer));
        if (n > (aspect ? 25 : 30)) over.push(`${action}: ${n}`);
      }
    }
    expect(over).toEqual([]);
  });
});
