#!/usr/bin/env node
// The command line, bundled at build time (scripts/bundle-cli.mjs) as CommonJS so that it starts fast.
// `bin/awsbot` (the installed command) runs this file; so can `node bin/awsbot.cjs` anywhere.
require('../dist/bundle/main.cjs');
