import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyOfIntents, editJson } from '../helpers/knowledge.js';

// The compiled command, as users run it (npm test builds first).
const bin = fileURLToPath(new URL('../../bin/awsbot.cjs', import.meta.url));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 20_000 });

describe('awsbot ask', () => {
  it('prints the full S3/EC2 comparison with the EC3 note', () => {
    const r = run(['ask', 'What is difference between S3 and EC3 AWS?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Amazon S3 vs Amazon EC2');
    expect(r.stdout).toContain('"EC3" was read as Amazon EC2.');
    for (const h of ['Use cases', 'Key features', 'Pricing', 'Key differences', 'When to choose which', 'Using them together', 'Sources']) expect(r.stdout).toContain(h);
  });

  it.each([
    ['what is the max object size in S3?', /50 TB/],
    ['how long can a Lambda function run?', /15 minutes/],
    ['max SQS message size', /1 MiB/],
    ['how is Fargate billed?', /per.second/i],
    ['is DynamoDB strongly consistent?', /strongly consistent/i],
  ])('answers "%s" with the current value and a source', (q, value) => {
    const r = run(['ask', q]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(value);
    expect(r.stdout).toMatch(/https:\/\/(docs\.)?aws\.amazon\.com\//);
  });

  it('explains its usage when asked nothing', () => {
    const r = run(['ask']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage');
  });

  it('starts from the installed command without NODE_EXTRA_CA_CERTS, which only commands that connect keep', () => {
    // Node warns at start when the variable names a file it cannot read: the warning shows whether it was set.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(fileURLToPath(new URL('.', import.meta.url)), 'no-such-certs.pem') };
    const installed = fileURLToPath(new URL('../../bin/awsbot', import.meta.url));
    const ask = spawnSync(installed, ['ask', 'max SQS message size'], { env, encoding: 'utf8', timeout: 20_000 });
    expect(ask.status).toBe(0);
    expect(ask.stdout).toMatch(/1 MiB/);
    expect(ask.stderr).not.toMatch(/extra certs/i);
    // `prices` downloads (here it only prints its usage): it keeps the variable, as does `node bin/awsbot.cjs`.
    const prices = spawnSync(installed, ['prices'], { env, encoding: 'utf8', timeout: 20_000 });
    expect(prices.stderr).toMatch(/extra certs/i);
    expect(prices.stderr).toMatch(/Usage: awsbot prices update/);
    expect(spawnSync(process.execPath, [bin, 'help'], { env, encoding: 'utf8', timeout: 20_000 }).stderr).toMatch(/extra certs/i);
  });
});

describe('awsbot classify --jsonl', () => {
  it('prints exactly one JSON line per input line, in order, and nothing else on stdout', () => {
    const lines = [
      { text: 'so what exactly is SQS?', conversation: 'c1' },
      { text: 'is it encrypted?', conversation: 'c1' },
      { text: 'how does it stack up against Kinesis?', conversation: 'c1' },
      { text: 'good afternoon!' },
      { text: '' },
    ];
    const r = run(['classify', '--jsonl'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ intent: 'describe', services: ['sqs'], aspect: null });
    expect(out[1]).toMatchObject({ intent: 'describe', services: ['sqs'], aspect: 'security' });
    expect(out[2]).toMatchObject({ intent: 'compare', aspect: null });
    expect(out[2].services.sort()).toEqual(['kinesis', 'sqs']);
    expect(out[3]).toMatchObject({ intent: 'greeting' });
    expect(out[4]).toMatchObject({ intent: 'help' });
    for (const o of out) expect(typeof o.confidence).toBe('number');
  });

  it('reads a malformed line as plain text and says so on stderr only', () => {
    const r = run(['classify', '--jsonl'], 'not json but s3 vs ec2\n');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ intent: 'compare' });
    expect(r.stderr).toContain('line 1');
  });
});

describe('a reader that stops early', () => {
  it('ends `awsbot classify` quietly with status 0 when the pipe closes (`… | head -1`)', async () => {
    const child = spawn(process.execPath, [bin, 'classify'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The child stops reading once it has quit: our own writes to it may then meet a closed pipe.
    child.stdin.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
    child.stdin.end('what is s3\n'.repeat(20_000));
    // Read the first line, then close our end, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).not.toMatch(/Unhandled|EPIPE/);
    expect(status).toBe(0);
  }, 30_000);
});

describe('awsbot validate', () => {
  it('passes on the real knowledge base', () => {
    const r = run(['validate']);
    expect(r.status).toBe(0);
  });

  it('names the file, the field and the problem of a broken file, and exits non-zero', () => {
    const dir = copyOfIntents();
    try {
      editJson(join(dir, 'services', 'lambda.json'), (p) => {
        p.aspects.limits.facts = [];
      });
      const r = run(['validate', dir]);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('services/lambda.json → aspects.limits.facts: give at least two sourced facts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('awsbot chat', () => {
  it('keeps the conversation: a follow-up answers pricing for the same services, a number picks a suggestion, exit leaves', () => {
    const r = run(['chat'], 'S3 vs EC3\nwhat about pricing?\n1\nexit\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Amazon S3 vs Amazon EC2\n');
    expect(r.stdout).toContain('Amazon S3 vs Amazon EC2: Pricing');
    expect(r.stdout).toMatch(/Bye/);
  });

  it('leaves cleanly at end of input (Ctrl-D)', () => {
    const r = run(['chat'], 'what is lambda?\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('AWS Lambda');
  });
});
