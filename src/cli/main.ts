/** The `awsbot` command: dispatches to one sub-command module, loading only what that command needs. */
const USAGE = `awsbot — answers questions about AWS services

Usage:
  awsbot ask "<question>"       answer one question and exit
  awsbot chat                   chat in the terminal (follow-ups keep context; Ctrl-D or "exit" to leave)
  awsbot classify [--jsonl]     print how questions are understood (stdin, one per line)
  awsbot validate [dir]         check the knowledge files in intents/
  awsbot eval [file.jsonl…]     accuracy of understanding on labelled questions (--show N lists misses)
  awsbot misses [file]          questions the bot did not understand, most frequent first
  awsbot prices update          refresh intents/prices/ from AWS's public Price List files
  awsbot help                   this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'ask':
      return (await import('./ask.js')).runAsk(rest);
    case 'chat':
      return (await import('./chat.js')).runChat(rest);
    case 'classify':
      return (await import('./classify.js')).runClassify(rest);
    case 'misses':
      return (await import('./misses.js')).runMisses(rest);
    case 'eval':
      return (await import('./evaluate.js')).runEval(rest);
    case 'validate':
      return (await import('./validate.js')).runValidate(rest);
    case 'prices':
      return (await import('./prices.js')).runPrices(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`awsbot: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

// `awsbot classify < questions | head`: a reader that stops early closes the pipe; that ends the
// command quietly, as it does for other command-line tools, instead of an unhandled 'error' event.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/**
 * Ends the process as soon as stdout has taken all that was written. A command is done when its
 * promise settles: what Node would do next (a full garbage collection of the loaded knowledge base,
 * tearing down the heap) cost `awsbot ask` ~30 ms after its answer, for nothing.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  if (process.stdout.writableLength > 0) process.stdout.once('drain', () => process.exit());
  else process.exit();
}

main(process.argv.slice(2)).then(exitWhenFlushed, (err: unknown) => {
  process.stderr.write(`awsbot: ${err instanceof Error ? err.message : String(err)}\n`);
  exitWhenFlushed(1);
});
