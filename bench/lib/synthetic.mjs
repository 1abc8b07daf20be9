/**
 * Synthetic knowledge bases for the growth benchmark: a copy of intents/ (every real file: the
 * 20 services, pairs, needs, training phrases, aspects, outside terms) plus generated services
 * with unique made-up names, aliases and typos like the real ones (9 aliases and 4–5 typos each),
 * each with a full profile that the project's zod schemas accept (the loader validates it).
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS, ROOT } from './common.mjs';

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const CATEGORIES = ['storage', 'compute', 'containers', 'database', 'networking', 'messaging', 'analytics', 'streaming'];
const ASPECTS = ['use_cases', 'features', 'pricing', 'scalability', 'management', 'durability', 'security', 'performance', 'limits'];

/** Every word the real knowledge base and the held-out questions use: no made-up name may be one. */
function knownWords() {
  const words = new Set();
  const addText = (text) => {
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) addText(readFileSync(path, 'utf8'));
    }
  };
  walk(INTENTS);
  for (const f of ['heldout.jsonl', 'fresh.jsonl', 'dev.jsonl']) {
    try {
      addText(readFileSync(join(ROOT, 'test/eval', f), 'utf8'));
    } catch {
      /* optional set */
    }
  }
  return words;
}

/** Deterministic made-up names: three consonant-vowel syllables ("zanoki"), never a known word. */
function* names(avoid) {
  let seed = 0x9e3779b9;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const seen = new Set();
  const syllable = () => CONSONANTS[Math.floor(rand() * CONSONANTS.length)] + VOWELS[Math.floor(rand() * VOWELS.length)];
  for (;;) {
    const name = syllable() + syllable() + syllable();
    if (seen.has(name) || avoid.has(name)) continue;
    seen.add(name);
    yield name;
  }
}

function profile(id, title) {
  const url = `https://aws.amazon.com/${id}/`;
  const aspects = {};
  for (const a of ASPECTS) {
    aspects[a] = {
      summary: `${title}: ${a.replace('_', ' ')} in one short generated sentence for the growth benchmark.`,
      facts: [
        { text: `${title} ${a.replace('_', ' ')} fact one, generated for the benchmark.`, source: 'home' },
        { text: `${title} ${a.replace('_', ' ')} fact two, generated for the benchmark.`, source: 'docs' },
      ],
    };
  }
  return {
    id,
    reviewed: '2025-01-01',
    sources: { home: { title: `${title} home`, url }, docs: { title: `${title} documentation`, url: `https://docs.aws.amazon.com/${id}/` } },
    docs: ['home', 'docs'],
    aspects,
  };
}

/**
 * Writes a knowledge dir with `total` services (the 20 real ones plus generated ones) under `root`.
 * Returns { dir, generated: [{ id, short }] }.
 */
export function makeKnowledgeDir(root, total) {
  const dir = join(root, `catalog-${total}`);
  mkdirSync(dir, { recursive: true });
  cpSync(INTENTS, dir, { recursive: true });
  const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
  const avoid = knownWords();
  for (const s of catalog.services) for (const a of [...s.aliases, ...s.misspellings]) for (const w of a.toLowerCase().split(/\W+/)) avoid.add(w);
  const gen = names(avoid);
  const generated = [];
  for (let i = catalog.services.length; i < total; i++) {
    const id = gen.next().value;
    const cap = id[0].toUpperCase() + id.slice(1);
    const short = `Amazon ${cap}`;
    // Typos the way real ones look: a swapped pair, a dropped letter, a doubled one, a changed vowel.
    const swap = id[0] + id[2] + id[1] + id.slice(3);
    const drop = id.slice(0, 3) + id.slice(4);
    const double = id.slice(0, 2) + id[2] + id.slice(2);
    const vowel = id.slice(0, 5) + (id[5] === 'a' ? 'e' : 'a');
    avoid.add(id);
    const typos = [swap, drop, double, vowel].filter((t, j, all) => t !== id && all.indexOf(t) === j && !avoid.has(t));
    typos.forEach((t) => avoid.add(t));
    catalog.services.push({
      id,
      name: `Amazon ${cap} Service (Amazon ${cap})`,
      short,
      category: CATEGORIES[i % CATEGORIES.length],
      purpose: `${short} is a made-up service generated for the growth benchmark.`,
      aliases: [id, `amazon ${id}`, `aws ${id}`, `${id} service`, `${id} cluster`, `${id} clusters`, `${id} instance`, `${id} instances`, `${id} api`],
      misspellings: typos,
      url: `https://aws.amazon.com/${id}/`,
    });
    writeFileSync(join(dir, 'services', `${id}.json`), JSON.stringify(profile(id, short)));
    generated.push({ id, short });
  }
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
  return { dir, generated };
}
