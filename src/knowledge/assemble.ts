/**
 * Builds the {@link Knowledge} from the files of intents/ and checks everything that spans files
 * (ids, aliases, services named, dates), given a `parseFile` that reads and validates one file:
 * load.ts passes one that validates with the zod schemas; snapshot.ts one that returns what that
 * validation produced at build time. No zod here: answering a question never loads it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASPECTS } from './names.js';
import type { z } from 'zod';
import type {
  Aspect,
  aspectVocabularySchema,
  catalogSchema,
  CatalogEntry,
  Need,
  needsFileSchema,
  OutsideTerm,
  outsideSchema,
  PairNote,
  Profile,
  synonymsSchema,
  TrainingFile,
} from './schema.js';
import type { BankEntry, bankFileSchema } from './answer-bank-schema.js';
import type { DirectoryEntry, directoryFileSchema } from './directory-schema.js';
import type { PriceProblem, Prices } from './price-lookup.js';

/** A service the bot recognises: the 20 of catalog.json (full profiles) and the directory's others. */
export type ServiceEntry = Omit<CatalogEntry, 'category'> & { category: string };

export interface Knowledge {
  readonly dir: string;
  /** Every service recognised: catalog.json's first, then the directory's. */
  readonly catalog: readonly ServiceEntry[];
  readonly byId: ReadonlyMap<string, ServiceEntry>;
  /** Directory entries (status, links, other clouds' counterparts) by service id. */
  readonly directory: ReadonlyMap<string, DirectoryEntry>;
  /** The answer bank: direct answers to the questions engineers ask. */
  readonly bank: readonly BankEntry[];
  readonly synonyms: readonly { to: string; from: string[] }[];
  readonly profiles: ReadonlyMap<string, Profile>;
  /** Curated notes keyed by {@link pairKey}. */
  readonly pairs: ReadonlyMap<string, PairNote>;
  readonly needs: readonly Need[];
  readonly training: readonly TrainingFile[];
  readonly aspectWords: readonly { id: Aspect; label: string; keywords: string[] }[];
  readonly outside: readonly OutsideTerm[];
  /** List prices from intents/prices/ (empty when the table is absent). */
  readonly prices: Prices;
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** What each kind of file holds once validated. */
export interface FileData {
  catalog: z.infer<typeof catalogSchema>;
  directory: z.infer<typeof directoryFileSchema>;
  profile: Profile;
  pair: PairNote;
  needs: z.infer<typeof needsFileSchema>;
  bank: z.infer<typeof bankFileSchema>;
  synonyms: z.infer<typeof synonymsSchema>;
  training: TrainingFile;
  aspects: z.infer<typeof aspectVocabularySchema>;
  outside: z.infer<typeof outsideSchema>;
}
export type FileKind = keyof FileData;

/** Reads and validates one file (`rel`: its path in intents/); reports problems and returns undefined when it is not valid. */
export type ParseFile = (file: string, kind: FileKind, rel: string, problems: Problem[]) => unknown;
/** The price table's Prices and problems, given which service ids exist. */
export type PriceReader = (known: (id: string) => boolean) => { prices: Prices; problems: PriceProblem[] };

/** The order-independent key of a set of services, e.g. "ec2+s3". */
export function pairKey(ids: readonly string[]): string {
  return [...ids].sort().join('+');
}

/** intents/ next to the code, or the folder AWSBOT_INTENTS_DIR names (a knowledge base kept elsewhere). */
export const DEFAULT_INTENTS_DIR = process.env.AWSBOT_INTENTS_DIR || fileURLToPath(new URL('../../intents/', import.meta.url));

/**
 * `contentChecks: false` skips the costliest check that depends on the files' contents alone
 * (phrasings shared by two entries); the snapshot passes it, having been made from the same contents.
 */
export function assembleKnowledge(dir: string, today: Date, parseFile: ParseFile, readPrices: PriceReader, contentChecks = true): { knowledge?: Knowledge; problems: Problem[] } {
  const problems: Problem[] = [];
  const rel = (file: string) => relative(dir, file) || file;

  const parse = <K extends FileKind>(file: string, kind: K): FileData[K] | undefined => parseFile(file, kind, rel(file), problems) as FileData[K] | undefined;

  const jsonFiles = (sub: string) => {
    const folder = join(dir, sub);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(folder, f));
  };

  const catalogFile = join(dir, 'catalog.json');
  const catalog: ServiceEntry[] = parse(catalogFile, 'catalog')?.services ?? [];
  const byId = new Map<string, ServiceEntry>();
  const aliasOwner = new Map<string, string>();
  catalog.forEach((entry, i) => {
    if (byId.has(entry.id)) problems.push({ file: rel(catalogFile), field: `services.${i}.id`, message: `"${entry.id}" is listed twice` });
    byId.set(entry.id, entry);
    for (const alias of [...entry.aliases, ...entry.misspellings]) {
      const key = alias.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner && owner !== entry.id)
        problems.push({ file: rel(catalogFile), field: `services.${i}.aliases`, message: `"${alias}" also names "${owner}"` });
      aliasOwner.set(key, entry.id);
    }
  });
  const directory = new Map<string, DirectoryEntry>();
  for (const file of jsonFiles('directory')) {
    parse(file, 'directory')?.services.forEach((entry, i) => {
      if (directory.has(entry.id)) problems.push({ file: rel(file), field: `services.${i}.id`, message: `"${entry.id}" is listed twice in the directory` });
      directory.set(entry.id, entry);
      const inCatalog = byId.get(entry.id);
      if (!inCatalog) {
        const service: ServiceEntry = {
          id: entry.id,
          name: entry.name,
          short: entry.short ?? entry.name,
          category: entry.category,
          purpose: entry.purpose,
          aliases: entry.aliases,
          misspellings: [],
          plainPhrases: entry.plainPhrases,
          url: entry.links.product,
        };
        catalog.push(service);
        byId.set(entry.id, service);
      }
      for (const alias of entry.aliases) {
        const key = alias.toLowerCase();
        const owner = aliasOwner.get(key);
        if (owner && owner !== entry.id) problems.push({ file: rel(file), field: `services.${i}.aliases`, message: `"${alias}" also names "${owner}"` });
        else if (!owner) aliasOwner.set(key, entry.id);
      }
    });
  }
  const known = (id: string) => byId.has(id);
  for (const [id, entry] of directory) {
    for (const r of [...entry.related, ...(entry.status.successor ? [entry.status.successor] : [])])
      if (!known(r)) problems.push({ file: 'directory', field: id, message: `names "${r}", which is not a known service` });
  }
  // Thousands of entries share a few dates: each is checked once.
  const checkedDates = new Map<string, string | undefined>();
  const dateProblem = (reviewed: string): string | undefined => {
    if (!checkedDates.has(reviewed)) checkedDates.set(reviewed, checkDate(reviewed));
    return checkedDates.get(reviewed);
  };
  const checkDate = (reviewed: string): string | undefined => {
    const d = new Date(`${reviewed}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return `"${reviewed}" is not a real date`;
    const endOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
    if (d.getTime() >= endOfToday) return `"${reviewed}" is in the future`;
    return undefined;
  };

  const profiles = new Map<string, Profile>();
  for (const file of jsonFiles('services')) {
    const profile = parse(file, 'profile');
    if (!profile) continue;
    const expected = basename(file, '.json');
    if (profile.id !== expected) problems.push({ file: rel(file), field: 'id', message: `is "${profile.id}" but the file is named for "${expected}"` });
    if (!known(profile.id)) problems.push({ file: rel(file), field: 'id', message: `"${profile.id}" is not a service of catalog.json` });
    const bad = dateProblem(profile.reviewed);
    if (bad) problems.push({ file: rel(file), field: 'reviewed', message: bad });
    profiles.set(profile.id, profile);
  }

  const pairs = new Map<string, PairNote>();
  for (const file of jsonFiles('pairs')) {
    const note = parse(file, 'pair');
    if (!note) continue;
    note.services.forEach((id, i) => {
      if (!known(id)) problems.push({ file: rel(file), field: `services.${i}`, message: `"${id}" is not a service of catalog.json` });
    });
    const bad = dateProblem(note.reviewed);
    if (bad) problems.push({ file: rel(file), field: 'reviewed', message: bad });
    const key = pairKey(note.services);
    if (pairs.has(key)) problems.push({ file: rel(file), field: 'services', message: `another pair note already covers ${key}` });
    pairs.set(key, note);
  }

  const needs: Need[] = [];
  const needIds = new Set<string>();
  for (const file of jsonFiles('needs')) {
    const parsed = parse(file, 'needs');
    parsed?.needs.forEach((need, i) => {
      if (needIds.has(need.id)) problems.push({ file: rel(file), field: `needs.${i}.id`, message: `"${need.id}" is used by another need` });
      needIds.add(need.id);
      need.picks.forEach((p, j) => {
        if (!known(p.service))
          problems.push({ file: rel(file), field: `needs.${i}.picks.${j}.service`, message: `"${p.service}" is not a service of catalog.json` });
      });
      needs.push(need);
    });
  }

  const bank: BankEntry[] = [];
  const entryIds = new Set<string>();
  const phrasingOwner = new Map<string, string>();
  for (const file of jsonFiles('answers')) {
    parse(file, 'bank')?.entries.forEach((entry, i) => {
      const at = (f: string) => `entries.${i}${f ? `.${f}` : ''}`;
      if (entryIds.has(entry.id)) problems.push({ file: rel(file), field: at('id'), message: `"${entry.id}" is used by another entry` });
      entryIds.add(entry.id);
      const expected = basename(file, '.json');
      if (entry.services[0] !== expected) problems.push({ file: rel(file), field: at('services.0'), message: `is "${entry.services[0]}" but the file is for "${expected}"` });
      if (!entry.id.startsWith(`${expected}-`)) problems.push({ file: rel(file), field: at('id'), message: `should start with "${expected}-"` });
      entry.services.forEach((id, j) => {
        if (!known(id)) problems.push({ file: rel(file), field: at(`services.${j}`), message: `"${id}" is not a known service` });
      });
      const bad = dateProblem(entry.reviewed);
      if (bad) problems.push({ file: rel(file), field: at('reviewed'), message: bad });
      // A check of the files' contents alone: a snapshot made from these very contents passed it.
      if (contentChecks)
        entry.questions.forEach((q, j) => {
          const key = q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
          const owner = phrasingOwner.get(key);
          if (owner && owner !== entry.id) problems.push({ file: rel(file), field: at(`questions.${j}`), message: `"${q}" is also a phrasing of "${owner}"` });
          else if (owner === entry.id) problems.push({ file: rel(file), field: at(`questions.${j}`), message: `"${q}" is listed twice in this entry` });
          phrasingOwner.set(key, entry.id);
        });
      bank.push(entry);
    });
  }
  const synonyms = parse(join(dir, 'synonyms.json'), 'synonyms')?.phrases ?? [];

  const training: TrainingFile[] = [];
  for (const file of jsonFiles('training')) {
    const parsed = parse(file, 'training');
    if (parsed) training.push(parsed);
  }

  const aspectFile = join(dir, 'aspects.json');
  const aspectWords = parse(aspectFile, 'aspects')?.aspects ?? [];
  for (const aspect of ASPECTS) {
    if (aspectWords.length > 0 && !aspectWords.some((a) => a.id === aspect))
      problems.push({ file: rel(aspectFile), field: 'aspects', message: `has no entry for "${aspect}"` });
  }
  const outside = parse(join(dir, 'outside.json'), 'outside')?.terms ?? [];
  for (const [i, term] of outside.entries()) {
    for (const alias of term.aliases) {
      const owner = aliasOwner.get(alias.toLowerCase());
      if (owner) problems.push({ file: rel(join(dir, 'outside.json')), field: `terms.${i}.aliases`, message: `"${alias}" names the catalog service "${owner}"` });
    }
  }

  const { prices, problems: priceProblems } = readPrices(known);
  problems.push(...priceProblems);

  if (problems.length > 0) return { problems };
  return {
    problems,
    knowledge: { dir, catalog, byId, directory, bank, synonyms, profiles, pairs, needs, training, aspectWords, outside, prices },
  };
}
