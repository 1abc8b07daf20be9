/**
 * What a choice in a question is between: whether an "or"/"vs" sits between two named services
 * ("ecs or eks") or between other things ("rest api or http api … for our lambda backend"), and which
 * of several named services are the options ("secrets manager vs ssm for rds password in ecs").
 * Pure functions over tokens and service mentions.
 */
type Mention = { id: string; start: number; end: number };

/** Words between a service mention and "or"/"vs" for the choice to be between services. */
const CHOICE_REACH = 4;
const CHOICE_WORDS = new Set(['or', 'vs', 'versus', 'v']);
/** Words between a service and the or/vs for the two to be the options themselves ("kinesis data streams or firehose"). */
const PAIR_REACH = 1;

/** Words that join the options of a choice: "ecs, eks or fargate", "sqs vs sns and eventbridge". */
const LIST_WORDS = new Set(['or', 'vs', 'versus', 'v', 'and']);

/**
 * The services a choice is between, when some named services only set the scene ("secrets manager vs
 * ssm for rds password in ecs task definition" is Secrets Manager vs Systems Manager): the mentions
 * joined to the or/vs by nothing but other options and list words. Undefined when every named
 * service is an option, or no or/vs sits between two of them.
 */
export function choiceOptions(tokens: readonly string[], mentions: readonly Mention[]): string[] | undefined {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (let i = 0; i < tokens.length; i++) {
    if (!CHOICE_WORDS.has(tokens[i]!)) continue;
    const left = sorted.filter((m) => m.end <= i).at(-1);
    const right = sorted.find((m) => m.start > i);
    if (!left || !right || i - left.end > CHOICE_REACH || right.start - i - 1 > CHOICE_REACH) continue;
    const options = [left, right];
    // Extend over neighbours joined only by list words.
    const joined = (a: { end: number }, b: { start: number }) => tokens.slice(a.end, b.start).every((t) => LIST_WORDS.has(t));
    for (let j = sorted.indexOf(left) - 1; j >= 0 && joined(sorted[j]!, options[0]!); j--) options.unshift(sorted[j]!);
    for (let j = sorted.indexOf(right) + 1; j < sorted.length && joined(options.at(-1)!, sorted[j]!); j++) options.push(sorted[j]!);
    const ids = [...new Set(options.map((m) => m.id))];
    const all = new Set(mentions.map((m) => m.id));
    return ids.length >= 2 && ids.length < all.size ? ids : undefined;
  }
  return undefined;
}

/**
 * The two services the first "or"/"vs" between two named services sits between ("game telemetry ->
 * s3 -> athena. kinesis data streams or firehose?" is Kinesis Data Streams or Firehose), the word
 * joining them ("or" or "vs"); undefined when no or/vs has a named service on each side.
 */
export function choicePair(tokens: readonly string[], mentions: readonly Mention[]): { pair: [string, string]; word: string } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!CHOICE_WORDS.has(t)) continue;
    const before = mentions.filter((m) => m.end <= i && i - m.end <= PAIR_REACH).sort((a, b) => b.end - a.end)[0];
    const after = mentions.filter((m) => m.start > i && m.start - i - 1 <= PAIR_REACH).sort((a, b) => a.start - b.start)[0];
    // "ecs on fargate or eks": the option is ECS (on Fargate).
    const host = before && tokens[before.start - 1] === 'on' ? mentions.find((m) => m.end === before.start - 1) : undefined;
    const left = host ?? before;
    if (left !== undefined && after !== undefined && left.id !== after.id) return { pair: [left.id, after.id], word: t };
  }
  return undefined;
}

/** Whether some "or"/"vs" has a named service just before it and another just after it. */
export function choiceBetween(tokens: readonly string[], mentions: readonly Mention[]): boolean {
  return tokens.some((t, i) => {
    if (!CHOICE_WORDS.has(t)) return false;
    const before = mentions.find((m) => m.end <= i && i - m.end <= CHOICE_REACH);
    const after = mentions.find((m) => m.start > i && m.start - i - 1 <= CHOICE_REACH);
    return before !== undefined && after !== undefined && before.id !== after.id;
  });
}
