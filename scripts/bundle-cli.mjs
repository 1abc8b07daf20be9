#!/usr/bin/env node
// Build step (npm run build), after tsc: bundles the command line (dist/cli/main.js and the
// commands it imports on demand) into a few CommonJS files in dist/bundle/, which bin/awsbot.cjs runs.
// Loading some 50 compiled modules one by one costs `awsbot ask` about a fifth of its start-up
// (resolving, reading and compiling each); a handful of chunks cost a fraction of that (measured
// side by side: bench/parts/startup.mjs). rolldown does the bundling: it is the bundler vite, and so
// vitest, already installs, so it adds no download.
//
// CommonJS, not ES modules: Node starts a CommonJS program without its ES module loader, and a
// `require` of one of its own modules (node:fs, node:crypto) without building the module's ES
// namespace, which reads every export (fs.promises loads the streams and readline; crypto, the Web
// Crypto API). Measured side by side on the same chunks: `awsbot ask` ~17 ms sooner.
//
// Modules keep finding their files: every `import.meta.url` in a bundled module is rewritten to
// that module's own compiled file (relative to the chunk's own file, so a copied dist/ still works), so
// `new URL('../../stems.txt', import.meta.url)` and createRequire resolve exactly as unbundled.
// Packages (node_modules) and Node's own modules stay outside the bundle (required as usual).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { derivingCodeFingerprint } from '../dist/core/retrieval/terms-cache.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const OUT = `${DIST}bundle`;

// The fingerprint of the code that derives data from the knowledge (src/core/retrieval/terms-cache.ts):
// the bundle is made from that very code, so it carries the fingerprint rather than hashing the files
// at every start.
const DERIVING_CODE = JSON.stringify(derivingCodeFingerprint());

/** `import.meta.url` of each bundled module, as the URL of its own file relative to the chunk it lands in; the code fingerprint written in. */
const ownUrls = {
  name: 'awsbot-own-import-meta-url',
  transform(code, id) {
    let out = code.includes('__AWSBOT_DERIVING_CODE__') ? code.replaceAll('__AWSBOT_DERIVING_CODE__', DERIVING_CODE) : code;
    if (out.includes('import.meta.url')) {
      let path = relative(OUT, id).split('\\').join('/');
      if (!path.startsWith('.')) path = `./${path}`;
      out = out.replaceAll('import.meta.url', `new URL(${JSON.stringify(path)}, require('node:url').pathToFileURL(__filename)).href`);
    }
    return out === code ? null : { code: out, map: null };
  },
};

rmSync(OUT, { recursive: true, force: true });
await build({
  input: { main: `${DIST}cli/main.js` },
  platform: 'node',
  // Packages and node: modules are loaded from node_modules as usual.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
  plugins: [ownUrls],
  logLevel: 'warn',
  output: { dir: OUT, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
});

// V8's code cache of the chunks (bin/code-cache.cjs), recorded by running a few questions: `ask`
// first, then a chat whose questions reach the rest of the bot (a later recording overwrites the
// chunks both compiled, so the richer one comes last).
const record = (args, input) => {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./record-code-cache.cjs', import.meta.url)), ...args], { input, stdio: ['pipe', 'ignore', 'inherit'], env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`recording the code cache (${args[0]}) failed: ${r.error?.message ?? `exit ${r.status}`}`);
};
record(['ask', 'What is the difference between S3 and EC2?']);
record(['chat'], ['how long does sqs keep messages', 'and kinesis?', 'Where should I store nightly database backups cheaply?', 'lambda in a vpc times out calling dynamodb', 'ecs or eks for a 3-person team?', 'how much does a nat gateway cost', 'hi', 'exit', ''].join('\n'));
