/** `awsbot misses [file]`: the questions the bot did not understand, most frequent first. */
import { summariseMisses } from '../observability/misses.js';

export async function runMisses(args: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const file = args.find((a) => !a.startsWith('--')) ?? process.env.MISSES_FILE;
  if (!file) {
    process.stderr.write('Usage: awsbot misses <file>   (or set MISSES_FILE, the file the bot appends to)\n');
    return 2;
  }
  let summary;
  try {
    summary = await summariseMisses(file);
  } catch (err) {
    process.stderr.write(`awsbot misses: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
    return 1;
  }
  const limitAt = args.indexOf('--top');
  const top = limitAt >= 0 ? Number(args[limitAt + 1]) || 20 : 20;
  out.write(`${summary.total} question(s) not understood, ${summary.rows.length} distinct${summary.skipped ? `, ${summary.skipped} unreadable line(s) skipped` : ''}\n`);
  for (const row of summary.rows.slice(0, top)) {
    out.write(`${String(row.count).padStart(5)}  ${row.text}  [${row.reasons.join(', ')}]\n`);
  }
  return 0;
}
