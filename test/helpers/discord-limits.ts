/**
 * A validator of Discord's message limits (discord.com/developers/docs/resources/message, "Embed
 * Limits"; .../interactions/message-components), written from the documentation independently of
 * the renderer. The render tests use it, and so does the fake Discord, which rejects what real
 * Discord would.
 */

// Discord's documented numbers, written out here on purpose rather than imported from
// src/render/discord/limits.ts: a wrong constant there must make the tests fail.
const EMBED_LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footerText: 2048, authorName: 256, totalPerMessage: 6000 };
const MESSAGE_LIMITS = { content: 2000, embeds: 10, actionRows: 5 };
const COMPONENT_LIMITS = { buttonsPerRow: 5, buttonLabel: 80, customId: 100 };
const AUTOCOMPLETE_LIMITS = { choices: 25, choiceName: 100, choiceValue: 100 };

/** The parts of a message payload Discord checks (snake_case, as sent over the wire). */
export interface MessagePayloadLike {
  content?: string | null;
  embeds?: unknown[];
  components?: unknown[];
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every limit the payload breaks, described; an empty list means Discord would accept it. */
export function messageLimitViolations(payload: MessagePayloadLike): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const content = text(payload.content);
  check(content.length <= MESSAGE_LIMITS.content, `content has ${content.length} characters (max ${MESSAGE_LIMITS.content})`);

  const embeds = payload.embeds ?? [];
  check(embeds.length <= MESSAGE_LIMITS.embeds, `${embeds.length} embeds (max ${MESSAGE_LIMITS.embeds})`);
  let total = 0;
  embeds.forEach((raw, i) => {
    const at = `embeds[${i}]`;
    if (!isDict(raw)) return void problems.push(`${at} is not an object`);
    const title = text(raw.title);
    const description = text(raw.description);
    const footer = isDict(raw.footer) ? text(raw.footer.text) : '';
    const author = isDict(raw.author) ? text(raw.author.name) : '';
    check(title.length <= EMBED_LIMITS.title, `${at}.title has ${title.length} characters (max ${EMBED_LIMITS.title})`);
    check(description.length <= EMBED_LIMITS.description, `${at}.description has ${description.length} characters (max ${EMBED_LIMITS.description})`);
    check(footer.length <= EMBED_LIMITS.footerText, `${at}.footer.text has ${footer.length} characters (max ${EMBED_LIMITS.footerText})`);
    check(author.length <= EMBED_LIMITS.authorName, `${at}.author.name has ${author.length} characters (max ${EMBED_LIMITS.authorName})`);
    const fields = Array.isArray(raw.fields) ? raw.fields : [];
    check(fields.length <= EMBED_LIMITS.fields, `${at} has ${fields.length} fields (max ${EMBED_LIMITS.fields})`);
    let own = title.length + description.length + footer.length + author.length;
    fields.forEach((f, j) => {
      const fat = `${at}.fields[${j}]`;
      if (!isDict(f)) return void problems.push(`${fat} is not an object`);
      const name = text(f.name);
      const value = text(f.value);
      check(name.trim().length > 0 || name.includes('\u200b'), `${fat}.name is empty`);
      check(value.trim().length > 0 || value.includes('\u200b'), `${fat}.value is empty`);
      check(name.length <= EMBED_LIMITS.fieldName, `${fat}.name has ${name.length} characters (max ${EMBED_LIMITS.fieldName})`);
      check(value.length <= EMBED_LIMITS.fieldValue, `${fat}.value has ${value.length} characters (max ${EMBED_LIMITS.fieldValue})`);
      own += name.length + value.length;
    });
    check(own > 0, `${at} is empty`);
    check(own <= EMBED_LIMITS.totalPerMessage, `${at} has ${own} characters in total (max ${EMBED_LIMITS.totalPerMessage})`);
    total += own;
  });
  check(total <= EMBED_LIMITS.totalPerMessage, `the embeds have ${total} characters together (max ${EMBED_LIMITS.totalPerMessage} per message)`);

  const rows = payload.components ?? [];
  check(rows.length <= MESSAGE_LIMITS.actionRows, `${rows.length} action rows (max ${MESSAGE_LIMITS.actionRows})`);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const at = `components[${i}]`;
    if (!isDict(row) || row.type !== 1 || !Array.isArray(row.components)) return void problems.push(`${at} is not an action row`);
    check(row.components.length >= 1, `${at} has no buttons`);
    check(row.components.length <= COMPONENT_LIMITS.buttonsPerRow, `${at} has ${row.components.length} buttons (max ${COMPONENT_LIMITS.buttonsPerRow})`);
    row.components.forEach((b, j) => {
      const bat = `${at}.components[${j}]`;
      if (!isDict(b) || b.type !== 2) return void problems.push(`${bat} is not a button`);
      const label = text(b.label);
      check(label.length >= 1 && label.length <= COMPONENT_LIMITS.buttonLabel, `${bat}.label has ${label.length} characters (1 to ${COMPONENT_LIMITS.buttonLabel})`);
      if (b.style === 5) return void check(typeof b.url === 'string', `${bat} is a link button without url`);
      const id = text(b.custom_id);
      check(id.length >= 1 && id.length <= COMPONENT_LIMITS.customId, `${bat}.custom_id has ${id.length} characters (1 to ${COMPONENT_LIMITS.customId})`);
      check(!ids.has(id), `${bat}.custom_id "${id}" is used twice in the message`);
      ids.add(id);
    });
  });
  return problems;
}

/** Every limit an autocomplete result breaks. */
export function autocompleteLimitViolations(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ['choices is not an array'];
  const problems: string[] = [];
  if (choices.length > AUTOCOMPLETE_LIMITS.choices) problems.push(`${choices.length} choices (max ${AUTOCOMPLETE_LIMITS.choices})`);
  choices.forEach((c, i) => {
    if (!isDict(c)) return void problems.push(`choices[${i}] is not an object`);
    const name = text(c.name);
    const value = text(c.value);
    if (name.length < 1 || name.length > AUTOCOMPLETE_LIMITS.choiceName) problems.push(`choices[${i}].name has ${name.length} characters`);
    if (value.length < 1 || value.length > AUTOCOMPLETE_LIMITS.choiceValue) problems.push(`choices[${i}].value has ${value.length} characters`);
  });
  return problems;
}
