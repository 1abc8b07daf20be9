/**
 * Text made safe for Slack: nothing a user typed (or a knowledge file holds) can turn into markup,
 * a link, or a notification. mrkdwn gets &, < and > escaped, so `<!channel>`, `<!here>`,
 * `<!everyone>`, `<@U…>` and `<!subteam^…>` are shown as text, never parsed; the bare words
 * @channel, @here and @everyone are broken with an invisible word joiner.
 */

/** Invisible, zero-width, and not a word break: "@\u2060here" looks like "@here" but pings nobody. */
const WORD_JOINER = '\u2060';
const BROADCAST = /@(channel|here|everyone)\b/gi;
/** A mention, broadcast or link token as Slack parses it: "<!", "<@", "<#". */
const TOKEN_START = /<([!@#])/g;
/** A URL Slack can carry inside <url|label> unambiguously. */
const LINKABLE_URL = /^https?:\/\/[^\s<>|"]+$/;
const MAX_LINK_URL_CHARS = 1000;

function breakBroadcasts(text: string): string {
  return text.replace(BROADCAST, `@${WORD_JOINER}$1`);
}

/** For mrkdwn text: shown exactly as written, with no mention, broadcast or link parsed. */
export function escapeMrkdwn(text: string): string {
  return breakBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * For plain_text objects (headers, button labels): Slack shows them literally, so no entity
 * escaping; mention-shaped tokens and broadcast words are still broken, should the text ever be
 * shown as mrkdwn (a notification, a copy).
 */
export function safePlainText(text: string): string {
  return breakBroadcasts(text.replace(TOKEN_START, `<${WORD_JOINER}$1`));
}

/** A mrkdwn link; an address Slack could misread is shown as escaped text instead. */
export function mrkdwnLink(url: string, label: string): string {
  const shown = escapeMrkdwn(label.replace(/\|/g, '¦').replace(/\s+/g, ' ').trim() || url);
  if (url.length > MAX_LINK_URL_CHARS || !LINKABLE_URL.test(url)) return `${shown} (${escapeMrkdwn(url)})`;
  return `<${url.replace(/&/g, '&amp;')}|${shown}>`;
}

/**
 * At most `max` characters, ending with "…" when cut. Never splits a surrogate pair or an
 * entity written by {@link escapeMrkdwn} (&amp; &lt; &gt;), so an escaped text stays escaped.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  return `${safeCut(text, max - 1).trimEnd()}…`;
}

/** The longest prefix of at most `max` characters that ends on a character and entity boundary. */
export function safeCut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // high surrogate: its pair is past the cut
  const amp = text.lastIndexOf('&', end - 1);
  if (amp >= 0 && amp > end - 5) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi >= end) end = amp; // an entity would be cut in two
  }
  return text.slice(0, end);
}

/**
 * Splits text into pieces of at most `max` characters, preferring to break at a space; entities
 * and surrogate pairs stay whole. Nothing is lost.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let piece = safeCut(rest, max);
    const space = piece.lastIndexOf(' ');
    if (space > max / 2) piece = piece.slice(0, space);
    if (piece.length === 0) piece = rest.slice(0, max); // cannot happen with max ≥ 6; never loop forever
    pieces.push(piece);
    rest = rest.slice(piece.length).replace(/^ /, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
