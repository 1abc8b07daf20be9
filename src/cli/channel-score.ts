/**
 * The answer-level measurement of ../shared/eval/README.md, in process: a channel question passes
 * when every `must` pattern matches the first 20 non-blank lines of the terminal answer. Turns of
 * one conversation share a conversation id, in order.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Bot } from '../core/bot.js';
import { renderText } from '../render/text.js';

const rowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  conversation: z.string().nullable().optional(),
  text: z.string(),
  must: z.array(z.string()).min(1),
  note: z.string().optional(),
});
export type ChannelQuestion = z.infer<typeof rowSchema>;

export const FIRST_SCREEN_LINES = 20;

export function readChannelQuestions(file: string): ChannelQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const row = rowSchema.safeParse(JSON.parse(l));
      if (!row.success) throw new Error(`${file} line ${i + 1}: ${row.error.issues[0]?.message}`);
      return row.data;
    });
}

export interface ChannelScore {
  rows: number;
  passed: number;
  byKind: Record<string, { n: number; ok: number }>;
  misses: { id: string; kind: string; text: string; missing: string[] }[];
}

/** The first screen of the terminal answer, as a reader in the channel sees it. */
export function firstScreen(answerText: string, lines = FIRST_SCREEN_LINES): string {
  return answerText
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, lines)
    .join('\n');
}

export async function scoreChannel(bot: Bot, rows: readonly ChannelQuestion[], namespace = 'channel'): Promise<ChannelScore> {
  const score: ChannelScore = { rows: rows.length, passed: 0, byKind: {}, misses: [] };
  for (const r of rows) {
    const reply = await bot.ask(r.text, `${namespace}:${r.conversation ?? r.id}`);
    const screen = firstScreen(renderText(reply.answer, { width: 100, color: false }));
    const missing = r.must.filter((m) => !new RegExp(m, 'i').test(screen));
    const k = (score.byKind[r.kind] ??= { n: 0, ok: 0 });
    k.n++;
    if (missing.length === 0) {
      k.ok++;
      score.passed++;
    } else score.misses.push({ id: r.id, kind: r.kind, text: r.text, missing });
  }
  return score;
}
