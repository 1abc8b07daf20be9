#!/usr/bin/env node
'use strict';
// Build step (npm run build, after scripts/bundle-cli.mjs): saves V8's code cache of the bundled
// command line next to its chunks (see bin/code-cache.cjs). Runs the command line in this process
// with the arguments given (`ask "…"`, or `chat` with questions on stdin), then saves, at exit, the
// cache of every chunk it compiled, with the functions those questions ran. Run once per command;
// a later run overwrites the chunks it compiled too.
require('../bin/v8-flags.cjs').apply(process.argv[2]);
const cache = require('../bin/code-cache.cjs');

cache.install({ record: true });
process.on('exit', () => {
  const files = cache.save();
  process.stderr.write(`code cache: ${files.length} chunks (${process.argv.slice(2, 3).join(' ')})\n`);
});
require('../dist/bundle/main.cjs');
