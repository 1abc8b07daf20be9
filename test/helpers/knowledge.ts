import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, type Bot } from '../../src/core/bot.js';
import { DEFAULT_INTENTS_DIR, loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';
import { priceById } from '../../src/knowledge/prices.js';
import type { PriceRow } from '../../src/knowledge/price-schema.js';

let cached: Knowledge | undefined;
/** The real knowledge base in intents/, loaded once per test file. */
export function realKnowledge(): Knowledge {
  cached ??= loadKnowledge();
  return cached;
}

/** A us-east-1 row of the real price table; throws when the table lacks it. */
export function priceRow(id: string): PriceRow {
  const r = priceById(realKnowledge().prices, id, 'us-east-1');
  if (!r) throw new Error(`no ${id} in the table`);
  return r;
}

export function newBot(): Bot {
  return createBot(realKnowledge());
}

/** A copy of intents/ in a temporary folder, for tests that break files on purpose. */
export function copyOfIntents(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awsbot-intents-'));
  cpSync(DEFAULT_INTENTS_DIR, dir, { recursive: true });
  return dir;
}

export function editJson(file: string, edit: (data: any) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  edit(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}
