import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/answer/actions.js';
import { buildAnswer } from '../../../src/core/answer/build.js';
import { compareServices } from '../../../src/core/answer/compare.js';
import { focusOf } from '../../../src/core/answer/facts.js';
import type { Answer } from '../../../src/core/answer/types.js';
import { constraintOf } from '../../../src/core/answer/verdict.js';
import { reading } from '../../../src/core/understanding/understanding.js';
import { ASPECTS, type Aspect } from '../../../src/knowledge/schema.js';
import { newBot, realKnowledge } from '../../helpers/knowledge.js';

const k = realKnowledge();
const bot = newBot();
const ids = k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id);
/** The general comparison path for a question, whatever the answer bank holds for it. */
const general = (services: string[], text: string, aspect: Aspect | null = null) => compareServices(k, services, aspect, focusOf(k, text), text);
const textOf = (a: Answer) => [a.title, a.summary ?? '', ...a.notes, ...a.sections.flatMap((s) => [s.heading, s.text ?? '', ...(s.bullets ?? []), ...(s.columns ?? []).flatMap((c) => [c.heading, ...c.bullets])])].join('\n');

describe('decisions under a constraint lead with a verdict and its reason, then what would change it', () => {
  it.each([
    [['ecs', 'eks'], 'ECS or EKS for a small team?', 'ecs'],
    [['lambda', 'fargate'], 'Lambda or Fargate for a 20-minute job?', 'fargate'],
    [['aurora', 'rds'], 'Aurora vs RDS Postgres cost', 'rds'],
    [['ecs', 'lambda'], 'ECS or Lambda without servers', 'lambda'],
    [['fargate', 'lambda'], 'Fargate or Lambda for low traffic', 'lambda'],
  ])('%s: "%s" → %s', (services, question, winner) => {
    const a = general(services, question);
    expect(a.summary).toMatch(new RegExp(`^Verdict for [^:]+: ${k.byId.get(winner)!.short}\\. Pick `));
    expect(a.sections.map((s) => s.heading)).toEqual(['Why', 'What would change it']);
    expect(a.sections[0]!.bullets!.length).toBeGreaterThan(0);
    const loser = services.find((s) => s !== winner)!;
    expect(a.sections[1]!.bullets![0]).toMatch(new RegExp(`^Pick ${k.byId.get(loser)!.short.replace(/^(Amazon|AWS) /, '')}`));
  });

  it('where the knowledge does not settle it, says which facts decide it instead of inventing a verdict', () => {
    for (const [services, question] of [[['sqs', 'sns'], 'SQS or SNS with ordering'], [['s3', 'efs'], 'S3 or EFS, which is cheaper?']] as const) {
      const a = general([...services], question);
      expect(a.summary, question).toMatch(/does not settle .* these facts decide it/);
      expect(a.summary).not.toMatch(/Verdict/);
      const columns = a.sections[0]!.columns!;
      expect(columns.map((c) => c.bullets.length > 0)).toEqual([true, true]);
    }
  });

  it('reads constraints, and not ordinary aspect questions', () => {
    expect(constraintOf('which is cheaper?')?.id).toBe('cost');
    expect(constraintOf('Lambda or Fargate for a 2-hour batch job')).toMatchObject({ id: 'duration', minutes: 120 });
    expect(constraintOf('SQS FIFO for ordering')?.id).toBe('ordering');
    expect(constraintOf('what about pricing?')).toBeUndefined();
    expect(constraintOf('what about cost?')).toBeUndefined();
    expect(constraintOf('in order to store logs')).toBeUndefined();
    expect(constraintOf('Kinesis retention of 24 hours vs SQS')).toBeUndefined();
  });

  it('the constraint questions asked end to end lead with a verdict (from the answer bank or the general path)', async () => {
    for (const q of ['ECS or EKS for a small team?', 'Aurora vs RDS Postgres cost', 'Lambda or Fargate for a 20-minute job?', 'ECS or Lambda without servers']) {
      const { answer } = await bot.ask(q);
      expect(`${answer.title} ${answer.summary}`, q).toMatch(/verdict/i);
    }
  });
});

describe('generated sentences read well for every need, service and aspect', () => {
  const answers: Answer[] = [];
  for (const need of k.needs) answers.push(buildAnswer(k, { ...reading({ intent: 'recommend', services: need.picks.map((p) => p.service), aspect: null }), needs: [{ id: need.id, score: 1 }] }));
  for (const id of ids) for (const aspect of [null, ...ASPECTS]) answers.push(buildAnswer(k, reading({ intent: 'describe', services: [id], aspect })));
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) answers.push(buildAnswer(k, reading({ intent: 'compare', services: [ids[i]!, ids[j]!], aspect: ASPECTS[(i + j) % ASPECTS.length]! })), buildAnswer(k, reading({ intent: 'compare', services: [ids[i]!, ids[j]!], aspect: null })));
  ids.forEach((id, i) => answers.push(buildAnswer(k, reading({ intent: 'compare', services: [id, ids[(i + 3) % ids.length]!, ids[(i + 7) % ids.length]!], aspect: null }))));

  it('titles start with a capital, never "For <verb>"; no empty summary, heading or bullet', () => {
    const bad: string[] = [];
    for (const a of answers) {
      if (!/^[A-Z0-9]/.test(a.title) || /^For (run|store|deploy|send|host|get|create|manage|query|handle|serve|trigger|orchestrate|route|register|audit|lift|load|buffer)\b/.test(a.title)) bad.push(`title: ${a.title}`);
      if (a.summary !== undefined && !a.summary.trim()) bad.push(`${a.title}: empty summary`);
      for (const s of a.sections) {
        if (!s.heading.trim()) bad.push(`${a.title}: empty heading`);
        for (const b of [...(s.bullets ?? []), ...(s.columns ?? []).flatMap((c) => c.bullets)]) if (!b.trim()) bad.push(`${a.title}/${s.heading}: empty bullet`);
        if ((s.bullets?.length ?? 0) === 0 && !s.text && !(s.columns ?? []).some((c) => c.bullets.length > 0) && !s.code) bad.push(`${a.title}: empty section ${s.heading}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('names keep their casing (MySQL, PostgreSQL, DynamoDB), and no "when:" joins a lowered clause', () => {
    const bad: string[] = [];
    for (const a of answers) {
      const t = textOf(a);
      for (const m of t.matchAll(/\b(mySQL|postgreSQL|dynamoDB|aurora (?=MySQL)|sQS|sNS|aWS|amazon (?=[A-Z]))/g)) bad.push(`${a.title}: ${m[0]}`);
      for (const m of t.matchAll(/\bwhen: [a-z]\w*/g)) bad.push(`${a.title}: ${m[0]}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('a recommendation reads as the need itself, capitalised', () => {
    const need = k.needs.find((n) => n.label.startsWith('run a job on a schedule'))!;
    const a = buildAnswer(k, { ...reading({ intent: 'recommend', services: [], aspect: null }), needs: [{ id: need.id, score: 1 }] });
    expect(a.title).toBe('Run a job on a schedule (cron) without servers');
  });
});

describe('family names say which member is assumed', () => {
  it.each([
    ['what is Kinesis', /this answer is about Kinesis Data Streams.*Firehose/],
    ['Kinesis vs SQS', /Kinesis Data Streams.*Firehose/],
    ['tell me about Glacier', /S3 Glacier storage classes.*not the original Amazon Glacier vault service/],
    ['what is ElastiCache', /Valkey, Redis OSS and Memcached/],
  ])('"%s"', async (q, note) => {
    const { answer } = await bot.ask(q);
    expect(answer.notes.join(' ')).toMatch(note);
  });

  it('and say nothing when the question names the member', async () => {
    for (const q of ['Kinesis Data Streams vs SQS', 'what is Kinesis Firehose', 'S3 Glacier Deep Archive storage class', 'ElastiCache for Redis']) {
      const { answer } = await bot.ask(q);
      expect(answer.notes.join(' '), q).not.toMatch(/family|here means|three engines/);
    }
  });

  it('and buttons, which carry no question text, add no note', async () => {
    const reply = await bot.act(encodeAction({ intent: 'describe', services: ['kinesis'], aspect: null }));
    expect(reply!.answer.notes).toEqual([]);
  });
});
