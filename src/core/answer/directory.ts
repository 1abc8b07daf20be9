/**
 * Answers for services known from the directory only (no full profile): what it is, its status
 * (closed to new customers, end of support, with the successor), its category, its counterparts
 * on other clouds, the nearest services covered in depth, and the links. A comparison that
 * involves one of them lines up the same fields side by side.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { DirectoryEntry } from '../../knowledge/directory-schema.js';
import { encodeAction } from './actions.js';
import { aspectLabel, pairNote, plainName, profileOf, shortName, uniqueLinks } from './facts.js';
import type { Aspect } from '../../knowledge/schema.js';
import type { Answer, Column, FollowUp, Link, Section } from './types.js';

const CATEGORY_LABEL: Record<string, string> = {
  'application-integration': 'application integration',
  'business-applications': 'business applications',
  'cloud-financial-management': 'cloud financial management',
  'customer-enablement': 'customer enablement',
  'developer-tools': 'developer tools',
  'end-user-computing': 'end-user computing',
  'frontend-web-mobile': 'front-end web and mobile',
  'machine-learning': 'machine learning and AI',
  'management-governance': 'management and governance',
  'migration-transfer': 'migration and transfer',
  'security-identity': 'security, identity and compliance',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABEL[category] ?? category;
}

/** "Closed to new customers since 2026-04-30; AWS recommends Amazon ECS." or undefined when available. */
export function statusLine(k: Knowledge, id: string): string | undefined {
  const s = k.directory.get(id)?.status;
  if (!s || s.state === 'available') return undefined;
  const what = { 'closed-to-new-customers': 'Closed to new customers', 'end-of-support': 'End of support', discontinued: 'Discontinued' }[s.state];
  const successor = s.successor ? `; AWS recommends ${shortName(k, s.successor)} instead` : '';
  return `${what} since ${s.since}${successor}.${s.note ? ` ${s.note}` : ''}`;
}

/** "Azure: Blob Storage · Google Cloud: Cloud Storage", or undefined when the directory names none. */
export function counterparts(d: DirectoryEntry | undefined, separator = ' · '): string | undefined {
  if (!d) return undefined;
  const parts = [d.azure.length ? `Azure: ${d.azure.join(', ')}` : '', d.google.length ? `Google Cloud: ${d.google.join(', ')}` : ''].filter(Boolean);
  return parts.length ? parts.join(separator) : undefined;
}

function linksOf(k: Knowledge, id: string): Link[] {
  const d = k.directory.get(id);
  const name = shortName(k, id);
  if (!d) return [{ title: `${name} on aws.amazon.com`, url: k.byId.get(id)!.url }];
  const out: Link[] = [{ title: `${name} documentation`, url: d.links.docs }, { title: `${name} product page`, url: d.links.product }];
  if (d.links.pricing) out.push({ title: `${name} pricing`, url: d.links.pricing });
  if (d.status.source) out.unshift({ title: `${name}: service availability change`, url: d.status.source });
  return out;
}


function buttons(k: Knowledge, id: string, exclude: readonly string[] = []): FollowUp[] {
  const related = (k.directory.get(id)?.related ?? []).filter((r) => !exclude.includes(r) && k.byId.has(r));
  const out: FollowUp[] = related.slice(0, 3).map((r) => ({ label: `Compare with ${plainName(k, r)}`, action: encodeAction({ intent: 'compare', services: [id, r], aspect: null }) }));
  const successor = k.directory.get(id)?.status.successor;
  if (successor && k.byId.has(successor) && !related.includes(successor)) out.unshift({ label: `About ${plainName(k, successor)}`, action: encodeAction({ intent: 'describe', services: [successor], aspect: null }) });
  return out.slice(0, 4);
}

export function describeFromDirectory(k: Knowledge, id: string): Answer {
  const entry = k.byId.get(id)!;
  const d = k.directory.get(id);
  const sections: Section[] = [];
  const status = statusLine(k, id);
  const facts: string[] = [];
  if (status) facts.push(`Status: ${status}`);
  facts.push(`Category: ${categoryLabel(entry.category)}.`);
  const other = counterparts(d);
  if (other) facts.push(`Other clouds: ${other}.`);
  const related = (d?.related ?? []).filter((r) => k.byId.has(r));
  if (related.length) facts.push(`Related: ${related.map((r) => shortName(k, r)).join(', ')}.`);
  sections.push({ heading: 'At a glance', bullets: facts });
  return {
    kind: 'describe',
    title: status ? `${entry.name} (${status.split(' since')[0]!.toLowerCase()})` : entry.name,
    summary: entry.purpose,
    sections,
    notes: [],
    sources: uniqueLinks(linksOf(k, id), 4),
    followUps: buttons(k, id),
  };
}

/** A profile's first points for a newcomer: facts with a brief (in the authors' order), else the first use cases and features. */
function firstFacts(p: NonNullable<ReturnType<typeof profileOf>>, n: number): string[] {
  const all = (['use_cases', 'features', 'pricing', 'limits'] as const).flatMap((a) => p.aspects[a].facts);
  const briefs = all.filter((f) => f.brief).map((f) => f.brief!);
  return (briefs.length >= n ? briefs : [...briefs, ...all.filter((f) => !f.brief).map((f) => f.text)]).slice(0, n);
}

/** Bank entries that answer an aspect of a service in general ("how is X billed", "X quotas"), by their ids. */
const ASPECT_ENTRY: Partial<Record<Aspect, RegExp>> = {
  pricing: /-(pricing|pricing-model|billing|billing-model|cost)$/,
  limits: /-(quotas|limits)$/,
};

/** The bank's general answer on `aspect` for a service (its lead), when it has one. */
function aspectLead(k: Knowledge, id: string, aspect: Aspect): string | undefined {
  const re = ASPECT_ENTRY[aspect];
  if (!re) return undefined;
  const entry = k.bank.find((e) => e.services[0] === id && re.test(e.id));
  return entry?.lead;
}

/**
 * Two or three services where at least one has no full profile: the directory's fields side by side;
 * asked about an aspect ("pricing?"), the bank's general answer on it for each service comes first.
 */
export function compareFromDirectory(k: Knowledge, ids: readonly string[], aspect: Aspect | null = null): Answer {
  const names = ids.map((id) => shortName(k, id));
  const col = (f: (id: string) => string | undefined): Column[] => ids.map((id, i) => ({ heading: names[i]!, bullets: [f(id) ?? '—'] }));
  const sections: Section[] = [];
  const profileFact = (id: string, a: Aspect) => {
    const f = profileOf(k, id)?.aspects[a].facts[0];
    return f ? (f.brief ?? f.text) : undefined;
  };
  const leads = aspect ? ids.map((id) => aspectLead(k, id, aspect) ?? profileFact(id, aspect)) : [];
  // Worth a section when a service without a full profile has something to say on it.
  if (aspect && ids.some((id, i) => leads[i] !== undefined && !profileOf(k, id))) {
    sections.push({ heading: aspectLabel(k, aspect), columns: ids.map((id, i) => ({ heading: names[i]!, bullets: [leads[i] ?? `Nothing on this yet: see ${shortName(k, id)}'s ${aspect === 'pricing' ? 'pricing page' : 'documentation'}.`] })) });
  }
  sections.push({ heading: 'Purpose', columns: col((id) => k.byId.get(id)!.purpose) });
  if (ids.some((id) => statusLine(k, id))) sections.push({ heading: 'Status', columns: col((id) => statusLine(k, id) ?? 'Available.') });
  sections.push({ heading: 'Category', columns: col((id) => categoryLabel(k.byId.get(id)!.category)) });
  // Mixed depth: a fully profiled side adds the facts a newcomer needs first; a directory-only side
  // names its nearest services instead of leaving the column empty.
  const deepIds = ids.filter((id) => profileOf(k, id));
  if (deepIds.length > 0 && deepIds.length < ids.length) {
    sections.push({
      heading: 'What to know first',
      columns: ids.map((id, i) => {
        const p = profileOf(k, id);
        if (p) return { heading: names[i]!, bullets: firstFacts(p, 3) };
        const near = (k.directory.get(id)?.related ?? []).filter((r) => k.byId.has(r)).slice(0, 3).map((r) => shortName(k, r));
        return { heading: names[i]!, bullets: [near.length ? `Closest services: ${near.join(', ')}.` : 'Only directory facts so far: see its documentation.'] };
      }),
    });
  }
  const note = pairNote(k, ids);
  if (note) {
    sections.push({ heading: 'Key differences', bullets: note.differences.slice(0, 4) });
    sections.push({ heading: 'When to choose which', bullets: note.choose.map((c) => `${shortName(k, c.service)}: ${c.when}`) });
  }
  const deep = ids.filter((id) => profileOf(k, id));
  const notes = deep.length > 0 && deep.length < ids.length ? [`I have full profiles for ${deep.map((id) => shortName(k, id)).join(' and ')} only; ask about ${deep.length === 1 ? 'it' : 'them'} for pricing, limits and more.`] : [];
  return {
    kind: 'compare',
    title: names.join(' vs '),
    summary: note?.summary,
    sections,
    notes,
    sources: uniqueLinks([...(note?.sources ?? []), ...ids.flatMap((id) => linksOf(k, id).slice(0, 1))], 5),
    followUps: ids.slice(0, 2).map((id) => ({ label: `About ${plainName(k, id)}`, action: encodeAction({ intent: 'describe', services: [id], aspect: null }) })),
  };
}
