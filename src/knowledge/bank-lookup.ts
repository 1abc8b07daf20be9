/** Answer-bank entries by id, for every part that follows a reference to one (a match, a conversation's topic). */
import type { BankEntry } from './answer-bank-schema.js';
import type { Knowledge } from './load.js';

const entriesById = new WeakMap<Knowledge, Map<string, BankEntry>>();

/** The entry with this id, or undefined; the index is built once per knowledge base. */
export function bankEntry(k: Knowledge, id: string): BankEntry | undefined {
  let byId = entriesById.get(k);
  if (!byId) entriesById.set(k, (byId = new Map(k.bank.map((e) => [e.id, e]))));
  return byId.get(id);
}
