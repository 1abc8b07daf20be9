/**
 * The answer bank as the build-time snapshot keeps it: for each answer file, only what start-up
 * needs of every entry (its "head": id, kind, services, reviewed date), with the whole validated
 * file saved apart (dist/knowledge-answers/). An entry's texts (phrasings, lead, steps, sources...)
 * are read and parsed when first used, one answer file at a time: answering a question touches a
 * handful of entries, so `awsbot ask` no longer parses the 3,000 others at every start.
 */
import { readFileSync } from 'node:fs';
import type { BankEntry } from './answer-bank-schema.js';

/** The folder of the saved answer files, next to the snapshot. */
export const ANSWERS_DIR = 'knowledge-answers';

/** What start-up reads of every entry: [id, kind, services, reviewed]. */
export type EntryHead = [string, BankEntry['kind'], string[], string];

/** One answer file as saved apart: its validated entries, marked with the snapshot's fingerprint. */
export interface SavedAnswers {
  fingerprint: string;
  entries: BankEntry[];
}

/**
 * Reads one answer file's validated entries (called once per file, on first use); `fallback` reads
 * the source file in intents/ when the saved one is missing, damaged or from another build.
 */
export class AnswerFile {
  private entries: BankEntry[] | undefined;
  constructor(
    private readonly saved: URL,
    private readonly fingerprint: string,
    private readonly count: number,
    private readonly fallback: () => BankEntry[],
  ) {}

  /** Entry `i` of the file, which must be the entry `id` (intents/ may have changed since start-up). */
  entry(i: number, id: string): BankEntry {
    this.entries ??= this.read();
    const entry = this.entries[i]?.id === id ? this.entries[i] : this.entries.find((e) => e.id === id);
    if (!entry) throw new Error(`answer-bank entry "${id}" is no longer in its file: restart to reload the knowledge`);
    return entry;
  }

  private read(): BankEntry[] {
    try {
      const file = JSON.parse(readFileSync(this.saved, 'utf8')) as SavedAnswers;
      if (file?.fingerprint === this.fingerprint && Array.isArray(file.entries) && file.entries.length === this.count) return file.entries;
    } catch {
      // Read from intents/ instead, below.
    }
    return this.fallback();
  }
}

/** A bank entry whose head is at hand and whose texts come from its answer file when first read. */
export class LazyBankEntry implements BankEntry {
  readonly id: string;
  readonly kind: BankEntry['kind'];
  readonly services: string[];
  readonly reviewed: string;

  constructor(
    head: EntryHead,
    private readonly file: AnswerFile,
    private readonly index: number,
  ) {
    [this.id, this.kind, this.services, this.reviewed] = head;
  }

  private get full(): BankEntry {
    return this.file.entry(this.index, this.id);
  }
  get questions(): string[] {
    return this.full.questions;
  }
  get keywords(): string[] {
    return this.full.keywords;
  }
  get lead(): string {
    return this.full.lead;
  }
  get steps(): string[] {
    return this.full.steps;
  }
  get command(): string | undefined {
    return this.full.command;
  }
  get caveats(): string[] {
    return this.full.caveats;
  }
  get flips(): string[] {
    return this.full.flips;
  }
  get verdicts(): Record<string, 'yes' | 'no'> {
    return this.full.verdicts;
  }
  get scope(): BankEntry['scope'] {
    return this.full.scope;
  }
  get sources(): BankEntry['sources'] {
    return this.full.sources;
  }

  /** The whole entry, as validation gives it. */
  toJSON(): BankEntry {
    return this.full;
  }
}

/** The head of each entry of an answer file. */
export function headsOf(entries: readonly BankEntry[]): EntryHead[] {
  return entries.map((e) => [e.id, e.kind, e.services, e.reviewed]);
}

/**
 * Entries for a snapshot's answer file: heads from the snapshot, texts from `file` on first use;
 * undefined when the heads are not in that shape (a damaged snapshot: validate instead).
 */
export function lazyEntries(heads: unknown, file: (count: number) => AnswerFile): LazyBankEntry[] | undefined {
  if (!Array.isArray(heads) || !heads.every((h) => Array.isArray(h) && h.length === 4 && typeof h[0] === 'string' && typeof h[1] === 'string' && Array.isArray(h[2]) && typeof h[3] === 'string')) return undefined;
  const answers = file(heads.length);
  return (heads as EntryHead[]).map((h, i) => new LazyBankEntry(h, answers, i));
}
