/**
 * The validated knowledge, saved at build time (dist/knowledge.json, written by
 * scripts/build-snapshots.mjs): what zod's validation of every file in intents/ produced, with a
 * fingerprint of those files' contents and of the code that validates them. `awsbot ask` uses it
 * when intents/ still has exactly those contents, and so starts without loading zod or validating
 * 1,000+ entries; when anything differs (a file edited, added or removed, the code rebuilt), or the
 * snapshot is missing or damaged, the knowledge is read and validated as always. Everything that
 * spans files (ids, aliases, services named, dates against today) is checked again either way,
 * except phrasings shared by two entries, a check of the contents alone. As the build saves it
 * ({@link splitSnapshot}), answer files hold only their entries' heads; the entries' texts are read
 * on first use from dist/knowledge-answers/ (lazy-bank.ts).
 * `awsbot validate` never uses it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BankEntry } from './answer-bank-schema.js';
import { AnswerFile, ANSWERS_DIR, headsOf, lazyEntries, type SavedAnswers } from './lazy-bank.js';
import { assembleKnowledge, DEFAULT_INTENTS_DIR, type Knowledge, type ParseFile, type PriceReader } from './assemble.js';
import { NO_PRICES, pricesFromTable, pricingRegionFromEnv } from './price-lookup.js';
import type { PriceTable } from './price-schema.js';

/** dist/knowledge.json, next to dist/knowledge/. */
export const KNOWLEDGE_SNAPSHOT_URL = new URL('../knowledge.json', import.meta.url);

export interface KnowledgeSnapshot {
  version: 1;
  /** {@link knowledgeFingerprint} of the folder the files were read from. */
  fingerprint: string;
  /** Each valid file's validated data, by its path in intents/. */
  files: Record<string, unknown>;
  /**
   * Size and modification time of every file the fingerprint hashed, when it was made: files that
   * all still show exactly these need not be read and hashed again at start-up.
   */
  stats?: Record<string, [number, number]>;
  /**
   * Set by {@link splitSnapshot}: answer files kept as their entries' heads only, by path in
   * intents/ -> the name of the file in {@link ANSWERS_DIR} that holds their validated entries.
   */
  answers?: Record<string, string>;
}

/**
 * The snapshot with each answer file reduced to its entries' heads, and those files' validated
 * entries to save apart in {@link ANSWERS_DIR} (name -> contents): see lazy-bank.ts.
 */
export function splitSnapshot(snapshot: KnowledgeSnapshot): { snapshot: KnowledgeSnapshot; saved: Record<string, SavedAnswers> } {
  const files: Record<string, unknown> = {};
  const answers: Record<string, string> = {};
  const saved: Record<string, SavedAnswers> = {};
  for (const [rel, data] of Object.entries(snapshot.files)) {
    const entries = (data as { entries?: BankEntry[] } | null)?.entries;
    if (!rel.startsWith('answers/') || !Array.isArray(entries)) {
      files[rel] = data;
      continue;
    }
    const name = rel.replace(/[^\w.-]+/g, '_');
    answers[rel] = name;
    saved[name] = { fingerprint: snapshot.fingerprint, entries };
    files[rel] = { heads: headsOf(entries) };
  }
  return { snapshot: { ...snapshot, files, answers }, saved };
}

/** An answer file read from intents/ without validation (the snapshot vouched for it), with the schema's defaults. */
function rawAnswers(sourceFile: string): BankEntry[] {
  const raw = (JSON.parse(readFileSync(sourceFile, 'utf8')) as { entries: BankEntry[] }).entries;
  return raw.map((e) => ({ ...e, keywords: e.keywords ?? [], steps: e.steps ?? [], caveats: e.caveats ?? [], flips: e.flips ?? [], verdicts: e.verdicts ?? {} }));
}

/** The modules whose code decides what validation accepts and produces (compiled or, in tests, source). */
const VALIDATING_CODE = ['schema', 'answer-bank-schema', 'directory-schema', 'price-schema', 'names', 'load', 'assemble', 'prices', 'price-lookup'];

/** Every file under `dir`, as paths relative to it ("answers/sqs.json"), in name order unless `sorted` is false. */
function filesUnder(dir: string, prefix = '', out: string[] = [], sorted = true): string[] {
  const entries = readdirSync(prefix ? `${dir}/${prefix}` : dir, { withFileTypes: true });
  if (sorted) entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) filesUnder(dir, rel, out, sorted);
    else out.push(rel);
  }
  return out;
}

function codeUrl(name: string): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${ext}`, import.meta.url);
}

/** Size and modification time of every file under `dir` and of the validating code (keyed "code:<name>"). */
export function knowledgeStats(dir: string = DEFAULT_INTENTS_DIR): Record<string, [number, number]> {
  const stats: Record<string, [number, number]> = {};
  // Paths joined by hand and left unsorted: over 300 files, path.join and sorting cost ~3 ms of `awsbot ask`.
  for (const rel of filesUnder(dir, '', [], false)) {
    const st = statSync(`${dir}/${rel}`);
    stats[rel] = [st.size, st.mtimeMs];
  }
  for (const name of VALIDATING_CODE) {
    const st = statSync(codeUrl(name));
    stats[`code:${name}`] = [st.size, st.mtimeMs];
  }
  return stats;
}

function sameStats(a: Record<string, [number, number]>, b: Record<string, [number, number]>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // Times within a millisecond: copies that keep times (cp -p, Docker's COPY, fs.cpSync's
  // preserveTimestamps) round the sub-millisecond part, and hashing every file instead costs ~40 ms.
  return keys.every((key) => Object.hasOwn(b, key) && a[key]![0] === b[key]![0] && Math.abs(a[key]![1] - b[key]![1]) < 1);
}

/**
 * Whether `dir` (and the validating code) still hold what the snapshot was made from: unchanged
 * sizes and modification times answer without reading a file; otherwise the contents are hashed.
 */
function snapshotMatches(snapshot: KnowledgeSnapshot, dir: string): boolean {
  if (snapshot.stats && typeof snapshot.stats === 'object' && sameStats(snapshot.stats, knowledgeStats(dir))) return true;
  return snapshot.fingerprint === knowledgeFingerprint(dir);
}

/** A hash of every file's path and contents under `dir`, and of the validating code. */
export function knowledgeFingerprint(dir: string = DEFAULT_INTENTS_DIR): string {
  const hash = createHash('sha1');
  for (const rel of filesUnder(dir)) {
    const content = readFileSync(join(dir, rel));
    hash.update(`${rel}\0${content.length}\0`).update(content);
  }
  for (const name of VALIDATING_CODE) hash.update(`\0${name}\0`).update(readFileSync(codeUrl(name)));
  return hash.digest('hex');
}

const fromSnapshot = new WeakMap<Knowledge, string>();

/**
 * The fingerprint of the files `k` was made from, when `k` is the very object the snapshot gave (so
 * what is derived from it at build time, such as the lexicon, may be reused); undefined otherwise.
 */
export function snapshotFingerprint(k: Knowledge): string | undefined {
  return fromSnapshot.get(k);
}

/**
 * The knowledge from the snapshot when it was made from exactly what `dir` holds now and passes
 * every cross-file check today; undefined otherwise (never throws): then validate as usual.
 */
export function loadKnowledgeSnapshot(dir: string = DEFAULT_INTENTS_DIR, today = new Date(), file: URL | string = KNOWLEDGE_SNAPSHOT_URL): Knowledge | undefined {
  try {
    // Read as bytes, then decoded: for this 1 MB file ~3 ms sooner than readFileSync(file, 'utf8') on Node 20.
    const snapshot = JSON.parse(readFileSync(file).toString('utf8')) as KnowledgeSnapshot;
    if (snapshot?.version !== 1 || typeof snapshot.fingerprint !== 'string' || typeof snapshot.files !== 'object' || snapshot.files === null) return undefined;
    if (!snapshotMatches(snapshot, dir)) return undefined;
    const files = snapshot.files;
    const answers = snapshot.answers && typeof snapshot.answers === 'object' ? snapshot.answers : {};
    const parseFile: ParseFile = (sourceFile, _kind, rel, problems) => {
      if (Object.hasOwn(answers, rel) && Object.hasOwn(files, rel)) {
        const saved = new URL(`${ANSWERS_DIR}/${answers[rel]}`, typeof file === 'string' ? pathToFileURL(file) : file);
        const entries = lazyEntries((files[rel] as { heads?: unknown } | null)?.heads, (count) => new AnswerFile(saved, snapshot.fingerprint, count, () => rawAnswers(sourceFile)));
        if (entries) return { entries };
        problems.push({ file: rel, field: '', message: 'damaged in the snapshot' });
        return undefined;
      }
      if (Object.hasOwn(files, rel)) return files[rel];
      problems.push({ file: rel, field: '', message: 'not in the snapshot' });
      return undefined;
    };
    const prices: PriceReader = (known) => {
      const table = files['prices/prices.json'] as PriceTable | undefined;
      if (table) return pricesFromTable(table, known, today);
      const { region, problem } = pricingRegionFromEnv();
      return { prices: { ...NO_PRICES, defaultRegion: region }, problems: problem ? [{ file: 'environment', field: 'AWS_PRICING_REGION', message: problem }] : [] };
    };
    const { knowledge, problems } = assembleKnowledge(dir, today, parseFile, prices, false);
    if (problems.length > 0 || !knowledge) return undefined;
    fromSnapshot.set(knowledge, snapshot.fingerprint);
    return knowledge;
  } catch {
    return undefined;
  }
}

/** The knowledge in `dir`: from the snapshot when it matches, else read and validated (zod loaded only then). */
export async function openKnowledge(dir: string = DEFAULT_INTENTS_DIR, today = new Date()): Promise<Knowledge> {
  return loadKnowledgeSnapshot(dir, today) ?? (await import('./load.js')).loadKnowledge(dir, today);
}
