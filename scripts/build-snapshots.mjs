#!/usr/bin/env node
// Build step (npm run build), after tsc: saves what start-up would otherwise compute, each with a
// fingerprint that the bot checks against what it loads, computing afresh when they differ (e.g.
// intents/ edited after the build):
//  - dist/knowledge.json: the validated knowledge of intents/ (src/knowledge/snapshot.ts), so
//    `awsbot ask` needs neither zod nor validation while intents/ is unchanged;
//  - dist/retrieval-terms.json: the retrieval terms of every stored text and the index built
//    from them (src/core/retrieval/terms-cache.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledge, makeKnowledgeSnapshot } from '../dist/knowledge/load.js';
import { KNOWLEDGE_SNAPSHOT_URL } from '../dist/knowledge/snapshot.js';
import { buildLexicon } from '../dist/core/understanding/lexicon.js';
import { computeTermsCache } from '../dist/core/retrieval/retriever.js';
import { TERMS_CACHE_URL } from '../dist/core/retrieval/terms-cache.js';

const snapshot = makeKnowledgeSnapshot();
writeFileSync(fileURLToPath(KNOWLEDGE_SNAPSHOT_URL), JSON.stringify(snapshot));
console.error(`knowledge snapshot: ${Object.keys(snapshot.files).length} files (${fileURLToPath(KNOWLEDGE_SNAPSHOT_URL)})`);

const k = loadKnowledge();
const cache = computeTermsCache(k, buildLexicon(k));
writeFileSync(fileURLToPath(TERMS_CACHE_URL), JSON.stringify(cache));
console.error(`retrieval terms: ${cache.terms.length} texts precomputed (${fileURLToPath(TERMS_CACHE_URL)})`);
