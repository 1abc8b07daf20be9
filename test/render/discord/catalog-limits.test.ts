/**
 * Every answer the catalog can produce, rendered for Discord, fits Discord's limits and loses
 * nothing: each service described with each aspect and without, each pair and each triple
 * compared with each aspect and without, and the conversational answers.
 */
import { describe, expect, it } from 'vitest';
import { encodeAction, type Action } from '../../../src/core/answer/actions.js';
import type { Answer } from '../../../src/core/answer/types.js';
import { ASPECTS } from '../../../src/knowledge/schema.js';
import { escapeText, renderAnswer, type DiscordMessage } from '../../../src/render/discord/embeds.js';
import { messageLimitViolations } from '../../helpers/discord-limits.js';
import { newBot } from '../../helpers/knowledge.js';

const bot = newBot();
const ids = bot.knowledge.catalog.map((s) => s.id);
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
  it(`the catalog has ${ids.length} services, so ${combinations(2).length} pairs and ${combinations(3).length} triples`, () => {
    expect(ids.length).toBe(20);
    expect(combinations(2)).toHaveLength(190);
  });

  it('each service described, with each aspect and without', async () => {
    const { failures, messages } = await check(ids.flatMap((id) => aspects.map((aspect): Action => ({ intent: 'describe', services: [id], aspect }))));
    expect(failures).toEqual([]);
    expect(messages).toHaveLength(ids.length * aspects.length);
  });

  it('each of the 190 pairs compared, with each aspect and without', async () => {
    const { failures, messages } = await check(combinations(2).flatMap((services) => aspects.map((aspect): Action => ({ intent: 'compare', services, aspect }))));
    expect(failures).toEqual([]);
    expect(messages).toHaveLength(190 * aspects.length);
  });

  it('each triple compared (the optional third service), with each aspect and without', async () => {
    const { failures } = await check(combinations(3).flatMap((services) => aspects.map((aspect): Action => ({ intent: 'compare', services, aspect }))));
    expect(failures).toEqual([]);
  });

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
