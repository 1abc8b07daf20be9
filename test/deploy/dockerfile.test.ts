/**
 * No Docker engine runs here, so the image is never built in CI: what its build stage needs is
 * checked against what it copies. Every file the build script runs must be in the stage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (f: string) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8');

describe('the Dockerfile build stage', () => {
  it('copies every file that npm run build (the prepare script) runs or compiles', () => {
    const dockerfile = read('Dockerfile');
    const first = dockerfile.indexOf('\nFROM ');
    const stage = dockerfile.slice(first, dockerfile.indexOf('\nFROM ', first + 1));
    expect(stage).toMatch(/^\nFROM \S+ AS build/);
    const copied = [...stage.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    const covered = (file: string) => copied.some((c) => c === file || file.startsWith(`${c.replace(/\/$/, '')}/`));
    const build = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.build!;
    const needed = [...build.matchAll(/(?:node|-p) (\S+)/g)].map((m) => m[1]!);
    expect(needed).toContain('scripts/bundle-cli.mjs');
    // What the bundling step runs in turn, and what the compiler reads.
    needed.push('scripts/record-code-cache.cjs', 'bin/code-cache.cjs', 'src/cli/main.ts', 'intents/catalog.json');
    for (const file of needed) expect(covered(file), `${file} is not copied into the build stage`).toBe(true);
  });
});
