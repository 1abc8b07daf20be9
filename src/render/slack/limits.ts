/**
 * Every Block Kit and Web API limit the Slack renderer respects, in one place: rendering, splitting
 * and trimming read these, and the tests validate against them. Lengths are JavaScript string
 * lengths (UTF-16 code units), never fewer than the characters Slack counts.
 * Reference: https://docs.slack.dev/reference/block-kit/blocks
 */

/** Blocks in one message. */
export const MAX_BLOCKS_PER_MESSAGE = 50;
/** Blocks in a modal or App Home view. */
export const MAX_BLOCKS_PER_VIEW = 100;
/** A block_id, an action_id. */
export const MAX_ID_CHARS = 255;

/** Any text object (plain_text or mrkdwn), including a context element. */
export const MAX_TEXT_OBJECT_CHARS = 3000;
/** A section block's text. */
export const MAX_SECTION_TEXT_CHARS = 3000;
/** Fields in one section block. */
export const MAX_SECTION_FIELDS = 10;
/** One field of a section block. */
export const MAX_FIELD_CHARS = 2000;
/** A header block's plain text. */
export const MAX_HEADER_CHARS = 150;
/** Elements in a context block. */
export const MAX_CONTEXT_ELEMENTS = 10;
/** Elements in an actions block. */
export const MAX_ACTIONS_ELEMENTS = 25;
/** A button's plain-text label. */
export const MAX_BUTTON_TEXT_CHARS = 75;
/** A button's value. */
export const MAX_BUTTON_VALUE_CHARS = 2000;

/**
 * What one message's blocks may weigh together, counted as each block's JSON plus
 * {@link BLOCK_OVERHEAD_CHARS}. Not documented: Slack answers `msg_blocks_too_long` from about
 * 13,200 characters, and each block costs on top of its text (adding a divider lowered that by 125;
 * slackapi/bolt-js#2509). This stays clearly below.
 */
export const MAX_MESSAGE_BLOCK_CHARS = 12_500;
/** What Slack appears to count for a block beyond its JSON (see {@link MAX_MESSAGE_BLOCK_CHARS}). */
export const BLOCK_OVERHEAD_CHARS = 125;
/** The top-level `text` used for notifications and screen readers; Slack advises staying under 4,000. */
export const MAX_FALLBACK_TEXT_CHARS = 3000;
/** An answer longer than this many messages is shortened rather than flooding the channel. */
export const MAX_MESSAGES_PER_ANSWER = 3;

/**
 * Side-by-side fields are half the message width (about 45 characters a line in a channel): they
 * suit short key/value pairs only. Columns with longer or more bullets render full width.
 */
export const FIELD_MAX_BULLET_CHARS = 60;
/** Bullets per column that still read well as a field. */
export const FIELD_MAX_BULLETS = 3;
