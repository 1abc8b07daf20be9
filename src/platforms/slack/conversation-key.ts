/**
 * Where a Slack reply goes, and which conversation it continues. A mention in a channel is answered
 * in a thread under the question, and that thread is the conversation; a DM is one conversation
 * (answered in the thread it was asked in, if any); a slash command's ephemeral answers belong to
 * the caller in that channel, which in a DM is the DM itself.
 */

export interface Place {
  channel: string;
  /** Reply in this thread; absent for the top level of a DM. */
  threadTs?: string;
  /** Key of the conversation in the bot's context store. */
  conversation: string;
}

/** Slack's ids for direct-message channels start with D. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}

export function threadConversation(team: string | undefined, channel: string, threadTs: string): string {
  return `slack:${team ?? '-'}:${channel}:${threadTs}`;
}

export function directMessageConversation(team: string | undefined, channel: string): string {
  return `slack:${team ?? '-'}:${channel}`;
}

export function commandConversation(team: string | undefined, channel: string, user: string): string {
  return isDirectMessageChannel(channel) ? directMessageConversation(team, channel) : `slack:${team ?? '-'}:${channel}:user:${user}`;
}

export interface MessageRef {
  channel: string;
  ts: string;
  thread_ts?: string;
}

/** A mention in a channel: reply in the thread it was asked in, or start one under the question. */
export function mentionPlace(team: string | undefined, m: MessageRef): Place {
  const threadTs = m.thread_ts ?? m.ts;
  return { channel: m.channel, threadTs, conversation: threadConversation(team, m.channel, threadTs) };
}

/** A direct message: the DM is the conversation; stay in a thread if the user wrote in one. */
export function directMessagePlace(team: string | undefined, m: MessageRef): Place {
  const place: Place = { channel: m.channel, conversation: directMessageConversation(team, m.channel) };
  if (m.thread_ts) place.threadTs = m.thread_ts;
  return place;
}

/** Any message the bot or a user posted: a DM message continues the DM, a channel message its thread. */
export function placeOfMessage(team: string | undefined, m: MessageRef): Place {
  return isDirectMessageChannel(m.channel) ? directMessagePlace(team, m) : mentionPlace(team, m);
}
