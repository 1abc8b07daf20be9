#!/usr/bin/env node
// Removes installed packages that awsbot never loads, after `npm ci --omit=dev`.
// natural declares database clients (pg, mongoose, redis), WordNet data and sentiment lists as
// dependencies; awsbot imports only its Porter stemmer and Bayes classifier (which need
// `apparatus`, and `sylvester` through it). Everything reachable from package.json's
// dependencies is kept, except that natural's own dependencies are cut to NATURAL_NEEDS.
// Usage: node scripts/prune-production.mjs [--dry-run]
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const NATURAL_NEEDS = new Set(['apparatus']);
const dryRun = process.argv.includes('--dry-run');
const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 }));

// Every package name each package depends on, across the whole tree.
const edges = new Map();
(function collect(node) {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    const set = edges.get(name) ?? new Set();
    for (const sub of Object.keys(child.dependencies ?? {})) set.add(sub);
    edges.set(name, set);
    collect(child);
  }
})(tree);

const keep = new Set();
const queue = Object.keys(pkg.dependencies ?? {});
while (queue.length > 0) {
  const name = queue.pop();
  if (keep.has(name)) continue;
  keep.add(name);
  for (const dep of edges.get(name) ?? []) {
    if (name === 'natural' && !NATURAL_NEEDS.has(dep)) continue;
    queue.push(dep);
  }
}

const size = (p) => {
  const s = lstatSync(p);
  if (s.isSymbolicLink()) return 0;
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((a, f) => a + size(join(p, f)), 0);
};
const modules = join(root, 'node_modules');
const installed = readdirSync(modules).flatMap((d) => (d.startsWith('@') ? readdirSync(join(modules, d)).map((s) => `${d}/${s}`) : d.startsWith('.') ? [] : [d]));
let freed = 0;
const removed = [];
for (const name of installed) {
  if (keep.has(name)) continue;
  const dir = join(modules, name);
  if (!existsSync(dir)) continue;
  freed += size(dir);
  removed.push(name);
  if (!dryRun) rmSync(dir, { recursive: true, force: true });
}
for (const scope of installed.filter((n) => n.includes('/')).map((n) => n.split('/')[0])) {
  const dir = join(modules, scope);
  if (!dryRun && existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}
console.log(`${dryRun ? 'would remove' : 'removed'} ${removed.length} unused package(s), ${(freed / 1048576).toFixed(1)} MiB: ${removed.join(' ')}`);
console.log(`node_modules now ${(size(modules) / 1048576).toFixed(1)} MiB`);
