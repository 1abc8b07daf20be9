/**
 * `awsbot classify [--jsonl]`: prints how each stdin line is understood, one JSON line each, in
 * order, and nothing else on stdout. With --jsonl, input lines are {"text", "conversation"?}; lines
 * sharing a conversation id are consecutive turns of one DM. Without it, each line is a question.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createBot } from '../core/bot.js';
import { openKnowledge } from '../knowledge/snapshot.js';

const lineSchema = z.object({ text: z.string(), conversation: z.string().optional() });

export async function runClassify(args: string[], input: NodeJS.ReadableStream = process.stdin, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const jsonl = args.includes('--jsonl');
  const bot = createBot(await openKnowledge());
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let text = line;
    let conversation: string | undefined;
    if (jsonl) {
      let parsed: z.infer<typeof lineSchema> | undefined;
      try {
        parsed = lineSchema.parse(JSON.parse(line));
      } catch {
        process.stderr.write(`classify: line ${lineNo} is not {"text": "...", "conversation"?: "..."}; read as plain text\n`);
      }
      text = parsed?.text ?? line;
      conversation = parsed?.conversation;
    }
    const { understanding: u } = await bot.ask(text, conversation ? `classify:${conversation}` : undefined);
    out.write(
      `${JSON.stringify({
        intent: u.intent,
        services: u.services,
        aspect: u.aspect,
        confidence: Number(u.confidence.toFixed(3)),
        clarify: u.clarify,
        corrections: u.corrections,
        followUp: u.followUp,
        ...(u.match ? { match: u.match } : {}),
      })}\n`,
    );
  }
  return 0;
}
