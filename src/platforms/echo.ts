/**
 * Quoting a user's own words back to them ("I couldn't find AWS services to compare in "…""), on
 * Slack and Discord alike: only what identifies what they typed, as plain words. Links, mentions and
 * URLs are left out; formatting characters (* _ ~ ` > |…), control characters, ANSI escapes, NUL,
 * zero-width and bidirectional overrides are dropped; what remains is letters, digits, spaces and
 * & + ' -, clipped. The platform renderer then escapes it once, as any text.
 */

/** The marks Slack writes in message and command text: `&amp;` `&lt;` `&gt;` become & < >. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const SLACK_MARKUP = /<[^<>]*>/g; // <https://…|label>, <@U123>, <#C1|general>, <!here>
const URL = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi;
const ANSI = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])/g;
/** Everything that is not a letter, a digit, a combining mark, a space or one of & + ' -. */
const NOT_PLAIN = /[^\p{L}\p{N}\p{M} &+'-]+/gu;

/** The user's text reduced to plain words, at most `max` characters; undefined when nothing of it is left. */
export function echoed(text: string, max = 60): string | undefined {
  const plain = text
    .replace(SLACK_MARKUP, ' ')
    .replace(URL, ' ')
    .replace(ANSI, ' ')
    .normalize('NFKC')
    .replace(NOT_PLAIN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return undefined;
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
