/** `awsbot ask "<question>"`: answer one question and exit. */
import { createBot } from '../core/bot.js';
import { openKnowledge } from '../knowledge/snapshot.js';
import { renderText } from '../render/text.js';

export async function runAsk(args: string[], out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const question = args.filter((a) => a !== '--json').join(' ').trim();
  if (!question) {
    process.stderr.write('Usage: awsbot ask "What is the difference between S3 and EC2?"\n');
    return 2;
  }
  const bot = createBot(await openKnowledge());
  const { understanding, answer } = await bot.ask(question);
  if (args.includes('--json')) out.write(`${JSON.stringify({ understanding, answer }, null, 2)}\n`);
  else out.write(`${renderText(answer, { width: out.columns ? out.columns - 2 : 100, color: out.isTTY === true })}\n`);
  return 0;
}
