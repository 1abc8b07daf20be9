/** Reading the knowledge base for answers: names, profiles, facts with their sources, related services. */
import type { Knowledge } from '../../knowledge/load.js';
import { pairKey } from '../../knowledge/assemble.js';
import type { Aspect, Fact, PairNote, Profile } from '../../knowledge/schema.js';
import { STOPWORDS } from '../understanding/language.js';
import { stem, tokenize } from '../understanding/text.js';
import type { Link } from './types.js';

export function shortName(k: Knowledge, id: string): string {
  return k.byId.get(id)?.short ?? id;
}

/** The short name without "Amazon"/"AWS" ("S3", "EC2"), for buttons and one-line labels. */
export function plainName(k: Knowledge, id: string): string {
  return shortName(k, id).replace(/^(Amazon|AWS) /, '');
}

export function aspectLabel(k: Knowledge, aspect: Aspect): string {
  return k.aspectWords.find((a) => a.id === aspect)?.label ?? aspect.replace('_', ' ');
}

export function profileOf(k: Knowledge, id: string): Profile | undefined {
  return k.profiles.get(id);
}

export function pairNote(k: Knowledge, ids: readonly string[]): PairNote | undefined {
  return k.pairs.get(pairKey(ids));
}

/** The words of a question that can pick out facts ("object", "size"): stems, without function words or service names. */
export type Focus = ReadonlySet<string>;

const serviceWords = new WeakMap<Knowledge, Set<string>>();

/** The words of one catalog service's id, names, aliases and misspellings. */
export function nameTokensOf(s: Knowledge['catalog'][number]): string[] {
  return [s.id, ...s.aliases, ...s.misspellings, s.short].flatMap((a) => tokenize(a));
}

/** The words of every service name in the catalog ("s3", "simple", "storage", "amazon"…). */
export function nameWords(k: Knowledge): ReadonlySet<string> {
  let names = serviceWords.get(k);
  if (!names) {
    names = new Set(k.catalog.flatMap(nameTokensOf));
    names.add('aws');
    names.add('amazon');
    serviceWords.set(k, names);
  }
  return names;
}

export function focusOf(k: Knowledge, text: string): Focus {
  const names = nameWords(k);
  return new Set(tokenize(text).filter((t) => !STOPWORDS.has(t) && !names.has(t)).map(stem));
}

const factStems = new Map<string, Set<string>>();

/** How many of the question's words a fact contains. */
export function relevance(fact: Fact, focus: Focus): number {
  if (focus.size === 0) return 0;
  let stems = factStems.get(fact.text);
  if (!stems) {
    stems = new Set(tokenize(fact.text).map(stem));
    if (factStems.size > 50_000) factStems.clear();
    factStems.set(fact.text, stems);
  }
  let n = 0;
  for (const s of focus) if (stems.has(s)) n++;
  return n;
}

/** The `n` facts of an aspect that best answer the question (the authors' order otherwise), and their sources. */
export function factsOf(p: Profile, aspect: Aspect, n: number, focus: Focus = EMPTY): { bullets: string[]; sources: Link[] } {
  const all = p.aspects[aspect].facts;
  const ranked = focus.size === 0 ? all : all.map((f, i) => ({ f, i, r: relevance(f, focus) })).sort((a, b) => b.r - a.r || a.i - b.i).map((x) => x.f);
  const facts = ranked.slice(0, n);
  return {
    bullets: facts.map((f) => f.text),
    sources: facts.map((f) => p.sources[f.source]!).filter(Boolean),
  };
}

const EMPTY: Focus = new Set();

export function docsOf(p: Profile): Link[] {
  return p.docs.map((d) => p.sources[d]!).filter(Boolean);
}

/** Sources without repeats, most relevant first, at most `max`. */
export function uniqueLinks(links: readonly Link[], max = 6): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const l of links) {
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    out.push(l);
    if (out.length >= max) break;
  }
  return out;
}

const related = new WeakMap<Knowledge, Map<string, string[]>>();

/** Services people often compare with this one: curated pairs first, then the same category. Computed once per service. */
export function relatedServices(k: Knowledge, id: string, exclude: readonly string[] = []): string[] {
  let byId = related.get(k);
  if (!byId) related.set(k, (byId = new Map()));
  let all = byId.get(id);
  if (!all) {
    all = [];
    for (const note of k.pairs.values()) {
      if (note.services.length === 2 && note.services.includes(id)) {
        const other = note.services.find((s) => s !== id)!;
        if (!all.includes(other)) all.push(other);
      }
    }
    const category = k.byId.get(id)?.category;
    for (const s of k.catalog) {
      if (s.id !== id && s.category === category && !all.includes(s.id)) all.push(s.id);
      if (all.length >= 12) break;
    }
    byId.set(id, all);
  }
  return all.filter((s) => !exclude.includes(s));
}

export function notCoveredNote(k: Knowledge, ids: readonly string[]): string | undefined {
  const missing = ids.filter((id) => !k.profiles.has(id));
  if (missing.length === 0) return undefined;
  const names = missing.map((id) => shortName(k, id)).join(' and ');
  return `I don't have a detailed, sourced profile of ${names} yet, so this answer only gives what the catalog says. See the AWS documentation linked below.`;
}
