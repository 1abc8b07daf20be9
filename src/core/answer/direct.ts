/**
 * Direct answers: the answer-bank entry (or profile fact) that retrieval found, lead first, then
 * only what supports it: steps, the command, caveats, what would flip a verdict, sources. The
 * service overview or the full comparison stays one button away.
 */
import type { BankEntry } from '../../knowledge/answer-bank-schema.js';
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect, Fact } from '../../knowledge/schema.js';
import type { Understanding } from '../understanding/understanding.js';
import { bankEntry } from '../../knowledge/bank-lookup.js';
import { ASPECTS } from '../../knowledge/names.js';
import { encodeAction } from './actions.js';
import { aspectLabel, nameWords, plainName, profileOf, shortName, uniqueLinks } from './facts.js';
import { Said } from './repeats.js';
import { pricesBeside } from './price.js';
import { QUOTAS_PAGE, scopeLead } from './scope.js';
import { withoutYesNo, yesOrNo } from './yes-no.js';
import type { Answer, FollowUp, Link, Section } from './types.js';

/** Steps kept by an unsure answer shown beside one or two other readings; beside three, its first only, so every reading fits the first screen. */
const GUESS_STEPS = 3;
const GUESS_STEPS_BESIDE_THREE = 1;

const KIND_TITLE = { fact: 'answer', howto: 'how to', troubleshoot: 'likely cause and fix', decision: 'verdict' } as const;

/** Services to name in the title and offer as buttons: the question's, then the entry's. */
function servicesOf(u: Understanding, entryServices: readonly string[]): string[] {
  const ids = u.services.filter((s) => entryServices.includes(s));
  for (const s of entryServices) if (!ids.includes(s)) ids.push(s);
  return ids;
}

function names(k: Knowledge, ids: readonly string[]): string {
  return ids.map((id) => shortName(k, id)).join(' / ');
}

/** "More": the overview or comparison, and one aspect, as buttons. */
function moreButtons(k: Knowledge, ids: readonly string[]): FollowUp[] {
  const main = ids.slice(0, 3).filter((id) => k.byId.has(id));
  if (main.length === 0) return [];
  const out: FollowUp[] = [];
  if (main.length >= 2) out.push({ label: `Compare ${main.slice(0, 2).map((id) => plainName(k, id)).join(' and ')}`, action: encodeAction({ intent: 'compare', services: main.slice(0, 2), aspect: null }) });
  for (const id of main.slice(0, 2)) out.push({ label: `About ${plainName(k, id)}`, action: encodeAction({ intent: 'describe', services: [id], aspect: null }) });
  if (profileOf(k, main[0]!)) {
    out.push({ label: `${plainName(k, main[0]!)} limits`, action: encodeAction({ intent: 'describe', services: [main[0]!], aspect: 'limits' }) });
    out.push({ label: `${plainName(k, main[0]!)} pricing`, action: encodeAction({ intent: 'describe', services: [main[0]!], aspect: 'pricing' }) });
  }
  return out.slice(0, 4);
}

/** " (Cost Anomaly Detection)": the service a runner-up is about, unless its question or lead names it. */
function aboutWhich(k: Knowledge, entry: BankEntry): string {
  const name = shortName(k, entry.services[0]!);
  const said = `${entry.questions[0]} ${entry.lead}`.toLowerCase();
  return said.includes(name.toLowerCase()) ? '' : ` (${name})`;
}

/**
 * A match's close runners-up, one short section each: its question, the service it is about and its
 * lead (or the fact). Beside a sure answer, one that only repeats a fact the answer states
 * (`shown`: its lines) is left out: a second reading is worth its lines only when it says more
 * (other words, or a number with its unit the answer lacks).
 */
function alternativeSections(k: Knowledge, u: Understanding, shownId: string, shown: readonly string[], sure: boolean): Section[] {
  const out: Section[] = [];
  let said: Said | undefined;
  const adds = (text: string) => {
    if (!sure) return true;
    if (!said) {
      said = new Said(nameWords(k));
      for (const line of shown) said.add(line);
    }
    // A reading that shares a number with the answer but states one of its own ("4 days by default"
    // beside "max 14 days") still says something the answer does not.
    return !said.repeats(text) || said.statesNewQuantity(text);
  };
  for (const alt of u.match?.alternatives ?? []) {
    if (alt.id === shownId) continue;
    if (alt.type === 'entry') {
      const entry = bankEntry(k, alt.id);
      if (entry && adds(entry.lead)) out.push({ heading: `Or, if you meant "${entry.questions[0]}"${aboutWhich(k, entry)}`, bullets: [entry.lead] });
      continue;
    }
    const fact = factAt(k, alt.id);
    if (fact && adds(fact.fact.text)) out.push({ heading: `Or, if you meant ${shortName(k, fact.service)} ${aspectLabel(k, fact.aspect).toLowerCase()}`, bullets: [fact.fact.text] });
  }
  return out;
}

/** The profile fact a "service/aspect/index" id names, if there is one. */
export function factAt(k: Knowledge, id: string): { service: string; aspect: Aspect; fact: Fact } | undefined {
  const [service, aspect, i] = id.split('/');
  if (!(ASPECTS as readonly string[]).includes(aspect!)) return undefined;
  const fact = k.profiles.get(service!)?.aspects[aspect as Aspect].facts[Number(i)];
  return fact ? { service: service!, aspect: aspect as Aspect, fact } : undefined;
}

/** Every service's names, longest first, as a decision's lead may open with one ("Athena for ad hoc SQL"). */
const serviceNamesOf = new WeakMap<Knowledge, string[]>();
function serviceNames(k: Knowledge): string[] {
  let names = serviceNamesOf.get(k);
  if (!names) {
    names = [...new Set(k.catalog.flatMap((s) => [s.short, s.name, ...s.aliases]).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
    serviceNamesOf.set(k, names);
  }
  return names;
}

/**
 * A decision's lead that opens with the service it recommends ("ECS for a small team without
 * Kubernetes expertise: …") says so outright: "Use ECS for a small team…". Leads that open with a
 * condition ("Existing Kafka apps: MSK") or a verb stay as written.
 */
export function verdictFirst(k: Knowledge, lead: string): string {
  const lower = lead.toLowerCase();
  for (const name of serviceNames(k)) {
    if (!lower.startsWith(name.toLowerCase())) continue;
    return /^( for | when | if |: |, | \()/.test(lead.slice(name.length)) ? `Use ${lead}` : lead;
  }
  return lead;
}

export function entryAnswer(k: Knowledge, u: Understanding, entry: BankEntry, sure: boolean): Answer {
  const ids = servicesOf(u, entry.services);
  const sections: Section[] = [];
  // Money in the question ("cost matters"): the list prices beside the verdict, before the steps.
  const prices = pricesBeside(k, u.text, entry.services, undefined, entry.lead);
  if (prices) sections.push(prices.section);
  // "how do i do that from the cli?": the command first.
  const commandFirst = u.detail === 'command' && u.match?.id === entry.id && entry.command !== undefined;
  if (commandFirst) sections.push({ heading: 'Command', code: entry.command! });
  // "is that per region?": where it applies first, then what it was.
  const scoped = u.detail === 'scope' && u.match?.id === entry.id;
  const lead = (u.match?.id === entry.id ? yesOrNo(k, u.text, entry, u.services) : '') + withoutYesNo(u.text, entry.kind === 'decision' ? verdictFirst(k, entry.lead) : entry.lead);
  if (scoped) sections.push({ heading: 'What that was', text: lead });
  const alternatives = alternativeSections(k, u, entry.id, [entry.lead, ...entry.flips], sure);
  // A guess shown beside other readings keeps its first steps only, so every reading fits the first screen.
  const steps = !sure && alternatives.length > 0 ? entry.steps.slice(0, alternatives.length >= 3 ? GUESS_STEPS_BESIDE_THREE : GUESS_STEPS) : entry.steps;
  const stepsHeading = entry.kind === 'troubleshoot' ? 'Fix it' : 'Steps';
  if (steps.length > 0) sections.push({ heading: steps.length < entry.steps.length ? `${stepsHeading} (first ${steps.length} of ${entry.steps.length})` : stepsHeading, bullets: steps, ordered: true });
  // Close runners-up, after this answer's own steps: a guess between readings shows each.
  sections.push(...alternatives);
  if (entry.command && !commandFirst) sections.push({ heading: 'Command', code: entry.command });
  if (entry.flips.length > 0) sections.push({ heading: 'What would change the verdict', bullets: entry.flips });
  if (entry.caveats.length > 0) sections.push({ heading: 'Watch out', bullets: entry.caveats });
  const notes = sure ? [] : ["This is the closest answer I have; it may not be exactly what you asked."];
  return {
    kind: u.intent,
    title: `${names(k, ids.slice(0, 2))}: ${KIND_TITLE[entry.kind]}`,
    summary: scoped ? scopeLead(k, entry, u.text) : lead,
    sections,
    notes,
    sources: scoped ? uniqueLinks([...entry.sources.slice(0, 2), QUOTAS_PAGE], 3) : uniqueLinks(entry.sources, 3),
    followUps: moreButtons(k, ids),
    entry: entry.id,
    // The first price listed, so "and alarms?" or "and in eu-west-1?" can follow it.
    ...(prices ? { priced: prices.led } : {}),
  };
}


export function factAnswer(k: Knowledge, u: Understanding, id: string, aspect: Aspect, fact: Fact, sure: boolean): Answer {
  const profile = profileOf(k, id)!;
  const source: Link | undefined = profile.sources[fact.source];
  // The fact leads; two more of the same aspect support it.
  const others = profile.aspects[aspect].facts.filter((f) => f !== fact).slice(0, 2).map((f) => f.text);
  const label = aspectLabel(k, aspect).toLowerCase();
  const alternatives = alternativeSections(k, u, `${id}/${aspect}/${profile.aspects[aspect].facts.indexOf(fact)}`, [fact.text, ...others], sure);
  return {
    kind: u.intent,
    title: `${shortName(k, id)}: ${label}`,
    summary: fact.text,
    sections: [...alternatives, ...(others.length > 0 ? [{ heading: `More on ${label}`, bullets: others }] : [])],
    notes: sure ? [] : ["This is the closest fact I have; it may not be exactly what you asked."],
    sources: source ? [source] : [],
    followUps: moreButtons(k, [id]),
    entry: `${id}/${aspect}/${profile.aspects[aspect].facts.indexOf(fact)}`,
  };
}

/** Nothing matched well for a how-to or a fix: say so in one line and point at the right page. */
export function noMatchAnswer(k: Knowledge, u: Understanding): Answer {
  const ids = u.services;
  const docs: Link[] = [];
  for (const id of ids.slice(0, 2)) {
    const d = k.directory.get(id);
    if (d) docs.push({ title: `${shortName(k, id)} documentation`, url: d.links.docs });
    else if (k.byId.has(id)) docs.push({ title: `${shortName(k, id)} on aws.amazon.com`, url: k.byId.get(id)!.url });
  }
  const about = ids.length > 0 ? ` about ${names(k, ids.slice(0, 2))}` : '';
  return {
    kind: u.intent,
    title: `No vetted answer${about} for that yet`,
    summary: `I don't have a checked answer to that question${about}; the documentation below is the place to look.`,
    sections: [],
    notes: [],
    sources: uniqueLinks(docs, 3),
    followUps: moreButtons(k, ids),
  };
}
