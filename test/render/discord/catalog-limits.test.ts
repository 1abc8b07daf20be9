/**
 * Every kind of answer the catalog can produce, rendered for Discord, fits Discord's limits and
 * loses nothing: each fully profiled service described with each aspect and without, each pair of
 * them compared (without an aspect and with one, in turn), a spread of triples, every other
 * service from the directory, mixed comparisons, the answer bank's entries, and the conversational
 * answers.
 */
import { describe, expect, it } from 'vitest';
import { encodeAction, type Action } from '../../../src/core/answer/actions.js';
import type { Answer } from '../../../src/core/answer/types.js';
import { ASPECTS } from '../../../src/knowledge/schema.js';
import { escapeText, renderAnswer, type DiscordMessage } from '../../../src/render/discord/embeds.js';
import { messageLimitViolations } from '../../helpers/discord-limits.js';
import { newBot } from '../../helpers/knowledge.js';

const bot = newBot();
const k = bot.knowledge;
const ids = k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id);
const directoryOnly = k.catalog.filter((s) => !k.profiles.has(s.id)).map((s) => s.id);
const aspects = [null, ...ASPECTS];

function combinations(size: number): string[][] {
  const out: string[][] = [];
  const pick = (start: number, chosen: string[]) => {
    if (chosen.length === size) return void out.push(chosen);
    for (let i = start; i < ids.length; i++) pick(i + 1, [...chosen, ids[i]!]);
  };
  pick(0, []);
  return out;
}

async function answerOf(action: Action): Promise<Answer> {
  const reply = await bot.act(encodeAction(action));
  if (!reply) throw new Error(`no answer for ${encodeAction(action)}`);
  return reply.answer;
}

function problemsOf(answer: Answer, messages: DiscordMessage[]): string[] {
  const problems = messages.flatMap((m, i) => messageLimitViolations(m).map((p) => `message ${i}: ${p}`));
  const text = messages.flatMap((m) => m.embeds).flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]).join('\n');
  const expected = [answer.summary ?? '', ...answer.sections.flatMap((s) => [s.text ?? '', ...(s.bullets ?? []), ...(s.columns ?? []).flatMap((c) => c.bullets)])];
  for (const t of expected) if (t && !text.includes(escapeText(t))) problems.push(`lost: "${t.slice(0, 60)}"`);
  const buttons = messages.at(-1)!.components.flatMap((r) => r.components).length;
  if (buttons !== answer.followUps.length) problems.push(`${answer.followUps.length} follow-ups but ${buttons} buttons`);
  return problems;
}

async function check(actions: Action[]): Promise<{ failures: string[]; messages: number[] }> {
  const failures: string[] = [];
  const messages: number[] = [];
  for (const action of actions) {
    const answer = await answerOf(action);
    const rendered = renderAnswer(answer);
    messages.push(rendered.length);
    for (const p of problemsOf(answer, rendered)) failures.push(`${encodeAction(action)}: ${p}`);
  }
  return { failures, messages };
}

describe('every catalog answer fits Discord', () => {
  it(`the catalog has ${ids.length} fully profiled services (${combinations(2).length} pairs) and ${directoryOnly.length} more in the directory`, () => {
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(directoryOnly.length).toBeGreaterThan(150);
  });

  it('each fully profiled service described, with each aspect and without', async () => {
    const { failures, messages } = await check(ids.flatMap((id) => aspects.map((aspect): Action => ({ intent: 'describe', services: [id], aspect }))));
    expect(failures).toEqual([]);
    expect(messages).toHaveLength(ids.length * aspects.length);
  });

  it('every other service described from the directory', async () => {
    const { failures } = await check(directoryOnly.map((id): Action => ({ intent: 'describe', services: [id], aspect: null })));
    expect(failures).toEqual([]);
  });

  it('each pair compared without an aspect and with one (aspects in turn)', async () => {
    const pairs = combinations(2);
    const { failures, messages } = await check(
      pairs.flatMap((services, i) => [{ intent: 'compare', services, aspect: null }, { intent: 'compare', services, aspect: ASPECTS[i % ASPECTS.length]! }] as Action[]),
    );
    expect(failures).toEqual([]);
    expect(messages).toHaveLength(pairs.length * 2);
  });

  it('a spread of triples (every service in several), and mixed comparisons with directory services', async () => {
    const n = ids.length;
    const triples = ids.flatMap((id, i) => [
      [id, ids[(i + 1) % n]!, ids[(i + 2) % n]!],
      [id, ids[(i + 5) % n]!, ids[(i + 11) % n]!],
    ]);
    const mixed = directoryOnly.filter((_, i) => i % 7 === 0).map((id, i) => [ids[i % n]!, id]);
    const { failures } = await check([
      ...triples.map((services, i): Action => ({ intent: 'compare', services, aspect: aspects[i % aspects.length]! })),
      ...mixed.map((services): Action => ({ intent: 'compare', services, aspect: null })),
    ]);
    expect(failures).toEqual([]);
  });

  it('every answer-bank entry, asked by its first phrasing', async () => {
    const failures: string[] = [];
    for (const entry of k.bank) {
      const { answer } = await bot.ask(entry.questions[0]!);
      for (const p of problemsOf(answer, renderAnswer(answer))) failures.push(`${entry.id}: ${p}`);
    }
    expect(failures).toEqual([]);
    // One answer per bank entry (1,400 and growing): on a loaded 2-core machine this takes minutes.
  }, 300_000);

  it('help, the service list, greetings, recommendations, clarifications and out-of-scope answers', async () => {
    const questions = ['help', 'list services', 'hi', 'thanks!', 'where should I store nightly database backups?', 'azure blob vs s3', 'what is the weather', 'ec3?', 'asdf qwerty'];
    const failures: string[] = [];
    for (const q of questions) {
      const { answer } = await bot.ask(q);
      for (const p of problemsOf(answer, renderAnswer(answer))) failures.push(`"${q}": ${p}`);
    }
    const list = await answerOf({ intent: 'list_services', services: [], aspect: null });
    for (const p of problemsOf(list, renderAnswer(list))) failures.push(`list: ${p}`);
    expect(failures).toEqual([]);
  });
});
