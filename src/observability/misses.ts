/**
 * Questions the bot did not understand, appended to a local JSONL file when enabled, without any
 * user or channel id, so maintainers can add training phrases; `awsbot misses` summarises it.
 */
import { appendFile, readFile } from 'node:fs/promises';
import type { Understanding } from '../core/understanding/understanding.js';

export interface MissRecord {
  at: string;
  text: string;
  intent: string;
  confidence: number;
  reason: MissReason;
}

export type MissReason = 'low_confidence' | 'out_of_scope';

/** Why a reading counts as not understood, or undefined when it was understood. */
export function missReason(u: Understanding): MissReason | undefined {
  if (u.clarify) return 'low_confidence';
  if (u.intent === 'out_of_scope') return 'out_of_scope';
  return undefined;
}

export interface MissLog {
  record(u: Understanding): void;
  /** Resolves when every pending write has been flushed. */
  flush(): Promise<void>;
}

/** Appends in the background, one write at a time; a failing disk never fails an answer. */
export function createMissLog(file: string, onError: (err: unknown) => void = () => {}): MissLog {
  let chain: Promise<void> = Promise.resolve();
  let failedOnce = false;
  return {
    record(u) {
      const reason = missReason(u);
      if (!reason || !u.text) return;
      const line: MissRecord = { at: new Date().toISOString(), text: u.text.slice(0, 500), intent: u.intent, confidence: Number(u.confidence.toFixed(3)), reason };
      chain = chain
        .then(() => appendFile(file, `${JSON.stringify(line)}\n`, 'utf8'))
        .catch((err: unknown) => {
          if (!failedOnce) onError(err);
          failedOnce = true;
        });
    },
    flush: () => chain,
  };
}

export interface MissSummaryRow {
  text: string;
  count: number;
  reasons: string[];
  last: string;
}

/** Groups the file's questions by their normalised text, most frequent first. */
export async function summariseMisses(file: string): Promise<{ total: number; rows: MissSummaryRow[]; skipped: number }> {
  const raw = await readFile(file, 'utf8');
  const groups = new Map<string, MissSummaryRow>();
  let total = 0;
  let skipped = 0;
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    let rec: Partial<MissRecord>;
    try {
      rec = JSON.parse(line) as Partial<MissRecord>;
    } catch {
      skipped++;
      continue;
    }
    if (typeof rec.text !== 'string') {
      skipped++;
      continue;
    }
    total++;
    const key = rec.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const g = groups.get(key) ?? { text: rec.text, count: 0, reasons: [], last: '' };
    g.count++;
    if (rec.reason && !g.reasons.includes(rec.reason)) g.reasons.push(rec.reason);
    if (rec.at && rec.at > g.last) g.last = rec.at;
    groups.set(key, g);
  }
  return { total, skipped, rows: [...groups.values()].sort((a, b) => b.count - a.count || (a.last < b.last ? 1 : -1)) };
}
