/**
 * Reads intents/ and validates every file with the schemas; the bot never starts half-loaded:
 * any problem anywhere is reported (file, field, reason) and nothing is returned.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  aspectVocabularySchema,
  catalogSchema,
  needsFileSchema,
  outsideSchema,
  pairNoteSchema,
  profileSchema,
  trainingFileSchema,
  synonymsSchema,
} from './schema.js';
import { bankFileSchema } from './answer-bank-schema.js';
import { directoryFileSchema } from './directory-schema.js';
import { readPrices } from './prices.js';
import { assembleKnowledge, DEFAULT_INTENTS_DIR, type FileKind, type Knowledge, type Problem } from './assemble.js';
import { knowledgeFingerprint, knowledgeStats, type KnowledgeSnapshot } from './snapshot.js';

export { DEFAULT_INTENTS_DIR, pairKey, type Knowledge, type Problem, type ServiceEntry } from './assemble.js';

/** The schema of each kind of file in intents/. */
export const SCHEMAS: Record<FileKind, z.ZodType> = {
  catalog: catalogSchema,
  directory: directoryFileSchema,
  profile: profileSchema,
  pair: pairNoteSchema,
  needs: needsFileSchema,
  bank: bankFileSchema,
  synonyms: synonymsSchema,
  training: trainingFileSchema,
  aspects: aspectVocabularySchema,
  outside: outsideSchema,
};

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The knowledge base in intents/ has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(p: Problem): string {
  return `  ${p.file}${p.field ? ` → ${p.field}` : ''}: ${p.message}`;
}

/** Loads and validates intents/; throws {@link KnowledgeError} listing every problem. */
export function loadKnowledge(dir = DEFAULT_INTENTS_DIR, today = new Date()): Knowledge {
  const { knowledge, problems } = readKnowledge(dir, today);
  if (problems.length > 0 || !knowledge) throw new KnowledgeError(problems);
  return knowledge;
}

/** Validates intents/ and returns every problem found (empty when all is well). */
export function checkKnowledge(dir = DEFAULT_INTENTS_DIR, today = new Date()): Problem[] {
  return readKnowledge(dir, today).problems;
}

/** Facts older than this are flagged by `awsbot validate`: limits and defaults change. */
export const STALE_AFTER_DAYS = 365;

/**
 * Warnings, not errors: profiles, pair notes and answer-bank entries whose `reviewed` date is more
 * than {@link STALE_AFTER_DAYS} days before `today`, so the knowledge base can be kept fresh.
 */
export function freshnessWarnings(k: Knowledge, today = new Date()): Problem[] {
  const limit = today.getTime() - STALE_AFTER_DAYS * 86_400_000;
  const old = (reviewed: string) => new Date(`${reviewed}T00:00:00Z`).getTime() < limit;
  const message = (reviewed: string) => `reviewed ${reviewed}, more than ${STALE_AFTER_DAYS} days ago: check it against the newest AWS page`;
  const out: Problem[] = [];
  for (const p of k.profiles.values()) if (old(p.reviewed)) out.push({ file: `services/${p.id}.json`, field: 'reviewed', message: message(p.reviewed) });
  for (const [key, n] of k.pairs) if (old(n.reviewed)) out.push({ file: `pairs/${key}`, field: 'reviewed', message: message(n.reviewed) });
  for (const e of k.bank) if (old(e.reviewed)) out.push({ file: `answers/${e.services[0]}.json`, field: e.id, message: message(e.reviewed) });
  return out;
}

/**
 * Reads and validates intents/. `record`, when given, receives each valid file's validated data
 * by its path in intents/ (what the build-time snapshot stores).
 */
export function readKnowledge(dir: string, today: Date, record?: (rel: string, data: unknown) => void): { knowledge?: Knowledge; problems: Problem[] } {
  const parseFile = (file: string, kind: FileKind, rel: string, problems: Problem[]): unknown => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : `not valid JSON (${(err as Error).message})`;
      problems.push({ file: rel, field: '', message: reason });
      return undefined;
    }
    const result = SCHEMAS[kind].safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file: rel, field: issue.path.map(String).join('.'), message: issue.message });
      }
      return undefined;
    }
    record?.(rel, result.data);
    return result.data;
  };
  return assembleKnowledge(dir, today, parseFile, (known) => {
    const read = readPrices(dir, known, today);
    if (read.prices.table) record?.('prices/prices.json', read.prices.table);
    return read;
  });
}

/**
 * The snapshot of the validated knowledge in `dir` (scripts/build-snapshots.mjs saves it as
 * dist/knowledge.json); throws {@link KnowledgeError} when the knowledge does not validate.
 */
export function makeKnowledgeSnapshot(dir = DEFAULT_INTENTS_DIR, today = new Date()): KnowledgeSnapshot {
  const stats = knowledgeStats(dir);
  const fingerprint = knowledgeFingerprint(dir);
  const files: Record<string, unknown> = {};
  // Copied as validated: assembling the knowledge adds to some of these objects (the catalog).
  const { knowledge, problems } = readKnowledge(dir, today, (rel, data) => (files[rel] = structuredClone(data)));
  if (problems.length > 0 || !knowledge) throw new KnowledgeError(problems);
  if (knowledgeFingerprint(dir) !== fingerprint) throw new Error(`${dir} changed while it was read: build again`);
  return { version: 1, fingerprint, files, stats };
}
