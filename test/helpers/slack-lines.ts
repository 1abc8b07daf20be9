/**
 * How many lines a Slack message takes in a channel, as a reader sees it. A model, stated so that it
 * can be checked against a real client:
 *
 * - The message column of a channel on a 1280-pixel-wide desktop window with the sidebar open is
 *   about 760 px; body text (15 px Lato) averages about 7.5 px a character, so a full-width section
 *   wraps at {@link CHANNEL_CHARS} characters, at word boundaries.
 * - Section fields sit two to a row, each half the width less the gutter ({@link FIELD_CHARS}); a
 *   row is as tall as its taller field.
 * - A header is larger type: it wraps at {@link HEADER_CHARS} and each of its lines counts 1.5.
 * - Context text is smaller (13 px): it wraps at {@link CONTEXT_CHARS}; its elements flow inline.
 * - Buttons flow in rows; a button is as wide as its label plus {@link BUTTON_PADDING} characters of
 *   padding and gap, and a row of buttons counts 2 lines (a 32 px button plus its margin).
 * - mrkdwn is measured as displayed: *bold* and _italic_ marks, link targets and entities do not
 *   count; a line break starts a new line; spacing between blocks is not counted.
 */
import type { SlackMessage } from '../../src/render/slack/blocks.js';

export const CHANNEL_CHARS = 100;
export const FIELD_CHARS = 45;
export const HEADER_CHARS = 70;
export const CONTEXT_CHARS = 115;
export const BUTTON_PADDING = 5;

/** mrkdwn as the reader sees it. */
export function displayed(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/(^|[\s(])[*_~]+(?=\S)|(?<=\S)[*_~]+(?=[\s).,:;!?]|$)/gm, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/:[a-z_]+:/g, 'xx');
}

/** Lines a text takes when wrapped at `width` characters (words longer than a line break anywhere). */
export function wrappedLines(text: string, width: number): number {
  let total = 0;
  for (const line of text.split('\n')) {
    let n = 1;
    let used = 0;
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (used === 0) {
        n += Math.floor(Math.max(0, w - 1) / width);
        used = ((w - 1) % width) + 1;
      } else if (used + 1 + w <= width) {
        used += 1 + w;
      } else {
        n += 1 + Math.floor(Math.max(0, w - 1) / width);
        used = ((w - 1) % width) + 1;
      }
    }
    total += n;
  }
  return total;
}

type AnyBlock = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text?: string | { text: string } }[] };

export function blockLines(block: AnyBlock): number {
  switch (block.type) {
    case 'header':
      return Math.ceil(1.5 * wrappedLines(block.text!.text, HEADER_CHARS));
    case 'section': {
      let n = block.text ? wrappedLines(displayed(block.text.text), CHANNEL_CHARS) : 0;
      const fields = block.fields ?? [];
      for (let i = 0; i < fields.length; i += 2) {
        n += Math.max(...fields.slice(i, i + 2).map((f) => wrappedLines(displayed(f.text), FIELD_CHARS)));
      }
      return n;
    }
    case 'context':
      return wrappedLines((block.elements ?? []).map((e) => displayed(typeof e.text === 'string' ? e.text : '')).join(' '), CONTEXT_CHARS);
    case 'actions': {
      let rows = 1;
      let used = 0;
      for (const e of block.elements ?? []) {
        const w = (typeof e.text === 'object' ? e.text.text.length : 0) + BUTTON_PADDING;
        if (used > 0 && used + w > CHANNEL_CHARS) {
          rows += 1;
          used = 0;
        }
        used += w;
      }
      return (block.elements?.length ?? 0) > 0 ? 2 * rows : 0;
    }
    case 'divider':
      return 1;
    default:
      return 1;
  }
}

/** Lines the messages of one answer take in a channel. */
export function slackLines(messages: readonly SlackMessage[]): number {
  return messages.reduce((n, m) => n + m.blocks.reduce((k, b) => k + blockLines(b as AnyBlock), 0), 0);
}
