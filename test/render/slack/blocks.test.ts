import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/answer/actions.js';
import type { Answer, Section } from '../../../src/core/answer/types.js';
import { ASPECTS, type Aspect } from '../../../src/knowledge/schema.js';
import { homeView } from '../../../src/platforms/slack/home-view.js';
import { FOLLOW_UP_ACTION_ID, renderAnswer, SHARE_ACTION_ID, type Block, type SlackMessage } from '../../../src/render/slack/blocks.js';
import { blockKitProblems, pingsIn, stringsIn } from '../../helpers/block-kit.js';
import { newBot, realKnowledge } from '../../helpers/knowledge.js';

const buttonsOf = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as { action_id: string; value: string; text: { text: string } }[];
const problemsOf = (messages: SlackMessage[]) => messages.flatMap((m, i) => blockKitProblems(m).map((p) => `message ${i}: ${p}`));

function answer(partial: Partial<Answer>): Answer {
  return { kind: 'compare', title: 'Title', sections: [], notes: [], sources: [], followUps: [], ...partial };
}

describe('the Block Kit validator used by these tests', () => {
  it('rejects what Slack rejects', () => {
    const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text } });
    const field = { type: 'mrkdwn' as const, text: 'x' };
    expect(blockKitProblems({ text: 't', blocks: [header('x'.repeat(151))] })).not.toEqual([]);
    expect(blockKitProblems({ text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).not.toEqual([]);
    expect(blockKitProblems({ text: 't', blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => field) }] })).not.toEqual([]);
    expect(blockKitProblems({ text: 't', blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'x'.repeat(2001) }] }] })).not.toEqual([]);
    expect(blockKitProblems({ text: 't', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] })).not.toEqual([]);
    expect(blockKitProblems({ text: 't', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi <!channel>' } }] })).not.toEqual([]);
    const button = (id: string) => ({ type: 'button', action_id: id, text: { type: 'plain_text', text: 'b' }, value: 'v' });
    expect(blockKitProblems({ text: 't', blocks: [{ type: 'actions', elements: [button('a'), button('a')] }] as Block[] })).not.toEqual([]);
    expect(blockKitProblems({ text: '', blocks: [header('ok')] })).not.toEqual([]);
    expect(blockKitProblems({ text: 't', blocks: [header('ok')] })).toEqual([]);
  });
});

describe('rendering an answer', () => {
  it('given a comparison, then header, full-width sections with each bullet labelled by its service, sources as links and follow-up buttons', async () => {
    const { answer: a } = await newBot().ask('difference between S3 and EC2');
    const messages = renderAnswer(a);
    expect(messages).toHaveLength(1);
    const [m] = messages as [SlackMessage];
    expect(problemsOf(messages)).toEqual([]);
    expect(m.text).toContain('Amazon S3 vs Amazon EC2');
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Amazon S3 vs Amazon EC2', emoji: true } });
    // Bullets of about 100 characters are long text: full width, not half-width fields.
    expect(m.blocks.some((b) => b.type === 'section' && Array.isArray(b.fields))).toBe(false);
    const texts = m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : [])).join('\n');
    for (const s of a.sections.filter((x) => x.columns)) {
      expect(texts).toContain(`*${s.heading}*`);
      for (const c of s.columns!) for (const bullet of c.bullets) expect(texts).toContain(`• *${c.heading.replace(/^(Amazon|AWS) /, '')}:* ${bullet.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
    }
    const context = m.blocks.filter((b) => b.type === 'context').flatMap((b) => stringsIn(b)).join(' ');
    for (const s of a.sources) expect(context).toContain(`<${s.url.replace(/&/g, '&amp;')}|`);
    const buttons = buttonsOf(m);
    expect(buttons.map((b) => b.value)).toEqual(a.followUps.map((f) => f.action));
    expect(buttons.map((b) => b.text.text)).toEqual(a.followUps.map((f) => f.label));
    for (const b of buttons) expect(b.action_id).toMatch(FOLLOW_UP_ACTION_ID);
    expect(m.blocks.at(-1)?.type).toBe('actions');
  });

  it('given columns of short key/value bullets, then side-by-side fields, ten to a block', () => {
    const columns = Array.from({ length: 12 }, (_, i) => ({ heading: `Service ${i}`, bullets: [`short ${i}`, 'from $0.02/GB'] }));
    const messages = renderAnswer(answer({ sections: [{ heading: 'Many', columns }] }));
    expect(problemsOf(messages)).toEqual([]);
    const fieldBlocks = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section' && b.fields) as { fields: { text: string }[] }[];
    expect(fieldBlocks.flatMap((b) => b.fields)).toHaveLength(12);
    expect(fieldBlocks.every((b) => b.fields.length <= 10)).toBe(true);
    expect(fieldBlocks[0]!.fields[0]!.text).toBe('*Service 0*\n• short 0\n• from $0.02/GB');
  });

  it('given a column with long or many bullets, then full-width text, split within 3000 characters, nothing lost', () => {
    const columns = [{ heading: 'Amazon S3', bullets: Array.from({ length: 30 }, (_, i) => `fact ${i} ${'x'.repeat(150)}`) }, { heading: 'AWS Lambda', bullets: ['short'] }];
    const messages = renderAnswer(answer({ sections: [{ heading: 'Many', columns }] }));
    expect(problemsOf(messages)).toEqual([]);
    const blocks = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section') as { text?: { text: string }; fields?: unknown[] }[];
    expect(blocks.some((b) => b.fields)).toBe(false);
    const all = blocks.map((b) => b.text!.text).join('\n');
    for (let i = 0; i < 30; i++) expect(all).toContain(`• *S3:* fact ${i} ${'x'.repeat(150)}`);
    expect(all).toContain('• *Lambda:* short');
  });

  it('given a share value, then "Post to channel" comes first and carries it', () => {
    const a = answer({ followUps: [{ label: 'Pricing', action: 'compare|s3,ec2|pricing' }] });
    const [m] = renderAnswer(a, { share: 'compare|s3,ec2|' }) as [SlackMessage];
    expect(buttonsOf(m).map((b) => [b.action_id, b.value])).toEqual([
      [SHARE_ACTION_ID, 'compare|s3,ec2|'],
      ['follow_up:0', 'compare|s3,ec2|pricing'],
    ]);
  });

  it('given more content than one message holds, then it continues in a second message with nothing lost, buttons last', () => {
    const sections: Section[] = Array.from({ length: 70 }, (_, i) => ({ heading: `Part ${i}`, bullets: [`point ${i}`] }));
    const a = answer({ sections, followUps: [{ label: 'Pricing', action: 'compare|s3,ec2|pricing' }] });
    const messages = renderAnswer(a);
    expect(messages).toHaveLength(2);
    expect(problemsOf(messages)).toEqual([]);
    const all = messages.flatMap((m) => stringsIn(m.blocks)).join('\n');
    for (let i = 0; i < 70; i++) expect(all).toContain(`*Part ${i}*\n• point ${i}`);
    expect(messages[0]!.blocks[0]!.type).toBe('header');
    expect(messages[1]!.blocks.some((b) => b.type === 'header')).toBe(false);
    expect(buttonsOf(messages[0]!)).toEqual([]);
    expect(buttonsOf(messages[1]!)).toHaveLength(1);
    expect(messages[1]!.text).toContain('continued');
  });

  it('given a very long section, then its text is split across section blocks, each within 3000 characters', () => {
    const bullets = Array.from({ length: 40 }, (_, i) => `${i} ${'word '.repeat(60)}`);
    const messages = renderAnswer(answer({ sections: [{ heading: 'Long', text: 'y '.repeat(2500), bullets }] }));
    expect(problemsOf(messages)).toEqual([]);
    const texts = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);
    expect(texts.length).toBeGreaterThan(4);
    expect(texts.join('\n')).toContain(`• 39 ${'word '.repeat(59)}word`);
  });

  it('given far too much, then at most three messages, marked as shortened, buttons kept', () => {
    const sections: Section[] = Array.from({ length: 400 }, (_, i) => ({ heading: `Part ${i}`, bullets: ['z'.repeat(400)] }));
    const messages = renderAnswer(answer({ sections, followUps: [{ label: 'Pricing', action: 'describe|s3|pricing' }] }));
    expect(messages).toHaveLength(3);
    expect(problemsOf(messages)).toEqual([]);
    expect(stringsIn(messages[2]!.blocks).join(' ')).toContain('shortened');
    expect(buttonsOf(messages[2]!)).toHaveLength(1);
  });

  it('for any answer, however long or hostile: valid Block Kit in at most three messages, pinging nobody', () => {
    const hostile = fc.constantFrom('<!channel>', '<!here>', '@everyone', '<@U0BOB>', '<!subteam^S1|@devs>', '&', '<', '>', '😀', '\n', '*', '|');
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.oneof(hostile, fc.string({ maxLength: 5 })), { maxLength: 20 }).map((p) => p.join('')),
      fc.string({ minLength: 500, maxLength: 4000 }),
    );
    const section: fc.Arbitrary<Section> = fc.record(
      {
        heading: text,
        text,
        bullets: fc.array(text, { maxLength: 12 }),
        columns: fc.array(fc.record({ heading: text, bullets: fc.array(text, { maxLength: 8 }) }), { maxLength: 13 }),
      },
      { requiredKeys: ['heading'] },
    );
    const arbitraryAnswer: fc.Arbitrary<Answer> = fc.record({
      kind: fc.constantFrom('compare', 'describe', 'help', 'clarify'),
      title: text,
      summary: fc.option(text, { nil: undefined }),
      sections: fc.array(section, { maxLength: 25 }),
      notes: fc.array(text, { maxLength: 14 }),
      sources: fc.array(fc.record({ title: text, url: fc.oneof(fc.webUrl(), text) }), { maxLength: 12 }),
      followUps: fc.array(fc.record({ label: text, action: fc.string({ maxLength: 2100 }) }), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(arbitraryAnswer, fc.option(fc.string({ minLength: 1, maxLength: 90 }), { nil: undefined }), (a, share) => {
        const messages = renderAnswer(a, { share, footer: 'Posted by @here <!channel>' });
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.length).toBeLessThanOrEqual(3);
        expect(problemsOf(messages)).toEqual([]);
        expect(pingsIn(messages)).toEqual([]);
        messages.slice(0, -1).forEach((m) => expect(buttonsOf(m)).toEqual([]));
      }),
      { numRuns: 150 },
    );
  });
});

describe('every answer the catalog can produce', () => {
  // Every fully profiled service described (each aspect and without), every directory service,
  // every pair compared (without an aspect and with one, in turn), a spread of triples (every
  // service in several), mixed comparisons and every answer-bank entry. All triples of 40
  // services with every aspect would be over 80,000 answers: more memory than a test worker has.
  it('renders within the Block Kit limits, with every follow-up as a button', async () => {
    const k = realKnowledge();
    const bot = newBot();
    const ids = k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id);
    const directoryOnly = k.catalog.filter((s) => !k.profiles.has(s.id)).map((s) => s.id);
    const n = ids.length;
    const aspects: (Aspect | null)[] = [null, ...ASPECTS];
    const actions: string[] = [];
    for (const aspect of aspects) for (const id of ids) actions.push(encodeAction({ intent: 'describe', services: [id], aspect }));
    for (const id of directoryOnly) actions.push(encodeAction({ intent: 'describe', services: [id], aspect: null }));
    let pairs = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const services = [ids[i]!, ids[j]!];
        actions.push(encodeAction({ intent: 'compare', services, aspect: null }), encodeAction({ intent: 'compare', services, aspect: ASPECTS[pairs++ % ASPECTS.length]! }));
      }
    }
    ids.forEach((id, i) => {
      actions.push(encodeAction({ intent: 'compare', services: [id, ids[(i + 1) % n]!, ids[(i + 2) % n]!], aspect: aspects[i % aspects.length]! }));
      actions.push(encodeAction({ intent: 'compare', services: [id, ids[(i + 5) % n]!, ids[(i + 11) % n]!], aspect: aspects[(i + 3) % aspects.length]! }));
    });
    directoryOnly.filter((_, i) => i % 7 === 0).forEach((id, i) => actions.push(encodeAction({ intent: 'compare', services: [ids[i % n]!, id], aspect: null })));
    actions.push(encodeAction({ intent: 'list_services', services: [], aspect: null }), encodeAction({ intent: 'help', services: [], aspect: null }));
    expect(n).toBeGreaterThanOrEqual(20);
    expect(actions.length).toBe(aspects.length * n + directoryOnly.length + n * (n - 1) + 2 * n + Math.ceil(directoryOnly.length / 7) + 2);
    const failures: string[] = [];
    const split: string[] = [];
    for (const action of actions) {
      const reply = await bot.act(action);
      if (!reply) {
        failures.push(`${action}: no answer`);
        continue;
      }
      const messages = renderAnswer(reply.answer, { share: action });
      const problems = [...problemsOf(messages), ...pingsIn(messages).map((p) => `ping: ${p}`)];
      if (messages.length > 1) {
        split.push(action);
        if (messages.length > 2) problems.push(`${messages.length} messages`);
        if (!messages.at(-1)!.blocks.some((b) => b.type === 'section')) problems.push('a continuation without content');
      }
      const values = messages.flatMap(buttonsOf).map((b) => b.value);
      if (JSON.stringify(values) !== JSON.stringify([action, ...reply.answer.followUps.map((f) => f.action)])) problems.push('buttons do not match the follow-ups');
      if (problems.length > 0) failures.push(`${action}: ${problems.join('; ')}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // Descriptions and two-service comparisons fit in one message; only the biggest three-way comparisons continue in a second.
    expect(split.filter((a) => !/^compare\|[^,|]+,[^,|]+,[^,|]+\|/.test(a))).toEqual([]);
  });

  it('and every answer-bank entry, asked by its first phrasing', async () => {
    const bot = newBot();
    const failures: string[] = [];
    for (const entry of bot.knowledge.bank) {
      const { answer: a } = await bot.ask(entry.questions[0]!);
      const messages = renderAnswer(a);
      for (const p of [...problemsOf(messages), ...pingsIn(messages).map((x) => `ping: ${x}`)]) failures.push(`${entry.id}: ${p}`);
      if (messages.length > 1) failures.push(`${entry.id}: ${messages.length} messages`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('and the App Home (help and the service list) fits in one view', () => {
    const view = homeView(realKnowledge());
    expect(blockKitProblems(view, 'view')).toEqual([]);
    const text = stringsIn(view.blocks).join(' ');
    expect(text).toContain('How to use awsbot');
    const k = realKnowledge();
    // Every fully profiled service by its plain name ("DynamoDB"), and the count of the others.
    for (const s of k.catalog.filter((c) => k.profiles.has(c.id))) expect(text).toContain(s.short.replace(/^(Amazon|AWS) /, ''));
    expect(text).toContain(`other ${k.catalog.length - k.profiles.size} AWS services`);
  });
});
