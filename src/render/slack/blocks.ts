/**
 * Renders the neutral {@link Answer} as Slack Block Kit: a header, notes, the summary, each section
 * (columns as full-width lines labelled with their service; side-by-side fields only when every
 * bullet is a short key/value), a context line with the sources as links, and a button per
 * suggested follow-up. Long answers are split across messages, or shortened, so that no limit in
 * limits.ts is ever exceeded; every message carries a plain-text fallback for notifications.
 */
import type { types } from '@slack/bolt';
import type { Answer, Column, FollowUp, Link, Section } from '../../core/answer/types.js';
import { escapeMrkdwn, mrkdwnLink, safePlainText, splitText, truncate } from './escape.js';
import * as L from './limits.js';

export type Block = types.KnownBlock;
type Button = types.Button;
type Mrkdwn = types.MrkdwnElement;

export interface SlackMessage {
  /** Plain-text fallback: notifications, screen readers, clients without blocks. */
  text: string;
  blocks: Block[];
}

/** Follow-up buttons are "follow_up:0", "follow_up:1", …: unique in a message, matched by one listener. */
export const FOLLOW_UP_ACTION_ID = /^follow_up:\d+$/;
export const SHARE_ACTION_ID = 'share_to_channel';
export const SHARE_LABEL = 'Post to channel';

export interface RenderOptions {
  /** Buttons for the answer's follow-ups (default true). */
  followUps?: boolean;
  /** Adds a "Post to channel" button carrying this value (the answer's own action). */
  share?: string;
  /** A closing context line, e.g. who posted a shared answer. */
  footer?: string;
}

/** Room for one block of fields or buttons: half a message, so two always fit together. */
const BLOCK_BUDGET = Math.floor(L.MAX_MESSAGE_BLOCK_CHARS / 2);
const SHORTENED_NOTE = '_This answer was shortened to fit in Slack._';

// ------------------------------------------------------------------ text objects

function mrkdwn(text: string, max = L.MAX_TEXT_OBJECT_CHARS): Mrkdwn {
  return { type: 'mrkdwn', text: truncate(text, max) || '…', verbatim: true };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function bold(text: string): string {
  const t = oneLine(text);
  return t ? `*${escapeMrkdwn(truncate(t, 200))}*` : '';
}

/** What a block weighs towards {@link L.MAX_MESSAGE_BLOCK_CHARS}. */
function sizeOf(block: Block): number {
  return JSON.stringify(block).length + L.BLOCK_OVERHEAD_CHARS;
}

// ------------------------------------------------------------------ blocks

function headerBlocks(title: string): Block[] {
  const text = truncate(safePlainText(oneLine(title)), L.MAX_HEADER_CHARS);
  return text ? [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }] : [];
}

/** Lines of mrkdwn packed into as few section blocks as the text limit allows; nothing is lost. */
function textBlocks(lines: readonly string[]): Block[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => splitText(l, L.MAX_SECTION_TEXT_CHARS))) {
    if (!line) continue;
    if (current && current.length + 1 + line.length > L.MAX_SECTION_TEXT_CHARS) {
      texts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts.map((text) => ({ type: 'section', text: mrkdwn(text, L.MAX_SECTION_TEXT_CHARS) }));
}

/** One column as a field: its heading, then as many whole bullets as fit; a last one cut with "…". */
function fieldText(column: Column): string {
  let text = bold(column.heading);
  for (const b of column.bullets) {
    const line = `• ${escapeMrkdwn(oneLine(b))}`;
    const room = L.MAX_FIELD_CHARS - text.length - (text ? 1 : 0);
    if (line.length <= room) {
      text = text ? `${text}\n${line}` : line;
      continue;
    }
    if (room > 20) text = text ? `${text}\n${truncate(line, room)}` : truncate(line, room);
    else text = `${truncate(text, L.MAX_FIELD_CHARS - 2)}\n…`;
    break;
  }
  return text || '…';
}

/** Side-by-side columns: at most 10 fields (and half a message of text) per section block. */
function fieldBlocks(columns: readonly Column[], heading: string | undefined): Block[] {
  const blocks: types.SectionBlock[] = [];
  let fields: Mrkdwn[] = [];
  let size = heading?.length ?? 0;
  const flush = () => {
    if (fields.length === 0) return;
    const block: types.SectionBlock = { type: 'section', fields };
    if (blocks.length === 0 && heading) block.text = mrkdwn(heading);
    blocks.push(block);
    fields = [];
    size = 0;
  };
  for (const column of columns) {
    const field = mrkdwn(fieldText(column), L.MAX_FIELD_CHARS);
    const fieldSize = JSON.stringify(field).length;
    if (fields.length >= L.MAX_SECTION_FIELDS || size + fieldSize > BLOCK_BUDGET) flush();
    fields.push(field);
    size += fieldSize;
  }
  flush();
  return blocks;
}

function sectionBlocks(section: Section): Block[] {
  const heading = bold(section.heading);
  const lines = [heading];
  if (section.text) lines.push(escapeMrkdwn(section.text.trim()));
  (section.bullets ?? []).forEach((b, i) => lines.push(`${section.ordered ? `${i + 1}.` : '•'} ${escapeMrkdwn(oneLine(b))}`));
  if (section.code) lines.push(`\`\`\`${escapeMrkdwn(section.code.replace(/`{3,}/g, "'''"))}\`\`\``);
  const columns = section.columns ?? [];
  if (columns.length === 0) return textBlocks(lines);
  if (!fitsFields(columns)) {
    // Long text reads best full width: one line per bullet, labelled with its service.
    for (const c of columns) {
      const label = bold(columnLabel(c.heading));
      for (const b of c.bullets) lines.push(`• ${label ? `${label} ` : ''}${escapeMrkdwn(oneLine(b))}`);
    }
    return textBlocks(lines);
  }
  const headingOnly = lines.length === 1;
  return [...(headingOnly ? [] : textBlocks(lines)), ...fieldBlocks(columns, headingOnly && heading ? heading : undefined)];
}

/** Half-width fields only for short key/value pairs: a few short bullets per column. */
function fitsFields(columns: readonly Column[]): boolean {
  return columns.every((c) => c.bullets.length <= L.FIELD_MAX_BULLETS && c.bullets.every((b) => oneLine(b).length <= L.FIELD_MAX_BULLET_CHARS));
}

/** "Amazon S3" → "S3:" as the label of a full-width bullet. */
function columnLabel(heading: string): string {
  const name = oneLine(heading).replace(/^(Amazon|AWS) /, '');
  return name ? `${name}:` : '';
}

/** Lines as context elements, ten to a block. */
function contextBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  const elements = lines.filter(Boolean).map((l) => mrkdwn(l));
  for (let i = 0; i < elements.length; i += L.MAX_CONTEXT_ELEMENTS) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + L.MAX_CONTEXT_ELEMENTS) });
  }
  return blocks;
}

/** The sources as links on one context line; links that do not fit are left out. */
function sourcesBlocks(sources: readonly Link[]): Block[] {
  let text = '';
  for (const s of sources) {
    const link = mrkdwnLink(s.url, truncate(oneLine(s.title), 200));
    const next = text ? `${text} · ${link}` : `*Sources:* ${link}`;
    if (next.length > L.MAX_TEXT_OBJECT_CHARS) break;
    text = next;
  }
  return text ? [{ type: 'context', elements: [mrkdwn(text)] }] : [];
}

function button(actionId: string, label: string, value: string, primary = false): Button | undefined {
  const text = truncate(safePlainText(oneLine(label)), L.MAX_BUTTON_TEXT_CHARS);
  if (!text || !value || value.length > L.MAX_BUTTON_VALUE_CHARS || actionId.length > L.MAX_ID_CHARS) return undefined;
  const b: Button = { type: 'button', action_id: actionId, text: { type: 'plain_text', text, emoji: true }, value };
  if (primary) b.style = 'primary';
  return b;
}

/** One actions block: the share button first, then follow-ups while 25 buttons and half a message fit. */
function actionsBlocks(followUps: readonly FollowUp[], share: string | undefined): Block[] {
  const candidates = [
    ...(share ? [button(SHARE_ACTION_ID, SHARE_LABEL, share, true)] : []),
    ...followUps.map((f, i) => button(`follow_up:${i}`, f.label, f.action)),
  ];
  const elements: Button[] = [];
  let size = 0;
  for (const b of candidates) {
    if (!b) continue;
    const s = JSON.stringify(b).length;
    if (elements.length >= L.MAX_ACTIONS_ELEMENTS || size + s > BLOCK_BUDGET) break;
    elements.push(b);
    size += s;
  }
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
}

/** Header, notes, summary and sections: the answer's content, without sources or buttons. */
function bodyBlocks(answer: Answer): Block[] {
  return [
    ...headerBlocks(answer.title),
    ...contextBlocks(answer.notes.map((n) => `:information_source: ${escapeMrkdwn(oneLine(n))}`)),
    ...(answer.summary ? textBlocks([escapeMrkdwn(answer.summary.trim())]) : []),
    ...answer.sections.flatMap(sectionBlocks),
  ];
}

// ------------------------------------------------------------------ messages

/** Where each page starts: greedy pages of at most `maxBlocks` blocks weighing at most `maxChars`. */
function paginate(sizes: readonly number[], maxBlocks: number, maxChars: number): number[] {
  const starts: number[] = [];
  let count = 0;
  let chars = 0;
  sizes.forEach((size, i) => {
    if (i === 0 || count + 1 > maxBlocks || chars + size > maxChars) {
      starts.push(i);
      count = 0;
      chars = 0;
    }
    count += 1;
    chars += size;
  });
  return starts;
}

/** A last page holding only trailer blocks (sources, buttons) takes the body's last block along, when it fits. */
function balance(starts: number[], sizes: readonly number[], trailerStart: number, maxBlocks: number, maxChars: number): number[] {
  const last = starts.length - 1;
  if (last === 0 || starts[last]! < trailerStart) return starts;
  const from = trailerStart - 1;
  if (from <= starts[last - 1]!) return starts; // the page before would be left empty
  const weight = sizes.slice(from).reduce((n, s) => n + s, 0);
  if (sizes.length - from > maxBlocks || weight > maxChars) return starts;
  return [...starts.slice(0, last), from];
}

/**
 * The body, then the trailer (sources, footer, buttons), in as few messages as the limits allow; when
 * more than MAX_MESSAGES_PER_ANSWER would be needed, the body is cut and says so, the trailer kept.
 */
function fitMessages(body: readonly Block[], trailer: readonly Block[], maxBlocks: number, maxMessages: number): Block[][] {
  const shortened: Block = { type: 'context', elements: [mrkdwn(SHORTENED_NOTE)] };
  const bodySizes = body.map(sizeOf);
  const trailerSizes = trailer.map(sizeOf);
  for (let keep = body.length; keep >= 0; keep--) {
    const cut = keep < body.length;
    const blocks = [...body.slice(0, keep), ...(cut ? [shortened] : []), ...trailer];
    const sizes = [...bodySizes.slice(0, keep), ...(cut ? [sizeOf(shortened)] : []), ...trailerSizes];
    const starts = paginate(sizes, maxBlocks, L.MAX_MESSAGE_BLOCK_CHARS);
    if (starts.length <= maxMessages || keep === 0) {
      const balanced = balance(starts, sizes, blocks.length - trailer.length, maxBlocks, L.MAX_MESSAGE_BLOCK_CHARS);
      return balanced.map((start, i) => blocks.slice(start, balanced[i + 1] ?? blocks.length));
    }
  }
  return [];
}

function fallbackText(answer: Answer, page: number, pages: number): string {
  const title = oneLine(answer.title) || 'awsbot';
  const text = page === 0 ? (answer.summary ? `${title}: ${oneLine(answer.summary)}` : title) : `${title} (continued, ${page + 1}/${pages})`;
  return truncate(escapeMrkdwn(text), L.MAX_FALLBACK_TEXT_CHARS);
}

/** One answer as one or more Slack messages, in order; buttons and sources come last. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage[] {
  const body = bodyBlocks(answer);
  const trailer = [
    ...sourcesBlocks(answer.sources),
    ...(options.footer ? contextBlocks([escapeMrkdwn(oneLine(options.footer))]) : []),
    ...actionsBlocks(options.followUps === false ? [] : answer.followUps, options.share),
  ];
  if (body.length === 0 && trailer.length === 0) body.push(...textBlocks([escapeMrkdwn(oneLine(answer.title) || '…')]));
  const pages = fitMessages(body, trailer, L.MAX_BLOCKS_PER_MESSAGE, L.MAX_MESSAGES_PER_ANSWER);
  return pages.map((blocks, i) => ({ text: fallbackText(answer, i, pages.length), blocks }));
}

/** Answers shown one after the other in a view (the App Home), without buttons, within its block limit. */
export function renderViewBlocks(answers: readonly Answer[]): Block[] {
  const blocks = answers.flatMap((a, i) => [...(i > 0 ? [{ type: 'divider' } as Block] : []), ...bodyBlocks(a), ...sourcesBlocks(a.sources)]);
  if (blocks.length <= L.MAX_BLOCKS_PER_VIEW) return blocks;
  return [...blocks.slice(0, L.MAX_BLOCKS_PER_VIEW - 1), { type: 'context', elements: [mrkdwn(SHORTENED_NOTE)] }];
}
