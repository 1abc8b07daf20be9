#!/usr/bin/env node
// Checks answer-bank, directory, profile, pair-note and need files against their zod schemas, for content writers:
//   npm run build && node scripts/check-content.mjs intents/answers/sqs.json intents/directory/compute.json
// `awsbot validate` checks the whole knowledge base, cross-file rules included.
import { readFileSync } from 'node:fs';
import { bankFileSchema } from '../dist/knowledge/answer-bank-schema.js';
import { directoryFileSchema } from '../dist/knowledge/directory-schema.js';
import { profileSchema, pairNoteSchema, needsFileSchema } from '../dist/knowledge/schema.js';

// By the folder the file is in (intents/answers/directory-service.json is an answer file).
const folder = (file) => file.split(/[\\/]/).slice(-2, -1)[0];
const schemaFor = (file) =>
  folder(file) === 'directory'
    ? directoryFileSchema
    : folder(file) === 'services'
      ? profileSchema
      : folder(file) === 'pairs'
        ? pairNoteSchema
        : folder(file) === 'needs'
          ? needsFileSchema
          : bankFileSchema;

let bad = 0;
for (const file of process.argv.slice(2)) {
  const schema = schemaFor(file);
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.log(`✗ ${file}: ${err.message}`);
    bad++;
    continue;
  }
  const r = schema.safeParse(raw);
  if (r.success) {
    const n = (r.data.entries ?? r.data.needs ?? (r.data.services?.[0]?.id ? r.data.services : [r.data])).length;
    console.log(`✓ ${file}: ${n} valid`);
  } else {
    bad++;
    for (const i of r.error.issues.slice(0, 30)) console.log(`✗ ${file} → ${i.path.join('.')}: ${i.message}`);
  }
}
process.exit(bad ? 1 : 0);
