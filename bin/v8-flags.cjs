'use strict';
/**
 * V8 flags for the command line's short-lived commands. An `ask` is over in a third of a second:
 * V8's optimizing compiler (TurboFan) spends that time compiling functions on the other core that
 * the process never runs long enough to use. Without it (--no-opt, the interpreter and the baseline
 * compiler only) `awsbot ask` used ~15% less CPU time and printed 12-26 ms sooner on a 2-core
 * machine (alternating runs; bench/parts/startup.mjs times it).
 * The commands that answer many questions in one process (eval, classify over a file) keep it. The
 * code cache holds the flags it was recorded with, so scripts/record-code-cache.cjs applies the same.
 */
const v8 = require('node:v8');

/** Commands that answer a question or two and exit, or wait on a person between questions. */
const SHORT = new Set(['ask', 'chat', 'validate', 'misses', 'help', '--help', '-h', undefined]);

/** Sets the flags for `command` (the first argument of `awsbot`); call before loading the bundle. */
function apply(command) {
  if (SHORT.has(command)) v8.setFlagsFromString('--no-opt');
}

module.exports = { apply, SHORT };
