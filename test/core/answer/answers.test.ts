import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/answer/actions.js';
import { buildAnswer } from '../../../src/core/answer/build.js';
import type { Answer } from '../../../src/core/answer/types.js';
import { reading as makeReading, type Understanding } from '../../../src/core/understanding/understanding.js';
import { withoutHistory } from '../../../src/core/answer/brief.js';
import { ASPECTS, type Aspect } from '../../../src/knowledge/schema.js';
import { newBot, realKnowledge } from '../../helpers/knowledge.js';

const k = realKnowledge();
const bot = newBot();
/** The services with full profiles; the others answer from the directory. */
const ids = k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id);
const directoryOnly = k.catalog.filter((s) => !k.profiles.has(s.id)).map((s) => s.id);
const reading = (intent: Understanding['intent'], services: string[], aspect: Aspect | null = null): Understanding => makeReading({ intent, services, aspect });
const allText = (a: Answer) => JSON.stringify([a.summary, a.sections, a.notes]);

describe('the S3 / EC2 comparison', () => {
  it('answers first (summary), then use cases, features, pricing, differences, when to pick which and using them together, with the EC3 note', async () => {
    const { answer } = await bot.ask('What is difference between S3 and EC3 AWS?');
    expect(answer.kind).toBe('compare');
    expect(answer.title).toBe('Amazon S3 vs Amazon EC2');
    expect(answer.notes[0]).toBe('"EC3" was read as Amazon EC2.');
    expect(answer.summary).toMatch(/^EC2 is compute.*S3 is storage/);
    expect(answer.sections.map((s) => s.heading)).toEqual(['Use cases', 'Key features', 'Pricing', 'Key differences', 'When to choose which', 'Using them together']);
    for (const s of answer.sections.slice(0, 3)) {
      expect(s.columns?.map((c) => c.heading)).toEqual(['Amazon S3', 'Amazon EC2']);
      // At most two short bullets per service and aspect.
      for (const c of s.columns!) {
        expect(c.bullets.length, `${s.heading} ${c.heading}`).toBeGreaterThan(0);
        expect(c.bullets.length).toBeLessThanOrEqual(2);
        for (const b of c.bullets) expect(b.length, b).toBeLessThanOrEqual(100);
      }
    }
    expect(answer.sections[3]!.bullets!.length).toBeGreaterThanOrEqual(3);
    expect(answer.sources.length).toBeGreaterThan(0);
    for (const s of answer.sources) expect(s.url).toMatch(/^https:\/\/([a-z0-9-]+\.)*aws\.amazon\.com\/|^https:\/\/repost\.aws\//);
    expect(answer.followUps.length).toBeGreaterThan(0);
  });

  it('states current facts: strong consistency, default encryption, per-second EC2 billing', () => {
    const s3 = JSON.stringify(k.profiles.get('s3'));
    expect(s3).toMatch(/strong(ly)? (read-after-write )?consisten/i);
    expect(s3).toMatch(/SSE-S3/);
    expect(JSON.stringify(k.profiles.get('ec2'))).toMatch(/per-second|per second/i);
  });

  it('answers "what about pricing?" for the same two services, side by side', async () => {
    const c = `test:${Math.random()}`;
    await bot.ask('S3 vs EC2', c);
    const { answer, understanding } = await bot.ask('what about pricing?', c);
    expect(understanding).toMatchObject({ intent: 'compare', services: ['s3', 'ec2'], aspect: 'pricing' });
    expect(answer.title).toBe('Amazon S3 vs Amazon EC2: Pricing');
    expect(answer.sections[0]!.columns!.map((col) => col.heading)).toEqual(['Amazon S3', 'Amazon EC2']);
  });
});

describe('every answer the catalog can produce', () => {
  it('describes every service, overall and for every aspect, from its profile', () => {
    for (const id of ids) {
      // Purpose, what it is for, then the handful of facts a newcomer needs first; the rest behind buttons.
      const overview = buildAnswer(k, reading('describe', [id]));
      expect(overview.summary, id).toBe(k.byId.get(id)!.purpose);
      expect(overview.sections.map((s) => s.heading).slice(-2), id).toEqual(['What it is for', 'Need to know']);
      const first = overview.sections.at(-1)!.bullets!;
      expect(first.length, id).toBeGreaterThanOrEqual(3);
      expect(first.length, id).toBeLessThanOrEqual(4);
      expect(overview.followUps.length, id).toBeGreaterThanOrEqual(4);
      for (const aspect of ASPECTS) {
        // The aspect's facts themselves, the first one leading; history notes only when asked about.
        const a = buildAnswer(k, reading('describe', [id], aspect));
        const facts = k.profiles.get(id)!.aspects[aspect].facts;
        const allowed = new Set(facts.flatMap((f) => [f.text, withoutHistory(f.text)]));
        // "S3 pricing": the price table's dated list prices come first where it has them, then the facts.
        const priced = aspect === 'pricing' && (k.prices.byService.get(id)?.length ?? 0) > 0;
        if (priced) {
          expect(a.sections[0]!.heading, id).toMatch(/^List prices, us-east-1, read \d{4}-\d\d-\d\d$/);
          for (const l of a.sections[0]!.bullets!) expect(l, id).toMatch(/^\$\d[\d.,]* per .+ — .+$/);
          expect(a.sources[0]!.url, id).toBe(k.prices.table!.pages[id]);
        }
        const bullets = a.sections[priced ? 1 : 0]?.bullets ?? [];
        // The aspect's one-line summary leads when the facts add at least two points to it; otherwise the first fact leads.
        const summary = k.profiles.get(id)!.aspects[aspect].summary;
        if (a.summary === summary) expect(bullets.length, `${id}/${aspect}`).toBeGreaterThanOrEqual(2);
        else expect(allowed.has(a.summary!), `${id}/${aspect}: ${a.summary}`).toBe(true);
        const lines = [a.summary!, ...bullets];
        for (const l of bullets) expect(allowed.has(l), `${id}/${aspect}: ${l}`).toBe(true);
        expect(lines.some((l) => /^History\b/.test(l)), `${id}/${aspect}`).toBe(false);
        expect(lines.length, `${id}/${aspect}`).toBeLessThanOrEqual(6);
        expect(a.sources.length, `${id}/${aspect}`).toBeGreaterThan(0);
      }
    }
  });

  it('compares a fully profiled service with a directory-only one at the depth each has', () => {
    const a = buildAnswer(k, reading('compare', ['lambda', 'batch']));
    const first = a.sections.find((s) => s.heading === 'What to know first');
    expect(first?.columns?.map((c) => c.heading)).toEqual(['AWS Lambda', 'AWS Batch']);
    expect(first!.columns![0]!.bullets.length).toBeGreaterThanOrEqual(2);
    expect(first!.columns![0]!.bullets.join(' ')).toMatch(/15 minutes/);
    expect(first!.columns![1]!.bullets.join(' ')).toMatch(/Closest services: .*(EC2|Fargate)/);
    expect(a.notes.join(' ')).toMatch(/full profiles for AWS Lambda only/);
  });

  it('describes every other service from the directory: purpose, category, status, links', () => {
    expect(directoryOnly.length).toBeGreaterThan(150);
    for (const id of directoryOnly) {
      const d = k.directory.get(id)!;
      const a = buildAnswer(k, reading('describe', [id]));
      expect(a.summary, id).toBe(d.purpose);
      expect(allText(a), id).toContain('Category');
      expect(a.sources.map((x) => x.url), id).toContain(d.links.docs);
      if (d.status.state !== 'available') expect(a.title.toLowerCase(), id).toContain(d.status.state === 'closed-to-new-customers' ? 'closed to new customers' : d.status.state.replace(/-/g, ' '));
    }
  });

  it('says plainly that a service is closed to new customers, with its successor, in a describe and in a comparison', () => {
    const a = buildAnswer(k, reading('describe', ['app-runner']));
    expect(allText(a)).toMatch(/closed to new customers since 2026-04-30/i);
    expect(allText(a)).toContain('Amazon ECS');
    const c = buildAnswer(k, reading('compare', ['app-runner', 'fargate']));
    expect(allText(c)).toMatch(/closed to new customers/i);
  });

  it('compares each pair of fully profiled services meaningfully: different services never produce identical sections', () => {
    let pairs = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        pairs++;
        const pair = [ids[i]!, ids[j]!];
        const a = buildAnswer(k, reading('compare', pair));
        expect(a.title).toContain(' vs ');
        for (const s of a.sections.filter((x) => x.columns)) {
          expect(s.columns![0]!.bullets, `${pair.join('/')} ${s.heading}`).not.toEqual(s.columns![1]!.bullets);
        }
        expect(a.sections.find((s) => s.heading === 'Key differences')!.bullets!.length).toBeGreaterThanOrEqual(2);
        for (const aspect of ASPECTS) {
          const b = buildAnswer(k, reading('compare', pair, aspect));
          expect(b.sections[0]!.columns![0]!.bullets).not.toEqual(b.sections[0]!.columns![1]!.bullets);
        }
      }
    }
    expect(pairs).toBe((ids.length * (ids.length - 1)) / 2);
  });

  it('leads a comparison with the curated note where one exists', () => {
    for (const note of k.pairs.values()) {
      const a = buildAnswer(k, reading('compare', note.services));
      expect(a.summary).toBe(note.summary);
      const shown = a.sections.find((s) => s.heading === 'Key differences')!.bullets!;
      if (note.services.every((id) => k.profiles.has(id))) {
        // The note's differences in its order, at most three, leaving out any that repeat what the answer already said.
        const subsequence = shown.every((d, i) => note.differences.indexOf(d) > (i === 0 ? -1 : note.differences.indexOf(shown[i - 1]!)));
        expect(subsequence, note.services.join('/')).toBe(true);
        expect(shown.length, note.services.join('/')).toBeGreaterThanOrEqual(Math.min(2, note.differences.length));
        expect(shown.length).toBeLessThanOrEqual(3);
      } else expect(shown, 'a directory comparison shows the note\'s first differences').toEqual(note.differences.slice(0, 4));
    }
  });

  it('recommends from every need with existing services and the reason', () => {
    for (const need of k.needs) {
      for (const p of need.picks) expect(k.byId.has(p.service), `${need.id} → ${p.service}`).toBe(true);
      const a = buildAnswer(k, { ...reading('recommend', need.picks.map((p) => p.service)), needs: [{ id: need.id, score: 1 }] });
      expect(a.sections[0]!.bullets![0]).toBe(need.picks[0]!.why);
    }
  });

  it('has fitting answers for help, the list, greetings and out-of-scope questions', () => {
    expect(allText(buildAnswer(k, reading('help', [])))).toContain('/aws-compare');
    const list = buildAnswer(k, reading('list_services', []));
    const listed = list.sections.flatMap((s) => s.bullets ?? []).join(' ');
    for (const id of ids) expect(listed, id).toContain(k.byId.get(id)!.short.replace(/^(Amazon|AWS) /, ''));
    expect(list.summary).toContain(`other ${k.catalog.length - ids.length} AWS services`);
    expect(buildAnswer(k, { ...reading('greeting', []), text: 'thanks!' }).title).toMatch(/welcome/i);
    const refusal = buildAnswer(k, { ...reading('out_of_scope', []), outside: ['the weather'] });
    expect(refusal.summary).toContain('the weather');
    expect(refusal.summary!.length, 'a refusal stays short: no list of services').toBeLessThan(200);
  });

  it('puts the facts that answer a specific question first', async () => {
    const limits = (await bot.ask('what is the max object size in S3?')).answer;
    expect(limits.summary).toMatch(/50 TB/);
    const overview = (await bot.ask('tell me about DynamoDB vector search and RAG')).answer;
    expect(overview.summary).toMatch(/vector/i);
    expect((await bot.ask('tell me about DynamoDB')).answer.sections[0]!.heading).toBe('What it is for');
  });

  it('follow-up buttons carry self-contained actions that answer', async () => {
    const { answer } = await bot.ask('how is Lambda billed?');
    for (const f of answer.followUps) {
      expect(f.action.length).toBeLessThanOrEqual(90);
      const reply = await bot.act(f.action);
      expect(reply, f.action).toBeDefined();
    }
    expect(await bot.act('compare|s3|pricing')).toBeUndefined();
    expect(await bot.act('drop table|s3,ec2|')).toBeUndefined();
    expect(await bot.act(encodeAction({ intent: 'describe', services: ['nope'], aspect: null }))).toBeUndefined();
  });
});
