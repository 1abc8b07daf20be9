/**
 * Services from what a user typed in a slash-command option: the service a name means (an id, a
 * name or alias, or a typo of one, read with the understander's lexicon) and the suggestions
 * autocomplete shows while typing ("lam" → Lambda, "ec3" → EC2).
 */
import type { Bot } from '../../core/bot.js';
import { correctTypo } from '../../core/understanding/mentions.js';
import { tokenize } from '../../core/understanding/text.js';
import { AUTOCOMPLETE_LIMITS } from '../../render/discord/limits.js';

export interface ServiceSuggestion {
  id: string;
  /** What the list shows: the service's name and what it is. */
  label: string;
}

/** The catalog service `typed` names; undefined when it names none. */
export function resolveService(bot: Bot, typed: string): string | undefined {
  const text = typed.trim().toLowerCase();
  if (bot.knowledge.byId.has(text)) return text;
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;
  const phrase = bot.understander.lexicon.phrases.get(tokens.join(' '));
  if (phrase) return phrase.kind === 'service' ? phrase.id : undefined;
  return correctTypo(bot.understander.lexicon, tokens.join(''));
}

/**
 * Services matching a partial name, best first: exact names, then services whose own name starts
 * with it, then other names (aliases) starting with it, then names with a word starting with it,
 * then names containing it, then the service it is a typo of.
 */
export function suggestServices(bot: Bot, typed: string, exclude: readonly string[] = []): ServiceSuggestion[] {
  const query = tokenize(typed).join(' ');
  const candidates = bot.knowledge.catalog.filter((s) => !exclude.includes(s.id));
  const typo = query ? resolveService(bot, typed) : undefined;
  const ranked = candidates
    .map((s, order) => ({ s, order, rank: query ? rankOf(namesOf(s), query, s.id === typo) : 0 }))
    .filter((r) => r.rank < Infinity)
    .sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, AUTOCOMPLETE_LIMITS.choices).map(({ s }) => ({ id: s.id, label: labelOf(s.short, s.purpose) }));
}

interface Names {
  /** The id and the short name, with and without "Amazon"/"AWS". */
  main: string[];
  /** The official name and the aliases. */
  other: string[];
}

function namesOf(s: { id: string; short: string; name: string; aliases: readonly string[] }): Names {
  const norm = (n: string) => tokenize(n).join(' ');
  return { main: [s.id, s.short.replace(/^(Amazon|AWS) /, ''), s.short].map(norm), other: [s.name, ...s.aliases].map(norm) };
}

function rankOf(names: Names, query: string, isTypo: boolean): number {
  const all = [...names.main, ...names.other];
  const squeezed = query.replace(/ /g, '');
  if (all.includes(query)) return 0;
  if (names.main.some((n) => n.startsWith(query) || n.replace(/ /g, '').startsWith(squeezed))) return 1;
  if (names.other.some((n) => n.startsWith(query))) return 2;
  if (all.some((n) => n.split(' ').some((w) => w.startsWith(query)))) return 3;
  if (all.some((n) => n.includes(query))) return 4;
  return isTypo ? 5 : Infinity;
}

function labelOf(short: string, purpose: string): string {
  const label = `${short} — ${purpose}`;
  const max = AUTOCOMPLETE_LIMITS.choiceName;
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
