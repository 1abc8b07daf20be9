/**
 * The build-time snapshot of the validated knowledge (dist/knowledge.json) changes nothing but
 * start-up time: it gives exactly the knowledge validation gives; once intents/ differs from what
 * it was made from, or when it is damaged, it is ignored and the knowledge is validated as always.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge, makeKnowledgeSnapshot } from '../../src/knowledge/load.js';
import { ANSWERS_DIR } from '../../src/knowledge/lazy-bank.js';
import { knowledgeFingerprint, loadKnowledgeSnapshot, openKnowledge, splitSnapshot } from '../../src/knowledge/snapshot.js';
import { copyOfIntents, editJson } from '../helpers/knowledge.js';

const made: string[] = [];
afterEach(() => {
  for (const p of made.splice(0)) rmSync(p, { recursive: true, force: true });
});

/** A copy of intents/ and a snapshot made from it. */
function setUp(): { dir: string; file: string } {
  const dir = copyOfIntents();
  const file = join(tmpdir(), `awsbot-snapshot-${process.pid}-${made.length}.json`);
  made.push(dir, file);
  writeFileSync(file, JSON.stringify(makeKnowledgeSnapshot(dir)));
  return { dir, file };
}

const sqsRetention = (k: { bank: readonly { id: string; lead: string }[] }) => k.bank.find((e) => e.id === 'sqs-message-retention')?.lead;

describe('the knowledge snapshot', () => {
  it('gives exactly the knowledge that validation gives', () => {
    const { dir, file } = setUp();
    const fromSnapshot = loadKnowledgeSnapshot(dir, new Date(), file);
    expect(fromSnapshot).toBeDefined();
    expect(isDeepStrictEqual(fromSnapshot, loadKnowledge(dir))).toBe(true);
  });

  it('is ignored once a file changes: an invalid edit is reported, a valid one is used', async () => {
    const { dir, file } = setUp();
    const answers = join(dir, 'answers/sqs.json');
    const original = readFileSync(answers, 'utf8');
    expect(sqsRetention(loadKnowledgeSnapshot(dir, new Date(), file)!)).toMatch(/4 days/);

    editJson(answers, (d) => (d.entries.find((e: { id: string }) => e.id === 'sqs-message-retention').lead = ''));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
    await expect(openKnowledge(dir)).rejects.toThrow(KnowledgeError);
    await expect(openKnowledge(dir)).rejects.toThrow(/answers\/sqs\.json/);

    editJson(answers, (d) => (d.entries.find((e: { id: string }) => e.id === 'sqs-message-retention').lead = 'SQS keeps a message for 5 days by default in this edit.'));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
    expect(sqsRetention(await openKnowledge(dir))).toBe('SQS keeps a message for 5 days by default in this edit.');

    // Back to the contents it was made from: used again.
    writeFileSync(answers, original);
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeDefined();
  });

  it('knows an unchanged folder by its files\' sizes and modification times, and hashes the contents once they differ', () => {
    const { dir, file } = setUp();
    // A fingerprint that matches nothing: only the sizes and times can vouch for the folder.
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(snapshot.stats).length).toBeGreaterThan(100);
    writeFileSync(file, JSON.stringify({ ...snapshot, fingerprint: 'not-a-fingerprint' }));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeDefined();
    // A copy that keeps times rounds their sub-millisecond part: still the same file.
    const answers = join(dir, 'answers/sqs.json');
    const recorded = snapshot.stats['answers/sqs.json'][1] as number;
    utimesSync(answers, new Date(), new Date(Math.round(recorded)));
    expect(Math.abs(statSync(answers).mtimeMs - recorded)).toBeLessThan(1);
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeDefined();
    utimesSync(answers, new Date(), new Date(recorded + 5));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
    // Same contents, a newer time: the contents are hashed, and this fingerprint no longer matches them.
    writeFileSync(answers, readFileSync(answers));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
    writeFileSync(file, JSON.stringify(snapshot));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeDefined();
  });

  it('is ignored when a file is added or removed', () => {
    const { dir, file } = setUp();
    writeFileSync(join(dir, 'answers/zzz-notes.txt'), 'not knowledge');
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
    rmSync(join(dir, 'answers/zzz-notes.txt'));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeDefined();
    rmSync(join(dir, 'pairs'), { recursive: true });
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
  });

  it('falls back to validation when damaged or missing', async () => {
    const { dir, file } = setUp();
    const text = readFileSync(file, 'utf8');
    const snapshot = JSON.parse(text);
    const damaged = [
      text.slice(0, text.length / 2),
      '',
      'null',
      JSON.stringify({ ...snapshot, version: 2 }),
      JSON.stringify({ ...snapshot, files: null }),
      JSON.stringify({ ...snapshot, files: { ...snapshot.files, 'catalog.json': { services: 'not a list' } } }),
      JSON.stringify({ ...snapshot, files: Object.fromEntries(Object.entries(snapshot.files).filter(([rel]) => rel !== 'answers/sqs.json')) }),
    ];
    for (const bad of damaged) {
      writeFileSync(file, bad);
      expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
    }
    rmSync(file);
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
    expect(sqsRetention(await openKnowledge(dir))).toMatch(/4 days/);
  });

  it('as the build saves it (answer files apart), gives the same bank and reads an answer file only when its texts are used', () => {
    const dir = copyOfIntents();
    const out = join(tmpdir(), `awsbot-split-${process.pid}-${made.length}`);
    made.push(dir, out);
    mkdirSync(join(out, ANSWERS_DIR), { recursive: true });
    const { snapshot, saved } = splitSnapshot(makeKnowledgeSnapshot(dir));
    for (const [name, contents] of Object.entries(saved)) writeFileSync(join(out, ANSWERS_DIR, name), JSON.stringify(contents));
    const file = join(out, 'knowledge.json');
    writeFileSync(file, JSON.stringify(snapshot));
    // The snapshot itself holds no answer texts.
    expect(readFileSync(file, 'utf8').includes('keeps an undeleted message')).toBe(false);
    const validated = loadKnowledge(dir);
    expect(JSON.stringify(loadKnowledgeSnapshot(dir, new Date(), file)!.bank)).toBe(JSON.stringify(validated.bank));

    // Loaded, not yet read: with the saved files gone and the source edited since, the texts come
    // from the source on first use (and heads, read at start-up, stay as they were).
    const k = loadKnowledgeSnapshot(dir, new Date(), file)!;
    rmSync(join(out, ANSWERS_DIR), { recursive: true });
    editJson(join(dir, 'answers/sqs.json'), (d) => (d.entries.find((e: { id: string }) => e.id === 'sqs-message-retention').lead = 'Read late, from intents/.'));
    expect(sqsRetention(k)).toBe('Read late, from intents/.');
    expect(k.bank.find((e) => e.id === 'sqs-message-retention')!.services).toEqual(['sqs']);

    // Heads in the wrong shape: validated instead.
    const damaged = { ...snapshot, files: { ...snapshot.files, 'answers/sqs.json': { heads: [['sqs-message-retention']] } } };
    writeFileSync(file, JSON.stringify(damaged));
    expect(loadKnowledgeSnapshot(dir, new Date(), file)).toBeUndefined();
  });

  it('checks dates against today: a date in the future (a clock set back) is validated and reported', () => {
    const { dir, file } = setUp();
    expect(loadKnowledgeSnapshot(dir, new Date('2000-01-01T00:00:00Z'), file)).toBeUndefined();
    expect(() => loadKnowledge(dir, new Date('2000-01-01T00:00:00Z'))).toThrow(/in the future/);
  });

  it('the built file matches intents/ (npm run build writes it)', async () => {
    const built = new URL('../../dist/knowledge.json', import.meta.url);
    expect(existsSync(built)).toBe(true);
    // The compiled module fingerprints the compiled validating code, as `awsbot ask` does.
    const dist = (await import(new URL('../../dist/knowledge/snapshot.js', import.meta.url).href)) as typeof import('../../src/knowledge/snapshot.js');
    expect(JSON.parse(readFileSync(built, 'utf8')).fingerprint).toBe(dist.knowledgeFingerprint());
    expect(dist.loadKnowledgeSnapshot()).toBeDefined();
    expect(knowledgeFingerprint()).toMatch(/^[0-9a-f]{40}$/);
  });
});
