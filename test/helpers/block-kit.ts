/**
 * An independent check of what Slack accepts, for tests: Block Kit limits written out here from
 * Slack's reference (not imported from src/render/slack/limits.ts, so a wrong constant there is
 * caught), plus a search for anything that would notify people.
 */

/** Slack's documented limits (https://docs.slack.dev/reference/block-kit/blocks), and the observed total. */
const SLACK = {
  messageBlocks: 50,
  viewBlocks: 100,
  blockId: 255,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  field: 2000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  /**
   * chat.postMessage answers msg_blocks_too_long from about 13,200 characters, each block costing
   * about 125 on top of its content (slackapi/bolt-js#2509): counted here as JSON + 125 per block.
   */
  messageBlockChars: 13_000,
  blockOverhead: 125,
  /** Slack advises keeping a message's top-level text under 4,000 characters. */
  fallbackText: 4000,
};

const KNOWN_BLOCKS = new Set(['header', 'section', 'context', 'actions', 'divider']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function textObjectProblems(t: unknown, max: number, where: string, plainOnly = false): string[] {
  if (!isObject(t)) return [`${where}: not a text object`];
  const problems: string[] = [];
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') problems.push(`${where}: type ${String(t.type)}`);
  if (plainOnly && t.type !== 'plain_text') problems.push(`${where}: must be plain_text`);
  if (typeof t.text !== 'string' || t.text.trim().length === 0) return [...problems, `${where}: empty text`];
  if (t.text.length > max) problems.push(`${where}: ${t.text.length} characters > ${max}`);
  if (t.type === 'mrkdwn') problems.push(...mrkdwnProblems(t.text, where));
  return problems;
}

/** In mrkdwn, "<" only opens a link to an http(s) address, and "&" only starts &amp; &lt; &gt;. */
export function mrkdwnProblems(text: string, where = 'mrkdwn'): string[] {
  const problems: string[] = [];
  const withoutLinks = text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '');
  if (/[<>]/.test(withoutLinks)) problems.push(`${where}: unescaped < or > in ${JSON.stringify(text.slice(0, 120))}`);
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`${where}: unescaped & in ${JSON.stringify(text.slice(0, 120))}`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) problems.push(`${where}: broken surrogate pair`);
  return problems;
}

function blockProblems(b: unknown, i: number, actionIds: Set<string>, blockIds: Set<string>): string[] {
  const where = `block ${i}`;
  if (!isObject(b)) return [`${where}: not an object`];
  const type = String(b.type);
  if (!KNOWN_BLOCKS.has(type)) return [`${where}: unexpected type ${type}`];
  const problems: string[] = [];
  if (b.block_id !== undefined) {
    const id = String(b.block_id);
    if (id.length === 0 || id.length > SLACK.blockId) problems.push(`${where}: block_id length ${id.length}`);
    if (blockIds.has(id)) problems.push(`${where}: duplicate block_id ${id}`);
    blockIds.add(id);
  }
  switch (type) {
    case 'header':
      problems.push(...textObjectProblems(b.text, SLACK.header, `${where} header`, true));
      break;
    case 'section': {
      if (b.text === undefined && b.fields === undefined) problems.push(`${where}: section without text or fields`);
      if (b.text !== undefined) problems.push(...textObjectProblems(b.text, SLACK.sectionText, `${where} text`));
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length === 0) problems.push(`${where}: empty fields`);
        else {
          if (b.fields.length > SLACK.sectionFields) problems.push(`${where}: ${b.fields.length} fields > ${SLACK.sectionFields}`);
          b.fields.forEach((f, j) => problems.push(...textObjectProblems(f, SLACK.field, `${where} field ${j}`)));
        }
      }
      break;
    }
    case 'context': {
      const els = b.elements;
      if (!Array.isArray(els) || els.length === 0) problems.push(`${where}: empty context`);
      else {
        if (els.length > SLACK.contextElements) problems.push(`${where}: ${els.length} elements > ${SLACK.contextElements}`);
        els.forEach((e, j) => problems.push(...textObjectProblems(e, SLACK.textObject, `${where} element ${j}`)));
      }
      break;
    }
    case 'actions': {
      const els = b.elements;
      if (!Array.isArray(els) || els.length === 0) problems.push(`${where}: empty actions`);
      else {
        if (els.length > SLACK.actionsElements) problems.push(`${where}: ${els.length} elements > ${SLACK.actionsElements}`);
        els.forEach((e, j) => {
          const w = `${where} button ${j}`;
          if (!isObject(e) || e.type !== 'button') return problems.push(`${w}: not a button`);
          problems.push(...textObjectProblems(e.text, SLACK.buttonText, `${w} text`, true));
          const id = e.action_id;
          if (typeof id !== 'string' || id.length === 0 || id.length > SLACK.actionId) problems.push(`${w}: bad action_id`);
          else if (actionIds.has(id)) problems.push(`${w}: duplicate action_id ${id}`);
          else actionIds.add(id);
          if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > SLACK.buttonValue)) problems.push(`${w}: bad value`);
          if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > SLACK.buttonUrl)) problems.push(`${w}: bad url`);
          if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') problems.push(`${w}: bad style`);
          return undefined;
        });
      }
      break;
    }
  }
  return problems;
}

/** Everything Slack would reject (or we promise never to send) in one message or view; [] when valid. */
export function blockKitProblems(message: { text?: unknown; blocks?: unknown }, surface: 'message' | 'view' = 'message'): string[] {
  const problems: string[] = [];
  if (surface === 'message') {
    if (typeof message.text !== 'string' || message.text.trim().length === 0) problems.push('message: no fallback text');
    else {
      if (message.text.length > SLACK.fallbackText) problems.push(`message: fallback text ${message.text.length} characters`);
      problems.push(...mrkdwnProblems(message.text, 'fallback text'));
    }
  }
  if (!Array.isArray(message.blocks)) return [...problems, 'blocks: not an array'];
  const max = surface === 'message' ? SLACK.messageBlocks : SLACK.viewBlocks;
  if (message.blocks.length > max) problems.push(`${message.blocks.length} blocks > ${max}`);
  if (surface === 'message') {
    const chars = message.blocks.reduce((n: number, b) => n + JSON.stringify(b).length + SLACK.blockOverhead, 0);
    if (chars > SLACK.messageBlockChars) problems.push(`blocks total ${chars} characters > ${SLACK.messageBlockChars}`);
  }
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  message.blocks.forEach((b, i) => problems.push(...blockProblems(b, i, actionIds, blockIds)));
  return problems;
}

/** Every string inside a payload. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isObject(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Fields Slack never shows to anyone: data for the app itself. */
const UNSHOWN = new Set(['value', 'action_id', 'block_id']);

/** Every string of a payload that Slack shows or parses. */
export function shownStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(shownStrings);
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => (UNSHOWN.has(k) ? [] : shownStrings(v)));
  return [];
}

/** Slack's notification syntax: special mentions, user, group and channel references, bare broadcast words. */
const PING = /<!(channel|here|everyone|subteam\^)|<[@#][A-Z0-9]|(^|[^\w\u2060])@(channel|here|everyone)\b/i;

/** The strings of a payload that would notify someone; [] when it pings nobody. */
export function pingsIn(value: unknown): string[] {
  return shownStrings(value).filter((s) => PING.test(s));
}
