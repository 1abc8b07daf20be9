import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, type Bot } from '../../src/core/bot.js';
import { DEFAULT_INTENTS_DIR, loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';

let cached: Knowledge | undefined;
/** The real knowledge base in intents/, loaded once per test file. */
export function realKnowledge(): Knowledge {
  cached ??= loadKnowledge();
  return cached;
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
