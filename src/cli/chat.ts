/**
 * `awsbot chat`: an interactive terminal chat. The session is one conversation, so follow-ups
 * ("what about pricing?") keep context; a number answers the matching suggested follow-up.
 * Ctrl-D, "exit" or "quit" leave cleanly.
 */
import { createInterface } from 'node:readline';
import type { Bot, Reply } from '../core/bot.js';
import { createBot } from '../core/bot.js';
import { openKnowledge } from '../knowledge/snapshot.js';
import { renderText } from '../render/text.js';

export interface ChatIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number; isTTY?: boolean };
}

export async function runChat(_args: string[], io: ChatIO = { input: process.stdin, output: process.stdout }, bot?: Bot): Promise<number> {
  const b = bot ?? createBot(await openKnowledge());
  const { output } = io;
  const color = output.isTTY === true;
  const rl = createInterface({ input: io.input, output, terminal: output.isTTY === true && (io.input as NodeJS.ReadStream).isTTY === true });
  const conversation = `cli:${process.pid}:${Date.now()}`;
  let last: Reply | undefined;
  output.write(`awsbot: ask about ${b.knowledge.catalog.length} AWS services (try "S3 vs EC2", then "what about pricing?"). Type "exit" or press Ctrl-D to leave.\n`);
  rl.setPrompt('you › ');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^(exit|quit|:q|bye!?)$/i.test(line)) break;
    if (line) {
      try {
        const pick = /^\d{1,2}$/.test(line) ? last?.answer.followUps[Number(line) - 1] : undefined;
        const reply = pick ? await b.act(pick.action, conversation) : await b.ask(line, conversation);
        if (reply) {
          last = reply;
          output.write(`\n${renderText(reply.answer, { width: output.columns ? output.columns - 2 : 100, color })}\n\n`);
        }
      } catch (err) {
        output.write(`Sorry, something went wrong answering that (${(err as Error).message}). Try again?\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
  output.write('\nBye! 👋\n');
  return 0;
}
