/**
 * Every Discord limit the renderer and the adapter respect, in one place: splitting, trimming and
 * the test validator all read these numbers. Sources: discord.com/developers/docs, "Embed Limits",
 * "Message Components", "Application Commands", "Receiving and Responding" (interactions).
 */

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name of every embed of a message together. */
  totalPerMessage: 6000,
} as const;

export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  actionRows: 5,
} as const;

export const COMPONENT_LIMITS = {
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

export const AUTOCOMPLETE_LIMITS = {
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const COMMAND_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  choices: 25,
  choiceName: 100,
  /** Option values users type in a string option. */
  stringValue: 6000,
} as const;

export const INTERACTION_LIMITS = {
  /** An interaction must get its first response (answer, defer or autocomplete result) within this time. */
  responseWindowMs: 3000,
  /** Follow-up messages can be sent with the interaction token for this long. */
  tokenLifetimeMs: 15 * 60_000,
} as const;
