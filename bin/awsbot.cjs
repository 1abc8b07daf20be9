#!/usr/bin/env node
// The command line, bundled at build time (scripts/bundle-cli.mjs) as CommonJS so that it starts fast,
// and compiled from V8's code cache saved by the build (code-cache.cjs).
// `bin/awsbot` (the installed command) runs this file; so can `node bin/awsbot.cjs` anywhere.
require('./v8-flags.cjs').apply(process.argv[2]);
require('./code-cache.cjs').install();
require('../dist/bundle/main.cjs');
