#!/usr/bin/env node
// The command line, bundled at build time (scripts/bundle-cli.mjs) so that it starts fast.
import '../dist/bundle/main.js';
