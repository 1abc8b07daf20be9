#!/usr/bin/env node
// Build step (npm run build), after tsc: saves what start-up would otherwise compute, each with a
// fingerprint that the bot checks against what it loads, computing afresh when they differ (e.g.
// intents/ edited after the build):
//  - dist/knowledge.json: the validated knowledge of intents/ (src/knowledge/snapshot.ts), answer
//    files as their entries' heads with the entries in dist/knowledge-answers/ (read on first use), so
//    `awsbot ask` needs neither zod nor validation while intents/ is unchanged;
//  - dist/retrieval-terms.json and .bin: the retrieval terms of every stored text, the index built
//    from them and each text's weight, the large arrays as bytes (src/core/retrieval/terms-cache.ts);
//  - dist/lexicon.json: the lexicon understanding looks names up in (src/core/understanding/lexicon.ts);
//  - dist/need-stems.json: each need's phrases, keywords and excludes as stems (src/core/understanding/needs.ts);
//  - dist/stems.txt: the stem of every word met while deriving all that, building the need matcher
//    and training the intent classifier (src/core/understanding/text.ts), marked with natural's version.
// The retrieval terms, the lexicon and the need stems are also marked with the knowledge snapshot's fingerprint and the deriving code's
// (derivedOrigin): knowledge loaded from that snapshot uses them without further checks.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledge, makeKnowledgeSnapshot } from '../dist/knowledge/load.js';
import { KNOWLEDGE_SNAPSHOT_URL, splitSnapshot } from '../dist/knowledge/snapshot.js';
import { ANSWERS_DIR } from '../dist/knowledge/lazy-bank.js';
import { compileLexicon, LEXICON_URL, saveLexicon } from '../dist/core/understanding/lexicon.js';
import { computeTermsCache } from '../dist/core/retrieval/retriever.js';
import { derivedOrigin, encodeTermsCache, TERMS_BINARY_URL, TERMS_CACHE_URL } from '../dist/core/retrieval/terms-cache.js';
import { buildNeedMatcher, NEED_STEMS_URL, needStems } from '../dist/core/understanding/needs.js';
import { trainIntentClassifier } from '../dist/core/understanding/intent-classifier.js';
import { stem, STEMS_URL, stemsSeen, tokenize } from '../dist/core/understanding/text.js';
// Every module of the bot, loaded for the words some of them stem when loaded (kept in dist/stems.txt too).
import '../dist/core/bot.js';

// Written as ASCII (other characters as \u escapes): Node decodes and parses a pure-ASCII file
// about twice as fast as one with a few hundred non-ASCII characters, and start-up reads them all.
const asciiJson = (value) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// Answer files are saved apart and kept in the snapshot as their entries' heads (src/knowledge/lazy-bank.ts).
const { snapshot, saved } = splitSnapshot(makeKnowledgeSnapshot());
const answersDir = fileURLToPath(new URL(`${ANSWERS_DIR}/`, KNOWLEDGE_SNAPSHOT_URL));
rmSync(answersDir, { recursive: true, force: true });
mkdirSync(answersDir, { recursive: true });
for (const [name, contents] of Object.entries(saved)) writeFileSync(`${answersDir}/${name}`, asciiJson(contents));
writeFileSync(fileURLToPath(KNOWLEDGE_SNAPSHOT_URL), asciiJson(snapshot));
console.error(`knowledge snapshot: ${Object.keys(snapshot.files).length} files, ${Object.keys(saved).length} answer files apart (${fileURLToPath(KNOWLEDGE_SNAPSHOT_URL)})`);

const k = loadKnowledge();
const lexicon = compileLexicon(k);
const origin = derivedOrigin(snapshot.fingerprint);
const cache = computeTermsCache(k, lexicon);
// The large arrays as bytes in dist/retrieval-terms.bin (read without parsing), the rest as JSON.
const encoded = encodeTermsCache({ ...cache, origin });
rmSync(fileURLToPath(TERMS_BINARY_URL), { force: true });
if (encoded) writeFileSync(fileURLToPath(TERMS_BINARY_URL), encoded.binary);
writeFileSync(fileURLToPath(TERMS_CACHE_URL), asciiJson(encoded ? encoded.meta : { ...cache, origin }));
console.error(`retrieval terms: ${cache.terms.length} texts precomputed (${fileURLToPath(TERMS_CACHE_URL)})`);
writeFileSync(fileURLToPath(LEXICON_URL), asciiJson({ origin, lexicon: saveLexicon(k, lexicon) }));
console.error(`lexicon: ${lexicon.phrases.size} phrases (${fileURLToPath(LEXICON_URL)})`);

const stemsOfNeeds = needStems(k.needs);
buildNeedMatcher(k.needs, stemsOfNeeds);
writeFileSync(fileURLToPath(NEED_STEMS_URL), asciiJson({ origin, stems: stemsOfNeeds }));
console.error(`need stems: ${k.needs.length} needs (${fileURLToPath(NEED_STEMS_URL)})`);
void trainIntentClassifier(k).known;
// The words of services' names too: a question names services, and its every word is stemmed (the
// aspect reading), so a name missing from the table would load natural's stemmer for one word.
for (const service of k.catalog) for (const name of [service.id, service.short, service.name, ...service.aliases, ...service.misspellings]) tokenize(name).forEach((w) => stem(w));
const stems = stemsSeen();
writeFileSync(fileURLToPath(STEMS_URL), stems.text);
// The table's JSON form, written by builds before it became text: no longer read.
rmSync(fileURLToPath(new URL('stems.json', STEMS_URL)), { force: true });
console.error(`stems: ${stems.words} words (${fileURLToPath(STEMS_URL)})`);
