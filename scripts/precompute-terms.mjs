#!/usr/bin/env node
// Build step (npm run build): writes dist/retrieval-terms.json, the retrieval terms of every stored
// text, so the bot does not compute them at start-up. The bot checks the file's fingerprint against
// the knowledge it loads and computes the terms itself when they differ (e.g. intents/ edited later).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../dist/knowledge/load.js';
import { buildLexicon } from '../dist/core/understanding/lexicon.js';
import { computeTermsCache } from '../dist/core/retrieval/retriever.js';
import { TERMS_CACHE_URL } from '../dist/core/retrieval/terms-cache.js';

const k = loadKnowledge();
const cache = computeTermsCache(k, buildLexicon(k));
writeFileSync(fileURLToPath(TERMS_CACHE_URL), JSON.stringify(cache));
console.error(`retrieval terms: ${cache.terms.length} texts precomputed (${fileURLToPath(TERMS_CACHE_URL)})`);
