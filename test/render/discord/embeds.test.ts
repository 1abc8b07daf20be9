import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/answer/actions.js';
import type { Answer, Section } from '../../../src/core/answer/types.js';
import { actionFromCustomId, BLANK, clip, escapeText, FOLLOW_UP_PREFIX, renderAnswer, splitText, type DiscordMessage } from '../../../src/render/discord/embeds.js';
import { messageLimitViolations } from '../../helpers/discord-limits.js';
import { newBot } from '../../helpers/knowledge.js';

const bot = newBot();

function answer(partial: Partial<Answer>): Answer {
  return { kind: 'describe', title: 'A title', sections: [], notes: [], sources: [], followUps: [], ...partial };
}

/** Everything a reader sees, in order: descriptions and field values of every embed of every message. */
function visibleText(messages: DiscordMessage[]): string {
  return messages
    .flatMap((m) => m.embeds)
    .flatMap((e) => [e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])
    .join('\n');
}

function expectWithinLimits(messages: DiscordMessage[]) {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expect(messageLimitViolations(m)).toEqual([]);
}

describe('renderAnswer: a comparison', () => {
  const reply = bot.answerNow('difference between S3 and EC2');
  const messages = renderAnswer(reply.answer);
  const embed = messages[0]!.embeds[0]!;
  const fields = embed.fields ?? [];

  it('given S3 vs EC2, then one message whose embed has the title and the summary as description', () => {
    expect(messages).toHaveLength(1);
    expect(embed.title).toBe('Amazon S3 vs Amazon EC2');
    expect(embed.description).toContain('EC2 is compute');
    expectWithinLimits(messages);
  });

  it('then each side-by-side section is a full-width heading followed by one inline field per service', () => {
    const at = fields.findIndex((f) => f.name === 'Pricing');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(fields[at]!.inline).toBe(false);
    expect(fields.slice(at + 1, at + 3).map((f) => [f.name, f.inline])).toEqual([
      ['Amazon S3', true],
      ['Amazon EC2', true],
    ]);
    expect(fields[at + 1]!.value).toMatch(/^• /);
    expect(fields[at + 3]!.inline).toBe(false);
  });

  it('then bullet sections are full-width fields and the sources are links in a field and hosts in the footer', () => {
    const differences = fields.find((f) => f.name === 'Key differences')!;
    expect(differences.inline).toBe(false);
    expect(differences.value.split('\n').length).toBe(reply.answer.sections.find((s) => s.heading === 'Key differences')!.bullets!.length);
    const sources = fields.find((f) => f.name === 'Sources')!;
    for (const s of reply.answer.sources) expect(sources.value).toContain(`](${s.url})`);
    expect(embed.footer?.text).toMatch(/^Sources: .*docs\.aws\.amazon\.com/);
  });

  it('then every follow-up is a button whose custom id is the prefix and the action', () => {
    const buttons = messages[0]!.components.flatMap((r) => r.components);
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(reply.answer.followUps.map((f) => f.label));
    for (const [i, b] of buttons.entries()) {
      expect('custom_id' in b && b.custom_id).toBe(`${FOLLOW_UP_PREFIX}${reply.answer.followUps[i]!.action}`);
    }
  });
});

describe('renderAnswer: escaping', () => {
  it('given markdown, a masked link and a mention in the text, then they show as typed and link nowhere', () => {
    const messages = renderAnswer(
      answer({
        summary: 'Use **bold** and _x_ [click](https://evil.example) @everyone',
        sections: [{ heading: 'Ends *here*', bullets: ['# not a heading', '1. not a list', '`code`'] }],
      }),
    );
    const text = visibleText(messages);
    expect(text).toContain('\\*\\*bold\\*\\*');
    expect(text).toContain('\\_x\\_');
    expect(text).not.toMatch(/(?<!\\)\[click\]\(https/);
    expect(text).toContain('\\# not a heading');
    expect(text).toContain('1\\. not a list');
    expect(text).toContain('\\`code\\`');
    expect(escapeText('> quoted\n-# small')).toBe('\\> quoted\n\\-# small');
    expectWithinLimits(messages);
  });

  it('given a source title with brackets, then the masked link still has one label and one address', () => {
    const [m] = renderAnswer(answer({ sources: [{ title: 'FAQ [2024] (new)', url: 'https://aws.amazon.com/s3/faqs/(x)' }] }));
    const value = m!.embeds[0]!.fields!.find((f) => f.name === 'Sources')!.value;
    expect(value).toBe('• [FAQ \\[2024\\] (new)](https://aws.amazon.com/s3/faqs/%28x%29)');
  });
});

describe('renderAnswer: long answers', () => {
  const longBullet = (n: number, i: number) => `Bullet ${i}: ${'word '.repeat(n).trim()}.`;

  it('given more text than one message holds, then several messages, "(continued)" titles, buttons and footer only at the end, nothing lost', () => {
    const sections: Section[] = Array.from({ length: 30 }, (_, i) => ({ heading: `Section ${i}`, bullets: [longBullet(60, i), longBullet(40, i + 100)] }));
    const followUps = [{ label: 'Pricing', action: encodeAction({ intent: 'describe', services: ['s3'], aspect: 'pricing' }) }];
    const a = answer({ summary: 'S'.repeat(300), sections, sources: [{ title: 'S3 FAQs', url: 'https://aws.amazon.com/s3/faqs/' }], followUps });
    const messages = renderAnswer(a);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    expect(messages[0]!.embeds[0]!.title).toBe('A title');
    for (const m of messages.slice(1)) expect(m.embeds[0]!.title).toBe('A title (continued)');
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)!.components).toHaveLength(1);
    const footers = messages.flatMap((m) => m.embeds).filter((e) => e.footer);
    expect(footers).toHaveLength(1);
    expect(messages.at(-1)!.embeds.at(-1)!.footer?.text).toBe('Sources: aws.amazon.com');
    const text = visibleText(messages);
    let from = 0;
    for (const s of sections) {
      for (const b of s.bullets!) {
        const at = text.indexOf(b, from);
        expect(at, b.slice(0, 20)).toBeGreaterThanOrEqual(from);
        from = at;
      }
    }
  });

  it('given 30 short sections, then the 26th field starts a second embed of the same message', () => {
    const sections = Array.from({ length: 30 }, (_, i) => ({ heading: `H${i}`, bullets: [`b${i}`] }));
    const messages = renderAnswer(answer({ sections }));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.embeds.map((e) => e.fields?.length ?? 0)).toEqual([25, 5]);
    expectWithinLimits(messages);
  });

  it('given one bullet longer than a field, then it continues in fields with a blank name, every word kept', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const messages = renderAnswer(answer({ sections: [{ heading: 'Huge', bullets: [words.join(' ')] }] }));
    expectWithinLimits(messages);
    const fields = messages.flatMap((m) => m.embeds).flatMap((e) => e.fields ?? []);
    expect(fields[0]!.name).toBe('Huge');
    expect(fields.slice(1).every((f) => f.name === BLANK)).toBe(true);
    const seen = fields.flatMap((f) => f.value.replace(/^• /, '').split(/\s+/));
    expect(seen).toEqual(words);
  });

  it('given a column longer than a field, then it continues in a second row of inline fields', () => {
    const long = Array.from({ length: 8 }, (_, i) => longBullet(40, i));
    const messages = renderAnswer(answer({ sections: [{ heading: 'Pricing', columns: [{ heading: 'A', bullets: long }, { heading: 'B', bullets: ['short'] }] }] }));
    expectWithinLimits(messages);
    const fields = messages[0]!.embeds[0]!.fields!;
    expect(fields.map((f) => [f.name, f.inline])).toEqual([
      ['Pricing', false],
      ['A', true],
      ['B', true],
      [BLANK, false],
      [BLANK, true],
      [BLANK, true],
    ]);
    expect(fields[5]!.value).toBe(BLANK);
  });
});

describe('follow-up buttons', () => {
  it('given too many, duplicate, over-long or unusable follow-ups, then at most 5 rows of 5 valid buttons', () => {
    const action = (i: number) => encodeAction({ intent: 'describe', services: ['s3'], aspect: null }) + i;
    const followUps = [
      { label: 'x'.repeat(120), action: action(0) },
      { label: 'duplicate', action: action(0) },
      { label: 'too long id', action: 'a'.repeat(95) },
      { label: '   ', action: action(1) },
      ...Array.from({ length: 40 }, (_, i) => ({ label: `L${i}`, action: action(i + 2) })),
    ];
    const [m] = renderAnswer(answer({ followUps }));
    expect(messageLimitViolations(m!)).toEqual([]);
    expect(m!.components).toHaveLength(5);
    const buttons = m!.components.flatMap((r) => r.components);
    expect(buttons).toHaveLength(25);
    expect('label' in buttons[0]! && buttons[0].label).toBe(`${'x'.repeat(79)}…`);
    expect(buttons.some((b) => 'label' in b && b.label === 'duplicate')).toBe(false);
    expect(buttons.some((b) => 'label' in b && b.label === 'too long id')).toBe(false);
  });

  it('the custom id gives the action back, and nothing for other ids', () => {
    const a = encodeAction({ intent: 'compare', services: ['s3', 'ec2'], aspect: 'pricing' });
    expect(actionFromCustomId(`${FOLLOW_UP_PREFIX}${a}`)).toBe(a);
    expect(actionFromCustomId('other:compare|s3,ec2|')).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('clip keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('one two three four', 12)).toBe('one two…');
    expect(clip('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('splitText never exceeds the size, breaks between lines first and never ends a piece on a lone backslash', () => {
    expect(splitText('aa\nbb\ncc', 5)).toEqual(['aa\nbb', 'cc']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 8, max: 1024 }), (raw, max) => {
        const s = escapeText(raw);
        const pieces = splitText(s, max);
        for (const p of pieces) {
          expect(p.length).toBeLessThanOrEqual(max);
          expect((/\\+$/.exec(p)?.[0].length ?? 0) % 2).toBe(0);
        }
        expect(pieces.join('').replace(/\s/g, '')).toBe(s.replace(/\s/g, ''));
      }),
      { numRuns: 200 },
    );
  });
});

describe('renderAnswer: any answer at all', () => {
  // 'medium' sizes reach past one message's 6,000 characters in most runs; 'small' never would.
  const size = 'medium' as const;
  const str = (max: number) => fc.string({ unit: 'grapheme', maxLength: max, size });
  const bullets = fc.array(str(1500), { maxLength: 12, size });
  const section = fc.record(
    { heading: str(400), text: str(5000), bullets, columns: fc.array(fc.record({ heading: str(300), bullets }), { maxLength: 4, size }) },
    { requiredKeys: ['heading'] },
  );
  const link = fc.record({ title: str(300), url: fc.oneof(fc.webUrl(), str(100)) });
  const followUp = fc.record({ label: str(120), action: str(120) });
  const anyAnswer = fc.record({
    kind: fc.constant('compare' as const),
    title: str(600),
    summary: fc.option(str(9000), { nil: undefined }),
    sections: fc.array(section, { maxLength: 40, size }),
    notes: fc.array(str(800), { maxLength: 5, size }),
    sources: fc.array(link, { maxLength: 40, size }),
    followUps: fc.array(followUp, { maxLength: 40, size }),
  });

  it('given random answers of any size and content, then every message fits every Discord limit', () => {
    let split = 0;
    fc.assert(
      fc.property(anyAnswer, (a) => {
        const messages = renderAnswer(a);
        expectWithinLimits(messages);
        expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
        if (messages.length > 1) split++;
      }),
      { numRuns: 150 },
    );
    expect(split).toBeGreaterThan(20); // the property was tried on answers that needed splitting
  });
});
