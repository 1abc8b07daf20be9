/** Reading the knowledge base for answers: names, profiles, facts with their sources, related services. */
import type { Knowledge } from '../../knowledge/load.js';
import { pairKey } from '../../knowledge/load.js';
import type { Aspect, PairNote, Profile } from '../../knowledge/schema.js';
import type { Link } from './types.js';

export function shortName(k: Knowledge, id: string): string {
  return k.byId.get(id)?.short ?? id;
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

/** The first `n` facts of an aspect, as bullets, and the sources they cite. */
export function factsOf(p: Profile, aspect: Aspect, n: number): { bullets: string[]; sources: Link[] } {
  const facts = p.aspects[aspect].facts.slice(0, n);
  return {
    bullets: facts.map((f) => f.text),
    sources: facts.map((f) => p.sources[f.source]!).filter(Boolean),
  };
}

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

/** Services people often compare with this one: curated pairs first, then the same category. */
export function relatedServices(k: Knowledge, id: string, exclude: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const note of k.pairs.values()) {
    if (note.services.length === 2 && note.services.includes(id)) {
      const other = note.services.find((s) => s !== id)!;
      if (!exclude.includes(other) && !out.includes(other)) out.push(other);
    }
  }
  const category = k.byId.get(id)?.category;
  for (const s of k.catalog) {
    if (s.id !== id && s.category === category && !exclude.includes(s.id) && !out.includes(s.id)) out.push(s.id);
  }
  return out;
}

export function notCoveredNote(k: Knowledge, ids: readonly string[]): string | undefined {
  const missing = ids.filter((id) => !k.profiles.has(id));
  if (missing.length === 0) return undefined;
  const names = missing.map((id) => shortName(k, id)).join(' and ');
  return `I don't have a detailed, sourced profile of ${names} yet, so this answer only gives what the catalog says. See the AWS documentation linked below.`;
}
