/**
 * `awsbot eval [file.jsonl …] [--show N]`: accuracy of understanding per field on labelled
 * questions (the format of ../shared/eval/README.md), in process. Default: the held-out set.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createBot, type Bot } from '../core/bot.js';
import { aspectSchema, intentSchema } from '../knowledge/schema.js';
import { loadKnowledge } from '../knowledge/load.js';

export const labelledRowSchema = z.object({
  id: z.string(),
  text: z.string(),
  conversation: z.string().optional(),
  intent: intentSchema,
  services: z.array(z.string()),
  aspect: aspectSchema.nullable(),
});
export type LabelledRow = z.infer<typeof labelledRowSchema>;

export interface EvalResult {
  rows: number;
  intent: number;
  services: number;
  aspect: number;
  all: number;
  byIntent: Record<string, { n: number; ok: number }>;
  misses: string[];
}

export const DEFAULT_EVAL_FILES = [fileURLToPath(new URL('../../test/eval/heldout.jsonl', import.meta.url))];

export function readLabelled(file: string): LabelledRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return labelledRowSchema.parse(JSON.parse(l));
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not a labelled question (${(err as Error).message.slice(0, 200)})`);
      }
    });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Scores the bot on labelled rows exactly as ../shared/eval/score.mjs does. */
export async function evaluate(bot: Bot, rows: readonly LabelledRow[], tag = 'eval'): Promise<EvalResult> {
  const r: EvalResult = { rows: rows.length, intent: 0, services: 0, aspect: 0, all: 0, byIntent: {}, misses: [] };
  for (const row of rows) {
    const { understanding: u } = await bot.ask(row.text, row.conversation ? `${tag}:${row.conversation}` : undefined);
    const i = u.intent === row.intent;
    const s = row.intent === 'recommend' ? u.services.length > 0 && row.services.includes(u.services[0]!) : sameSet(u.services, row.services);
    const a = u.aspect === row.aspect;
    r.intent += Number(i);
    r.services += Number(s);
    r.aspect += Number(a);
    const all = i && s && a;
    r.all += Number(all);
    const b = (r.byIntent[row.intent] ??= { n: 0, ok: 0 });
    b.n++;
    b.ok += Number(all);
    if (!all) r.misses.push(`${row.id} ${JSON.stringify(row.text).slice(0, 90)} want ${row.intent}/${row.services.join('+')}/${row.aspect} got ${u.intent}/${u.services.join('+')}/${u.aspect} (${u.confidence.toFixed(2)})`);
  }
  return r;
}

export async function runEval(args: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const showAt = args.indexOf('--show');
  const show = showAt >= 0 ? Number(args[showAt + 1]) : 0;
  const files = args.filter((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1));
  const bot = createBot(loadKnowledge());
  const pct = (x: number, n: number) => `${((100 * x) / Math.max(n, 1)).toFixed(1)}%`;
  for (const file of files.length > 0 ? files : DEFAULT_EVAL_FILES) {
    const rows = readLabelled(file);
    const t0 = process.hrtime.bigint();
    const r = await evaluate(bot, rows, file);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    r.misses.slice(0, show).forEach((m) => out.write(`miss ${m}\n`));
    out.write(`${file}\n  rows ${r.rows} in ${ms.toFixed(0)} ms: intent ${pct(r.intent, r.rows)}, services ${pct(r.services, r.rows)}, aspect ${pct(r.aspect, r.rows)}, all three ${pct(r.all, r.rows)}\n`);
    out.write(`  by intent: ${Object.entries(r.byIntent).map(([k, v]) => `${k} ${v.ok}/${v.n}`).join(', ')}\n`);
  }
  return 0;
}
