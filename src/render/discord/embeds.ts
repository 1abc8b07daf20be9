/**
 * Renders the neutral {@link Answer} as Discord message payloads: embeds (title, summary and notes
 * as the description, one field per section, side-by-side inline fields for columns, sources as
 * links and in the footer) and button rows for the suggested follow-ups. Anything too long for
 * one message is split into more embeds or more messages, never rejected; every limit comes from
 * limits.ts.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, Column, FollowUp, Link, Section } from '../../core/answer/types.js';
import { COMPONENT_LIMITS, EMBED_LIMITS, MESSAGE_LIMITS } from './limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** One Discord message: its embeds and its button rows. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** Follow-up buttons carry `awsbot:` + the encoded action, so a click works after a restart. */
export const FOLLOW_UP_PREFIX = 'awsbot:';
/** AWS orange. */
export const EMBED_COLOR = 0xff9900;
/** Discord rejects empty field names and values; a zero-width space renders as nothing. */
export const BLANK = '\u200b';
const CONTINUED = ' (continued)';
const ELLIPSIS = '…';

/** Renders an answer as one message, or several when it is longer than one message may be. */
export function renderAnswer(answer: Answer): DiscordMessage[] {
  const footer = sourcesFooter(answer.sources);
  const packer = new EmbedPacker(answer.title, footer?.length ?? 0);
  const intro = [answer.summary, ...answer.notes.map((n) => `ℹ️ ${n}`)].filter((t): t is string => Boolean(t?.trim()));
  if (intro.length > 0) packer.addText(intro.map(escapeText).join('\n\n'));
  for (const section of answer.sections) packer.addGroup(sectionFields(section));
  if (answer.sources.length > 0) packer.addGroup(sourceFields(answer.sources));
  const messages = packer.finish(footer);
  messages[messages.length - 1]!.components = followUpRows(answer.followUps);
  return messages;
}

/** The custom id of a follow-up button, or undefined when the action would not fit one. */
export function followUpCustomId(action: string): string | undefined {
  const id = `${FOLLOW_UP_PREFIX}${action}`;
  return action.length > 0 && id.length <= COMPONENT_LIMITS.customId ? id : undefined;
}

/** The action a follow-up button carries; undefined for any other custom id. */
export function actionFromCustomId(customId: string): string | undefined {
  return customId.startsWith(FOLLOW_UP_PREFIX) ? customId.slice(FOLLOW_UP_PREFIX.length) : undefined;
}

/** Buttons for the follow-ups, five to a row, at most five rows; unusable ones are left out. */
export function followUpRows(followUps: readonly FollowUp[]): ButtonRow[] {
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  const max = COMPONENT_LIMITS.buttonsPerRow * MESSAGE_LIMITS.actionRows;
  for (const f of followUps) {
    const customId = followUpCustomId(f.action);
    const label = clip(f.label.replace(/\s+/g, ' ').trim(), COMPONENT_LIMITS.buttonLabel);
    if (!customId || !label || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId });
    if (buttons.length >= max) break;
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += COMPONENT_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + COMPONENT_LIMITS.buttonsPerRow) });
  }
  return rows;
}

const WEB_ADDRESS = /(https?:\/\/[^\s<]+)/;

/**
 * Answer text is plain: markdown characters in it must show as typed. Web addresses are left as
 * they are so they stay clickable. Linear in the text's length (discord.js's escapeMarkdown is
 * far slower on long text).
 */
export function escapeText(text: string): string {
  return text
    .split(WEB_ADDRESS)
    .map((part, i) => (i % 2 === 1 ? part : escapePlain(part)))
    .join('');
}

function escapePlain(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, '\\$&') // emphasis, code, spoilers, masked-link brackets, the escape itself
    .replace(/^([ \t]*)(#{1,3}(?=\s)|-#|>|-(?=\s))/gm, '$1\\$2') // headings, subtext, quotes, bullets at a line start
    .replace(/^([ \t]*\d+)\.(?=\s)/gm, '$1\\.'); // numbered lists
}

/** Shortens text to `max` characters at a word boundary where one is near, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cut(text, max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
}

/** Splits text into pieces of at most `max` characters: between lines first, then between words. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of splitLine(line, max)) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= max) {
        current = joined;
      } else {
        if (current.trim()) chunks.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

function splitLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const piece = cut(rest, max);
    pieces.push(piece.trimEnd());
    rest = rest.slice(piece.length).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

/** The longest start of `text` within `max` characters, ending between words when that keeps most of it. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  let end = space >= max * 0.6 ? space : max;
  // Never split a surrogate pair or leave a lone escaping backslash at the end.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  let piece = text.slice(0, end);
  const slashes = /\\+$/.exec(piece)?.[0].length ?? 0;
  if (slashes % 2 === 1) piece = piece.slice(0, -1);
  return piece.length > 0 ? piece : text.slice(0, max);
}

function bulletLines(bullets: readonly string[], ordered = false): string {
  return bullets.map((b, i) => `${ordered ? `${i + 1}\\.` : '•'} ${escapeText(b)}`).join('\n');
}

function named(name: string, value: string, inline = false): APIEmbedField {
  const oneLine = clip(name.replace(/\s+/g, ' ').trim(), EMBED_LIMITS.fieldName);
  return { name: oneLine || BLANK, value: value.trim() ? value : BLANK, inline };
}

/** A heading with text under it, over as many fields as the text needs; later ones have a blank name. */
function textFields(heading: string, text: string): APIEmbedField[] {
  const chunks = splitText(text, EMBED_LIMITS.fieldValue);
  if (chunks.length === 0) return [named(escapeText(heading), BLANK)];
  return chunks.map((chunk, i) => named(i === 0 ? escapeText(heading) : BLANK, chunk));
}

/** One section as a group of fields kept together when they fit: a heading, then text, bullets or columns. */
function sectionFields(section: Section): APIEmbedField[] {
  const code = section.code ? `\`\`\`\n${section.code.replace(/`/g, "'")}\n\`\`\`` : '';
  const lines = [section.text ? escapeText(section.text) : '', section.bullets?.length ? bulletLines(section.bullets, section.ordered) : '', code].filter(Boolean);
  const fields = textFields(section.heading, lines.join('\n'));
  if (section.columns?.length) fields.push(...columnFields(section.columns));
  return fields;
}

/**
 * Columns side by side: one inline field per column. A column longer than one field continues in
 * a further row of inline fields (blank names), after a blank full-width field that ends the row.
 */
function columnFields(columns: readonly Column[]): APIEmbedField[] {
  const pieces = columns.map((c) => splitText(bulletLines(c.bullets), EMBED_LIMITS.fieldValue));
  const rows = Math.max(1, ...pieces.map((p) => p.length));
  const fields: APIEmbedField[] = [];
  for (let r = 0; r < rows; r++) {
    if (r > 0) fields.push(named(BLANK, BLANK));
    columns.forEach((c, i) => fields.push(named(r === 0 ? escapeText(c.heading) : BLANK, pieces[i]![r] ?? BLANK, true)));
  }
  return fields;
}

function sourceFields(sources: readonly Link[]): APIEmbedField[] {
  return textFields('Sources', sources.map((s) => `• ${sourceLink(s)}`).join('\n'));
}

/** A masked link when the address is a plain http(s) one; the title alone otherwise. */
function sourceLink(link: Link): string {
  const title = escapeText(clip(link.title.replace(/\s+/g, ' ').trim(), 200));
  const url = /^https?:\/\/[^\s<>]+$/.test(link.url) && link.url.length <= 512 ? link.url.replace(/\(/g, '%28').replace(/\)/g, '%29') : undefined;
  return url ? `[${title || url}](${url})` : title;
}

/** "Sources: docs.aws.amazon.com · aws.amazon.com", or undefined when the answer cites none. */
function sourcesFooter(sources: readonly Link[]): string | undefined {
  const hosts = [...new Set(sources.map((s) => hostOf(s.url)).filter((h): h is string => Boolean(h)))];
  if (hosts.length === 0) return undefined;
  return clip(`Sources: ${hosts.join(' · ')}`, EMBED_LIMITS.footerText);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

function size(fields: readonly APIEmbedField[]): number {
  return fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

interface Draft {
  embeds: (APIEmbed & { fields: APIEmbedField[] })[];
  /** Characters counted towards the message's total. */
  used: number;
}

/**
 * Fills embeds in order: the description before any field of its embed, a group of fields in one
 * embed when it fits, a new embed after 25 fields, a new message after 10 embeds or 6,000
 * characters. The footer's length is kept free in every message; it goes on the very last embed.
 */
class EmbedPacker {
  private readonly drafts: Draft[] = [];
  /** What a message with only its title has left for the rest. */
  private readonly freshRoom: number;

  constructor(
    private readonly title: string,
    private readonly reserve: number,
  ) {
    this.freshRoom = EMBED_LIMITS.totalPerMessage - reserve - EMBED_LIMITS.title;
    this.startMessage(true);
  }

  private get draft(): Draft {
    return this.drafts[this.drafts.length - 1]!;
  }

  private get embed(): Draft['embeds'][number] {
    return this.draft.embeds[this.draft.embeds.length - 1]!;
  }

  private room(): number {
    return EMBED_LIMITS.totalPerMessage - this.reserve - this.draft.used;
  }

  private startMessage(first: boolean): void {
    const base = this.title.replace(/\s+/g, ' ').trim();
    const title = first || !base ? clip(base, EMBED_LIMITS.title) : `${clip(base, EMBED_LIMITS.title - CONTINUED.length)}${CONTINUED}`;
    this.drafts.push({ embeds: [{ color: EMBED_COLOR, ...(title ? { title } : {}), fields: [] }], used: title.length });
  }

  private startEmbed(): void {
    if (this.draft.embeds.length >= MESSAGE_LIMITS.embeds) this.startMessage(false);
    else this.draft.embeds.push({ color: EMBED_COLOR, fields: [] });
  }

  addText(text: string): void {
    for (const chunk of splitText(text, Math.min(EMBED_LIMITS.description, this.freshRoom))) {
      if (chunk.length > this.room()) this.startMessage(false);
      if (this.embed.description !== undefined || this.embed.fields.length > 0) this.startEmbed();
      this.embed.description = chunk;
      this.draft.used += chunk.length;
    }
  }

  addGroup(fields: readonly APIEmbedField[]): void {
    const chars = size(fields);
    if (fields.length > EMBED_LIMITS.fields || chars > this.freshRoom) {
      for (const f of fields) this.addGroup([f]);
      return;
    }
    if (chars > this.room()) this.startMessage(false);
    if (this.embed.fields.length + fields.length > EMBED_LIMITS.fields) this.startEmbed();
    this.embed.fields.push(...fields);
    this.draft.used += chars;
  }

  finish(footer: string | undefined): DiscordMessage[] {
    const messages = this.drafts.map((d) => ({
      // An answer without any text still needs something in its embed: Discord rejects empty ones.
      embeds: d.embeds.map(({ fields, ...rest }): APIEmbed => (fields.length > 0 ? { ...rest, fields } : rest.title || rest.description ? rest : { ...rest, description: BLANK })),
      components: [] as ButtonRow[],
    }));
    if (footer) {
      const last = messages[messages.length - 1]!.embeds;
      last[last.length - 1]!.footer = { text: footer };
    }
    return messages;
  }
}
