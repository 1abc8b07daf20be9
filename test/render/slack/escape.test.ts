import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mrkdwnLink, safePlainText, splitText, truncate } from '../../../src/render/slack/escape.js';
import { mrkdwnProblems, pingsIn } from '../../helpers/block-kit.js';

const WJ = '\u2060';
/** What Slack shows for escaped mrkdwn: entities decoded, the invisible word joiner not seen. */
const shown = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replaceAll(WJ, '');

/** Text that looks like Slack markup as often as like words. */
const slackish = fc
  .array(fc.constantFrom('<!channel>', '<!here>', '<!everyone>', '<@U0BOB>', '<!subteam^S0DEVS|@devs>', '<#C0X|x>', '@here', '@channel', '@everyone', '&', '<', '>', '&amp;', 'S3', ' ', 'é', '😀', '*bold*', '<https://evil.example|click>'), { maxLength: 30 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(slackish, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('escaping for mrkdwn', () => {
  it('given mention, broadcast and link syntax, when escaped, then it is shown as typed and pings nobody', () => {
    const typed = '@everyone <!channel> <!here> <@U0BOB> <!subteam^S0DEVS|@devs> & <https://evil.example|x> @here';
    const escaped = escapeMrkdwn(typed);
    expect(escaped).toBe(`@${WJ}everyone &lt;!channel&gt; &lt;!here&gt; &lt;@U0BOB&gt; &lt;!subteam^S0DEVS|@devs&gt; &amp; &lt;https://evil.example|x&gt; @${WJ}here`);
    expect(pingsIn(escaped)).toEqual([]);
    expect(mrkdwnProblems(escaped)).toEqual([]);
    expect(shown(escaped)).toBe(typed);
  });

  it('for any text: no markup survives, nothing pings, and Slack shows exactly the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!text.includes(WJ));
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(pingsIn(escaped)).toEqual([]);
        expect(shown(escaped)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('plain text (headers, buttons)', () => {
  it('for any text: nothing pings, and it reads the same', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!text.includes(WJ));
        const safe = safePlainText(text);
        expect(pingsIn(safe)).toEqual([]);
        expect(safe.replaceAll(WJ, '')).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('links', () => {
  it('given an AWS page, then it is a Slack link with an escaped label', () => {
    expect(mrkdwnLink('https://aws.amazon.com/s3/pricing/?a=1&b=2', 'S3 <pricing> | FAQ')).toBe('<https://aws.amazon.com/s3/pricing/?a=1&amp;b=2|S3 &lt;pricing&gt; ¦ FAQ>');
  });

  it('given an address Slack could misread, then it is shown as text, not a link', () => {
    const text = mrkdwnLink('javascript:alert(1)|<!channel>', 'x');
    expect(text).not.toContain('<');
    expect(pingsIn(text)).toEqual([]);
  });
});

describe('truncate and split', () => {
  it('never exceeds the limit, never cuts a surrogate pair or an entity, and keeps a prefix', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 120 }), (raw, max) => {
        const escaped = escapeMrkdwn(raw);
        const cut = truncate(escaped, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(mrkdwnProblems(cut)).toEqual([]);
        if (cut !== escaped) {
          expect(cut.endsWith('…')).toBe(true);
          expect(escaped.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('splits long text into pieces within the limit and loses nothing', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 8, max: 60 }), (raw, max) => {
        const escaped = escapeMrkdwn(raw);
        const pieces = splitText(escaped, max);
        for (const p of pieces) {
          expect(p.length).toBeLessThanOrEqual(max);
          expect(mrkdwnProblems(p)).toEqual([]);
        }
        expect(pieces.join('').replace(/ /g, '')).toBe(escaped.replace(/ /g, ''));
      }),
      { numRuns: 500 },
    );
  });
});
