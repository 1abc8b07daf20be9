/**
 * The intent matcher: turns a message (and the conversation's previous turn) into an
 * {@link Understanding}. Platform-agnostic and synchronous; all tables are built once.
 */
import { bankEntry } from '../../knowledge/bank-lookup.js';
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect, Intent } from '../../knowledge/schema.js';
import { detectAspect } from './aspect.js';
import { distinctiveWords, trainIntentClassifier, type IntentClassifier } from './intent-classifier.js';
import { STOPWORDS } from './language.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { distinctIds, findMentions } from './mentions.js';
import { asksCanItDo, asksWhetherItHas, endsOnFor, namesADuration, namesATask, taskClause } from './question-shape.js';
import { choiceBetween, choiceOptions, choicePair } from './choice.js';
import { counterpartsOf, EQUIVALENT } from './counterparts.js';
import { entrySays, followUpQuery, REFERS_BACK, WHICH_OF_THEM } from './follow-up.js';
import { createPairDecisions } from './pair-decision.js';
import { lazyNeedMatcher, savedNeedStems, type NeedMatch, type NeedMatcher } from './needs.js';
import { cleanMessage, stem, tokenize, tokenizeClauses } from './text.js';
import { reading, type Turn, type Understanding } from './understanding.js';
import { ALTERNATIVE_SHARE, ALTERNATIVES_MOST, ASKED_AS_STORED, createRetriever, LEAD_AT, PRACTICAL_SUGGEST_AT, SUGGEST_AT, type Match, type Retriever } from '../retrieval/retriever.js';

/** Below this confidence the bot asks a clarifying question instead of answering. */
export const CLARIFY_BELOW = 0.5;
/** Need-match scores: above the first a need is clearly asked; above the second, possibly. */
const NEED_CLEAR = 0.65;
const NEED_POSSIBLE = 0.45;
/** A reading names at most this many services; an answer compares at most three of them. */
export const MAX_COMPARED = 5;
/** Words that ask for a comparison outright (unlike "or", which also joins services in one question). */
const STRONG_COMPARE = new Set(['vs', 'versus', 'v', 'compare', 'compared', 'comparing', 'comparison', 'against', 'difference', 'differences', 'differ', 'differs', 'different', 'stack', 'diferencia', 'différence', 'unterschied', 'vergleich', 'diferença', 'differenza']);

const COMPARE_WORDS = new Set(
  `vs vs. versus v compare compared comparing comparison differ differs difference differences different between
  against or better worse stack instead rather than prefer preferable alternative alternatives similar same
  diferencia diferencias entre comparar comparación différence différences comparer unterschied unterschiede
  vergleich vergleichen oder ou o diferença comparação`.split(/\s+/),
);
const PRONOUNS = new Set(`it its they them their this that these those both either one ones former latter each first second`.split(' '));
const FOLLOW_OPENERS = ['and', 'also', 'what about', 'how about', 'ok and', 'so and', 'same for', 'and for', 'now', 'then'];

export interface Understander {
  understand(raw: string, previous?: Turn): Understanding;
  readonly lexicon: Lexicon;
  readonly needs: NeedMatcher;
  readonly classifier: IntentClassifier;
  readonly retriever: Retriever;
}

/**
 * Services that usually appear as the means of a question about other services ("ECS vs EKS on IAM
 * integration", "SQS encrypted with our own KMS key"), flagged `supporting` in the directory: next
 * to another service, they are the subject only when joined to it by "vs" or "or".
 */
function withoutSupporting(supporting: ReadonlySet<string>, ids: string[], mentions: readonly { id: string; start: number; end: number }[], tokens: readonly string[]): string[] {
  if (!ids.some((id) => !supporting.has(id)) || ids.length < 2) return ids;
  const joined = (t: string | undefined) => t !== undefined && (STRONG_COMPARE.has(t) || t === 'or');
  return ids.filter((id) => !supporting.has(id) || mentions.some((m) => m.id === id && (joined(tokens[m.start - 1]) || joined(tokens[m.end]))));
}

/** Words that set two named services against each other, when no vs/difference/compare does. */
const CHOICE = /\b(or|which|better|choose|pick|should i use|instead of)\b/i;
/** Words that point back at services named earlier, in a sentence that compares them. */
const BACK_TO_THEM = new Set(['them', 'they', 'both', 'two', 'these', 'those', 'it', 'its', 'either', 'one', 'ones', 'other', 'former', 'latter', 'each']);
const EXPLICIT_COMPARE = /\b(vs\.?|versus|difference|differences|differ|differs|different|compare|compared|comparison)\b/i;

/** Words that ask for a service in general terms: a recommendation even in the middle of a thread. */
const ASKS_FOR_A_SERVICE = /\b((which|what) (aws )?(service|services|tool|tools|product|option|options|database|db|queue)\b|should (i|we) use|recommend|best (way|service|option|fit)|looking for|alternative|(need|want) (a|an|some|something)\b|where (should|do|can|would) (i|we) (store|keep|put|run|host|save)|(host|store|run|build|deploy) (a|an|my|our)\b)/i;

/** In a conversation, a message of at most this many words continues it ("cross region?"). */
const TERSE_WORDS = 3;

/** How far a follow-up's best match must lead the next one to be offered at the closer threshold. */
const FOLLOW_UP_LEAD = 1.2;
/** Retrieval terms that ask for a limit or a default (after synonyms): a follow-up asking one re-reads the last answer. */
const LIMIT_TERMS = new Set(['maximum', 'minimum', 'default', 'limit']);
/**
 * "is that quota per region?", "does that need doing per region too?", "is it global or regional?":
 * where the last answer applies, asked in so many words.
 */
const ASKS_SCOPE =
  /\b(is|are|was|were)\s+(that|this|it|those|these|the (quota|limit|cap|setting|one))\b.{0,40}\b(per[- ](aws )?(region|account)|regional|global|account[- ]wide|region[- ]specific)\b|^\W*(and |so )?(is it |is that )?(per[- ](region|account)|regional or global|global or regional)\W*$|\bneeds? (doing|to be done|repeating) (per|in (each|every)) region\b|\b(does|do) (that|this|it|those) (apply|count) (per|in each|in every) (region|account)\b/i;
/** A request for the bot's help or its list of services, not a question about the last answer. */
const ASKS_HELP = /\b(help|what can you|what do you (know|cover|do)|list|which services|services do you|commands|how do i use (you|this|awsbot))\b/i;
/** A message that is nothing but a request for help. */
const HELP_ITSELF = /^\W*(help( me)?|what (else )?can you (do|answer|help with)|what do you (know|cover|do)|(list|show)( me)?( all)?( the)?( aws)? services|which services do you (know|cover))\W*$/i;
/** A question, by its mark or its first word. */
const QUESTION = /\?|^\W*(how|what|whats|what's|where|which|when|why|can|could|is|are|does|do|should)\b/i;
/** Clouds whose products the directory maps to AWS counterparts (the others are only where something runs today). */
const MAPPED_CLOUDS = new Set(['Microsoft Azure', 'Google Cloud']);
/** A scope question says little else: "is that per region? we send from us-east-1 and eu-west-1". */
const SCOPE_WORDS = 16;
/** "cli?", "cli command pls", "cli for the first part?": a request for the command and nothing else. */
const BARE_COMMAND = /^\W*(the |and the |ok |so )?(aws )?(cli|command|cmd)( command| version| pls| please| plz| for (that|this|it|those|these|the (first|second|last|next) (part|step|one)|step \d+))*\W*$/i;
/** A follow-up asking for the command of what was just explained ("cli for the first part?"). */
const ASKS_COMMAND = new RegExp(
  `\\b(from|in|with|via|using) (the )?(aws )?(cli|command line|terminal|shell)\\b|\\b(cli|aws cli) (command|version|way|equivalent)\\b|\\bwhat'?s the (exact |actual )?(cli|command|cli command)\\b|\\b(exact|actual) (cli|command)\\b|\\bcommand for (that|this|it)\\b|${BARE_COMMAND.source}|\\bcli (command )?(pls|please|plz)\\b`,
  'i',
);

/**
 * A question that says this much beyond naming services (summed rarity of its retrieval terms) asks
 * something specific: a general profile will not answer it, so its closest bank answer is offered
 * from PRACTICAL_SUGGEST_AT, as for how-tos.
 */
const RICH_QUESTION = 8;
/**
 * How sure the bank's best answer must be for a choice word that does not stand between two services
 * ("... from the alb instead of cpu?") to leave the question unread as a comparison of them.
 */
const CHOICE_ELSEWHERE_AT = 0.4;
/** A reading of "off topic" this sure is taken at its word (unless the question says much in AWS's words). */
const SURELY_OFF_AT = 0.9;
/** A bank answer this many times the score of the next stands out enough to answer a question read as off topic (not surely)... */
const STANDS_OUT = 1.5;
/** ... and covers at least this much of the question (a pizza-place question's best guess covers 0.17). */
const STANDS_OUT_FROM = 0.2;
/** Retrieval terms of a question that says much (with RICH_QUESTION): an AWS question, whatever the reading. */
const MANY_TERMS = 6;
/** Words of its own a question naming another cloud's product needs to be rich ("…and whats the max expiry we can set"). */
const OWN_TERMS_BESIDE_OTHERS = 3;

/** Intents that are small talk: no answer to retrieve. */
const SOCIAL = new Set<Intent>(['greeting', 'help', 'list_services']);

/** How sure a decision weighing the services named must be to answer a choice that states its constraint. */
const DECIDES_AT = 0.4;
/** …or, for a choice within one service, this sure and this many times the next answer's score. */
const DECIDES_CLEAR_AT = 0.25;
const CLEAR_DECISION = 1.8;
/** A decision weighing the services named, this close behind a best match that does not, answers instead. */
const DECISION_BEHIND = 0.5;

/**
 * A decision entry that weighs at least two of the services named, for a question that states its
 * constraint ("nightly 2-hour transcode: Lambda, Batch or EC2?"), answers it better than a table.
 */
function decides(best: Match, next: Match | undefined, named: readonly string[], rich: boolean, betweenServices = true): boolean {
  if (!rich || best.candidate.kind !== 'decision') return false;
  const covered = named.filter((s) => best.candidate.services.includes(s)).length;
  // "~20k events/sec, 3 quick lambda steps. step functions standard or express?": a choice within one
  // service, its decision far ahead of every other answer even if a long question leaves it unsure.
  const within = !betweenServices && covered > 0;
  // A runner-up that is itself a decision about the service weighs the same choice: no rival to a verdict.
  const rival = next !== undefined && !(next.candidate.kind === 'decision' && next.candidate.services.some((s) => named.includes(s)));
  if (best.confidence < DECIDES_AT && !(within && best.confidence >= DECIDES_CLEAR_AT && (!rival || best.score >= CLEAR_DECISION * next!.score))) return false;
  // "rest api or http api in api gateway for our lambda backend?": the choice is within one service.
  return covered >= 2 || within;
}

/** What a candidate says first: an entry's lead, a fact's sentence. */
const saysFirst = (m: Match): string => (m.candidate.type === 'entry' ? m.candidate.entry.lead : m.candidate.fact.text);

/** The stemmed content words of answers' first sentences, remembered: the same leads are compared question after question. */
const contentWords = new Map<string, ReadonlySet<string>>();
function contentWordsOf(text: string): ReadonlySet<string> {
  let words = contentWords.get(text);
  if (!words) {
    if (contentWords.size >= 5_000) contentWords.clear();
    words = new Set(tokenize(text).filter((w) => !STOPWORDS.has(w)).map(stem));
    contentWords.set(text, words);
  }
  return words;
}

/** Share of the shorter text's distinct content words found in the other: near-duplicate answers say the same again. */
function overlap(a: string, b: string): number {
  const x = contentWordsOf(a);
  const y = contentWordsOf(b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** An answer this much like one already offered adds nothing beside it. */
const SAYS_THE_SAME = 0.6;

/**
 * The best match's runners-up close behind it (other entries or facts, at most `most`), to offer
 * beside it; a runner-up that says what one already offered says is left out.
 */
function alternativesTo(best: Match, others: readonly Match[], share: number, most: number): Match[] {
  const offered: Match[] = [best];
  for (const o of others) {
    if (offered.length > most) break;
    if (o.candidate.id === best.candidate.id || o.score < share * best.score) continue;
    if (offered.some((m) => overlap(saysFirst(m), saysFirst(o)) >= SAYS_THE_SAME)) continue;
    offered.push(o);
  }
  return offered.slice(1);
}

export function createUnderstander(k: Knowledge): Understander {
  const lexicon = buildLexicon(k);
  const needs = lazyNeedMatcher(k.needs, () => savedNeedStems(k));
  const classifier = trainIntentClassifier(k);
  // Words only greetings use, found on first need: a question naming a service never needs them.
  let greetingWords: Set<string> | undefined;
  const greetings = () => (greetingWords ??= distinctiveWords(k, 'greeting'));
  const retriever = createRetriever(k, lexicon);
  const pairDecisions = createPairDecisions(k.bank);
  const supportingIds = new Set([...k.directory.values()].filter((d) => d.supporting).map((d) => d.id));

  /**
   * Whether a sentence asks for a comparison outright (vs, difference, compare): one that names a
   * service, points back at them ("what's the difference between the two?") or is a few words long.
   * "glue crawler made 40 tables for my s3 prefix. columns differ a bit between files" compares files.
   */
  function comparesOutright(text: string): boolean {
    if (!EXPLICIT_COMPARE.test(text)) return false;
    return text.split(/(?<=[.?!;])\s+/).some((sentence) => {
      if (!EXPLICIT_COMPARE.test(sentence)) return false;
      const tokens = tokenize(sentence);
      return tokens.length <= 4 || tokens.some((t) => BACK_TO_THEM.has(t)) || findMentions(lexicon, tokens).services.length > 0;
    });
  }

  /** The reading, with the answer retrieval finds for it. */
  function understand(raw: string, previous?: Turn): Understanding {
    const u = read(raw, previous);
    if (u.followUp && previous?.topic) u.topic = previous.topic;
    if (u.followUp && previous?.priced) u.priced = previous.priced;
    const f = followUpQuery(u, previous, (id) => bankEntry(k, id));
    const { carried, named } = f;
    const r = retriever.retrieve(f.query);
    u.asked = f.query.text;
    const practical = r.cues.has('howto') || r.cues.has('troubleshoot');
    const rich = r.information >= RICH_QUESTION;
    // A comparison is answered as one unless the match concerns every service compared; a how-to
    // or a fix that names two services ("give a pod in EKS access to S3") is not a comparison.
    // A question asked almost word for word in the bank ("send sqs messages to step functions
    // without lambda") is that entry's, unless it says vs/difference/compare. Two services named in a
    // specific question without vs/or ("process 100k s3 files with step functions") are no comparison.
    const outright = comparesOutright(u.text);
    const asked = r.best !== undefined && r.best.confidence >= ASKED_AS_STORED && !outright;
    // "ecs service autoscaling on requests per task from the alb instead of cpu?": "instead of" weighs
    // two settings, not the services, and the bank holds a sure answer; a choice word not standing
    // between two services compares them only when nothing surer answers.
    const sureElsewhere = r.best !== undefined && r.best.confidence >= CHOICE_ELSEWHERE_AT;
    const comparing = outright || (CHOICE.test(u.text) && (u.betweenServices !== false || !sureElsewhere)) || (!rich && !r.cues.has('fact'));
    // The services compared: named, or carried by a follow-up ("how's it different from cloudfront").
    const compared = u.intent === 'compare' ? u.services : named;
    const general = u.intent === 'compare' && comparing && !practical && !asked && compared.length >= 2 && r.best !== undefined && !compared.every((s) => r.best!.candidate.services.includes(s)) && !decides(r.best, r.others[0], compared, rich, u.betweenServices);
    // "rds + dynamodb + efs. native snapshots or aws backup?": when the closest match weighs too few of
    // the services, a decision close behind that weighs them answers the choice instead of a table.
    const weighing = general ? r.others.find((o, i) => o.score >= DECISION_BEHIND * r.best!.score && decides(o, r.others[i + 1], compared, rich, u.betweenServices)) : undefined;
    const best = general ? weighing : r.best;
    // How-tos, fixes and questions that say something specific take a closer answer than general ones do.
    // So does a follow-up pointing back ("what permissions does it need?") whose best match, about the
    // conversation's services, stands clearly ahead of the rest.
    // The last answer itself close behind is no rival: it has been read already.
    const rival = r.others.find((o) => o.candidate.id !== previous?.topic);
    const clearInContext = u.followUp && previous?.topic !== undefined && REFERS_BACK.test(u.text) && best !== undefined && best.candidate.services.some((s) => f.query.context?.includes(s)) && (rival === undefined || best.score >= FOLLOW_UP_LEAD * rival.score);
    const aws = /\b(aws|amazon)\b/i.test(u.text);
    // "what is the weather like tomorrow": sure it is off topic, so only a sure answer from the bank will do.
    // A long question full of AWS words ("flash 20k thermostats ... own cert on first boot") is no
    // small talk whatever the reading made of it; "how do i center a div in css" still is.
    const saysMuch = rich && r.terms.length >= MANY_TERMS;
    // "how do i knit a scarf?": read as off topic, and the only words the answers use are near
    // spellings of the question's ("scarf" as "scare"): as sure as it gets that it is off topic.
    const offByGuessesOnly = u.intent === 'out_of_scope' && !r.typedKnown;
    const surelyOff = offByGuessesOnly || (u.intent === 'out_of_scope' && u.confidence >= SURELY_OFF_AT && !aws && !saysMuch);
    // "versioning is on for our bucket ... how to keep only the last 2": a how-to that says this much in
    // AWS's words is one, whatever the reading made of it.
    // "network firewall pricing?": an aspect of a service with no full profile is answered by the bank's
    // entry about that service, however few words beyond its name the question has; the directory's
    // overview says nothing about the aspect.
    const aspectOfDirectoryOnly = u.intent === 'describe' && u.aspect !== null && u.aspect !== undefined && u.services.length === 1 && !k.profiles.has(u.services[0]!) && best?.candidate.services[0] === u.services[0];
    // "~200 TB of sequencing reads to keep 10 yrs, cheapest place to put it?": read as off topic but not
    // surely so, a question that says this much with one bank answer far ahead of the rest gets it.
    // Runners-up about the same services (two archive answers) are no rival reading: the first about others is.
    const rivalReading = (lead: Match) => r.others.find((o) => !o.candidate.services.some((s) => lead.candidate.services.includes(s)));
    const standsOut = !surelyOff && rich && u.intent === 'out_of_scope' && u.confidence < SURELY_OFF_AT && best !== undefined && best.confidence >= STANDS_OUT_FROM && best.score >= STANDS_OUT * (rivalReading(best)?.score ?? 0);
    const suggestAt = surelyOff ? LEAD_AT : ((practical || rich) && (u.intent !== 'out_of_scope' || aws || (practical && saysMuch))) || clearInContext || aspectOfDirectoryOnly || standsOut ? PRACTICAL_SUGGEST_AT : SUGGEST_AT;
    // Small talk stays small talk, unless the bank holds the answer ("how do i get the instance id from inside the box").
    // A message that says this much is no small talk ("security wants IMDSv2 enforced on every instance").
    // "cli command pls" right after a how-to asks for its command, however small-talky it reads;
    // "is that per region?" asks where the last answer applies.
    const asksCommand = previous?.topic !== undefined && ASKS_COMMAND.test(u.text);
    const asksScope = previous?.topic !== undefined && u.text.split(/\s+/).length <= SCOPE_WORDS && ASKS_SCOPE.test(u.text);
    if (SOCIAL.has(u.intent) && u.confidence >= 0.6 && !asksCommand && !asksScope && !(best && best.confidence >= LEAD_AT && r.terms.length >= 2) && !(rich && best && best.confidence >= suggestAt)) return u;
    // "how much does Redshift cost?" and the closest entry is about Athena: a guess about another service
    // than the one named is no answer to a general question about it; its profile is.
    const elsewhere = best !== undefined && !rich && !practical && !u.followUp && !carried && named.length > 0 && best.confidence < LEAD_AT && !best.candidate.services.some((s) => named.includes(s));
    const stray =
      elsewhere ||
      // A follow-up that points back, whose best match is a weak guess about none of the conversation's
      // services ("how far back does it look?" → a WAF entry): the last answer is the better bet.
      (best !== undefined && u.followUp && previous?.topic !== undefined && best.confidence < LEAD_AT && !best.candidate.services.some((s) => u.services.includes(s)) && REFERS_BACK.test(u.text)) ||
      // A carried question whose best match is about none of the conversation's services: the last answer holds it.
      (carried && best !== undefined && !best.candidate.services.some((s) => previous!.services.includes(s)));
    // "how do i do that from the cli?" right after a how-to: the last answer's command is the answer.
    const lastEntry = (u.followUp || asksCommand || asksScope) && previous?.topic ? bankEntry(k, previous.topic) : undefined;
    // "cli?" right after a fact about the task at hand ("how far back can it go?" after a restore
    // how-to): the task's command, not the fact's.
    const task = asksCommand && lastEntry?.kind === 'fact' && previous?.task ? bankEntry(k, previous.task) : undefined;
    const topicEntry = task?.command ? task : lastEntry;
    const coveredBy = f.covered && !asksCommand && previous?.topic ? bankEntry(k, previous.topic) : undefined;
    if (coveredBy) {
      u.match = { id: coveredBy.id, type: 'entry', kind: coveredBy.kind, confidence: LEAD_AT, specific: true, practical, suggestAt };
    } else if (topicEntry && asksScope) {
      u.match = { id: topicEntry.id, type: 'entry', kind: topicEntry.kind, confidence: LEAD_AT, specific: true, practical, suggestAt };
      u.detail = 'scope';
    } else if (topicEntry?.command && ASKS_COMMAND.test(u.text) && (BARE_COMMAND.test(u.text) || !(best && best.confidence >= LEAD_AT && best.candidate.id !== topicEntry.id && best.candidate.id !== lastEntry?.id && !REFERS_BACK.test(u.text)))) {
      u.match = { id: topicEntry.id, type: 'entry', kind: topicEntry.kind, confidence: LEAD_AT, specific: true, practical, suggestAt };
      u.detail = 'command';
    } else if (best && best.confidence >= suggestAt && !stray && !(u.followUp && previous?.topic !== undefined && best.candidate.id !== previous.topic && best.confidence < SUGGEST_AT && entrySays(bankEntry(k, previous.topic), r.terms))) {
      // Rich in its own words, not only in another cloud's product names ("whats the aws version of bigquery").
      const otherWords = new Set((u.others ?? []).flatMap((o) => tokenize(o).map(stem)));
      const ownRich = rich && r.terms.filter((t) => !otherWords.has(t)).length >= OWN_TERMS_BESIDE_OTHERS;
      u.match = { id: best.candidate.id, type: best.candidate.type, kind: best.candidate.kind, confidence: Number(best.confidence.toFixed(3)), specific: r.cues.size > 0 || rich || carried || clearInContext || (u.followUp && !u.aspect && r.terms.length > 0 && u.intent === 'describe'), practical, suggestAt, ...(ownRich ? { rich: true } : {}) };
      const unsure = best.confidence < LEAD_AT;
      const runnersUp = alternativesTo(best, r.others, unsure ? ALTERNATIVE_SHARE.unsure : ALTERNATIVE_SHARE.sure, ALTERNATIVES_MOST[unsure ? 'unsure' : 'sure']);
      if (runnersUp.length > 0) u.match.alternatives = runnersUp.map((o) => ({ id: o.candidate.id, type: o.candidate.type }));
    } else if ((u.followUp || carried) && previous?.topic && (r.cues.has('fact') || r.terms.some((t) => LIMIT_TERMS.has(t)) || (REFERS_BACK.test(u.text) && u.intent !== 'compare' && (!u.aspect || r.terms.length >= 3)) || (u.followUp && entrySays(bankEntry(k, previous.topic), r.terms)))) {
      // "how high can it go?" right after an answer about a limit: the same answer holds the number;
      // "what if compliance wants them kept for a year": nothing else fits, so the last answer still does.
      const topic = r.best?.candidate.id === previous.topic ? r.best : undefined;
      u.match = { id: previous.topic, type: 'entry', kind: topic?.candidate.kind ?? 'fact', confidence: Number(Math.max(SUGGEST_AT, topic?.confidence ?? 0).toFixed(3)), specific: true, practical, suggestAt };
      // What retrieval found instead, beside it, when it is about the conversation's services.
      const found = [r.best, ...r.others].find((o) => o !== undefined && o.candidate.id !== previous.topic && o.confidence >= SUGGEST_AT && o.candidate.services.some((s) => previous.services.includes(s)));
      if (found) u.match.alternatives = [{ id: found.candidate.id, type: found.candidate.type }];
    } else if (practical && r.terms.length > 0 && !offByGuessesOnly) {
      u.match = { id: best?.candidate.id ?? '', type: best?.candidate.type ?? 'entry', kind: best?.candidate.kind ?? 'howto', confidence: Number((best?.confidence ?? 0).toFixed(3)), specific: true, practical, suggestAt };
    }
    // "game telemetry -> s3 -> athena. kinesis data streams or firehose?": a choice between two services
    // that a decision in the bank weighs is answered by that decision (the verdict and what would
    // flip it), unless retrieval found a sure decision or a sure answer about both. A bare "sqs vs sns"
    // stays a comparison.
    const choice = u.intent === 'compare' && !practical ? u.choice : undefined;
    // A sure decision about only one side ("kms: single- or multi-Region key" for "kms or cloudhsm") is no verdict on the pair.
    const top = r.best;
    const matchCovers = top !== undefined && top.candidate.id === u.match?.id && choice?.pair.every((s) => top.candidate.services.includes(s));
    const sureChoice = u.match !== undefined && u.match.confidence >= LEAD_AT && (u.match.kind === 'decision' ? matchCovers !== false : matchCovers === true);
    if (choice && (choice.word === 'or' || rich || CHOICE.test(u.text)) && !sureChoice) {
      const decision = pairDecisions.decide(choice.pair, [r.best, ...r.others], !rich, u.text, r.terms);
      if (decision) u.match = { id: decision.id, type: 'entry', kind: 'decision', confidence: LEAD_AT, specific: true, practical, suggestAt };
    }
    return u;
  }

  function read(raw: string, previous?: Turn): Understanding {
    const text = cleanMessage(typeof raw === 'string' ? raw : '');
    const { tokens, clauseStart } = tokenizeClauses(text);
    const base = reading({ intent: 'help', text });
    if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === '$')) {
      // A bare mention or an empty command asks for help; emoji alone is small talk.
      const onlyEmoji = /\p{Extended_Pictographic}|:[a-z0-9_+-]+:/u.test(raw);
      return { ...base, intent: onlyEmoji ? 'greeting' : 'help', confidence: onlyEmoji ? 0.6 : 1 };
    }

    const mentions = findMentions(lexicon, tokens);
    const ids = withoutSupporting(supportingIds, distinctIds(mentions.services), mentions.services, tokens);
    const corrections = mentions.services
      .filter((m) => m.correctedFrom !== undefined)
      .map((m) => ({ from: text.split(/\s+/).find((w) => tokenize(w).join(' ') === m.correctedFrom) ?? m.correctedFrom!, to: m.id }));
    const fuzzyPenalty = corrections.reduce((c, x) => c * (x.from.replace(/\W/g, '').length <= 3 ? 0.9 : 0.85), 1);
    const outside = [...new Set(mentions.outside.map((o) => o.term.name))];
    const lowered = ` ${tokens.join(' ')} `;
    const openedBy = FOLLOW_OPENERS.find((o) => lowered.startsWith(` ${o} `));
    const opener = openedBy !== undefined;
    // The opener's own words compare nothing: "same for fifo queues?" asks the last question again.
    const openerWords = openedBy ? openedBy.split(' ').length : 0;
    const compareCue = tokens.some((t, i) => i >= openerWords && COMPARE_WORDS.has(t)) || text.includes(' vs') || /\bstack(s|ed)? up\b/i.test(text);

    const out = (u: Partial<Understanding>): Understanding => {
      const r = { ...base, corrections, outside, ...u };
      r.clarify = r.confidence < CLARIFY_BELOW;
      return r;
    };

    // Aspect words inside "for <a task>" describe the task, not what is asked about it.
    const serviceTokens = tokens.map((_, i) => [...mentions.services, ...mentions.outside].some((m) => i >= m.start && i < m.end));
    const task = taskClause(lexicon, tokens, serviceTokens, clauseStart);
    const ignored = task === undefined ? serviceTokens : serviceTokens.map((c, i) => c || (i >= task.start && i < task.end));
    const aspectReading = detectAspect(lexicon, tokens, ignored);
    const asksUseCase = task !== undefined || endsOnFor(tokens) || namesATask(tokens, serviceTokens);
    const aspectFor = (intent: Intent, found: Aspect | null): Aspect | null => {
      if (intent !== 'compare' && intent !== 'describe') return null;
      if (found) return found;
      if (asksWhetherItHas(tokens, clauseStart, serviceTokens)) return 'features';
      if (task !== undefined) return 'use_cases';
      if (namesADuration(tokens)) return 'limits';
      if (asksCanItDo(tokens, clauseStart, serviceTokens)) return 'features';
      return asksUseCase ? 'use_cases' : null;
    };

    // Another cloud's product set against an AWS service ("S3 vs Azure Blob") compares the AWS side
    // with its counterpart: the AWS services are the subject. Another cloud alone is out of scope,
    // unless the question asks for its AWS equivalent ("aws version of bigquery").
    const clouds = mentions.outside.filter((o) => o.term.kind === 'other-cloud');
    const products = mentions.outside.filter((o) => o.term.kind === 'product');
    // Products by their own name ("RabbitMQ"); other clouds' services as typed ("azure blob").
    const typed = (ms: typeof mentions.outside) => [...new Set(ms.map((o) => (o.term.kind === 'product' ? o.term.name : tokens.slice(o.start, o.end).join(' '))))];
    // "whats the aws equivalent of azure expressroute? ... the same kind of private link into aws": asked
    // for the counterpart of a product named first, the AWS words after it describe the need, not a side.
    const equivalentFirst = clouds.length > 0 && ids.length > 0 && EQUIVALENT.test(text) && clouds[0]!.start < Math.min(...mentions.services.map((m) => m.start));
    const counterpartsFirst = equivalentFirst ? counterpartsOf(k, typed(clouds)) : [];
    // The services named beside it stay, after the counterparts ("front door equivalent? we need global l7 + waf").
    if (counterpartsFirst.length > 0 && !counterpartsFirst.some((s) => ids.includes(s))) return out({ intent: 'recommend', services: [...counterpartsFirst, ...ids], confidence: 0.8, others: typed(clouds) });
    // A product beside two AWS services is context, not a side ("msk or kinesis? nobody here knows kafka").
    if (ids.length > 0 && (clouds.length > 0 || (products.length > 0 && compareCue && ids.length < 2))) {
      const services = ids.slice(0, MAX_COMPARED);
      return out({ intent: 'compare', services, aspect: aspectFor('compare', aspectReading.aspect), confidence: 0.85 * fuzzyPenalty, others: typed([...clouds, ...products]) });
    }
    if (clouds.length > 0 && ids.length === 0 && previous && previous.services.length > 0 && EQUIVALENT.test(text) && products.length === 0 && clouds.every((c) => c.term.name === clouds[0]!.term.name)) {
      // "whats the gcp equivalent" right after an Athena answer: the conversation's services set against that cloud.
      const services = previous.services.slice(0, MAX_COMPARED);
      return out({ intent: 'compare', services, aspect: null, confidence: 0.8, others: typed(clouds), followUp: true });
    }
    if (clouds.length > 0) {
      // "and entra id?" right after "aws equivalent of azure key vault": the same question, another product.
      const equivalents = EQUIVALENT.test(text) || (previous !== undefined && opener) ? counterpartsOf(k, typed(clouds)) : [];
      if (equivalents.length > 0) return out({ intent: 'recommend', services: equivalents, confidence: 0.8, others: typed(clouds) });
      // "whats the aws version of heroku redis?": a provider the directory maps nothing of is only
      // where the thing runs today; the rest of the question ("redis") says what is wanted on AWS.
      if (EQUIVALENT.test(text) && clouds.every((c) => !MAPPED_CLOUDS.has(c.term.name))) {
        const spans = clouds.map((c) => [c.start, c.end] as const);
        const rest = tokens.filter((_, i) => !spans.some(([a, b]) => i >= a && i < b)).join(' ');
        const without = read(rest);
        if (without.intent !== 'out_of_scope' && !SOCIAL.has(without.intent) && without.services.length > 0) return { ...without, text };
      }
      return out({ intent: 'out_of_scope', confidence: 0.9, others: typed(clouds) });
    }
    const peers = mentions.outside.filter((o) => o.term.kind === 'aws' && !o.term.supporting);
    if (mentions.outside.length > 0 && ids.length === 0 && compareCue && !previous) return out({ intent: 'out_of_scope', confidence: 0.75 });
    if (peers.length > 0) return out({ intent: 'out_of_scope', confidence: 0.9 });

    if (ids.length >= 2) {
      const options = ids.length >= 3 ? choiceOptions(tokens, mentions.services.filter((m) => ids.includes(m.id))) : undefined;
      const services = (options ?? ids).slice(0, MAX_COMPARED);
      const choice = choicePair(tokens, mentions.services);
      return out({ intent: 'compare', services, aspect: aspectFor('compare', aspectReading.aspect), confidence: 0.93 * fuzzyPenalty, betweenServices: choiceBetween(tokens, mentions.services), ...(choice ? { choice } : {}) });
    }

    if (ids.length === 1) {
      const id = ids[0]!;
      if (previous && previous.services.length > 0 && !previous.services.includes(id) && (compareCue || opener)) {
        if (tokens.some((t) => STRONG_COMPARE.has(t)) || (compareCue && !opener)) {
          // "how does it compare to Lambda?": the previous service(s) against the new one; aspect not carried.
          const services = [...previous.services.slice(0, MAX_COMPARED - 1), id];
          return out({ intent: 'compare', services, aspect: aspectFor('compare', aspectReading.aspect), confidence: 0.85 * fuzzyPenalty, followUp: true });
        }
        // "and Lambda?" / "what about EFS?": same question, another service; the aspect carries over.
        const aspect = aspectReading.aspect ?? previous.aspect;
        // After a comparison answered by one bank entry ("lambda sqs trigger retries the whole batch"),
        // "and for kinesis?" asks that question about Kinesis, not a three-way comparison.
        if (previous.intent === 'compare' && !previous.topic) {
          const services = [...previous.services.slice(0, MAX_COMPARED - 1), id];
          return out({ intent: 'compare', services, aspect, confidence: 0.8 * fuzzyPenalty, followUp: true });
        }
        return out({ intent: 'describe', services: [id], aspect, confidence: 0.85 * fuzzyPenalty, followUp: true });
      }
      if (comparedWithUnknown(tokens, serviceTokens)) return out({ intent: 'out_of_scope', confidence: 0.6 });
      // "and if the bucket uses sse-kms?" right after an answer that involved KMS: the last question
      // goes on, about a service it already touched.
      const continues = previous?.topic !== undefined && previous.services.includes(id) && opener && !compareCue;
      return out({ intent: 'describe', services: [id], aspect: aspectFor('describe', aspectReading.aspect), confidence: 0.9 * fuzzyPenalty, ...(continues ? { followUp: true } : {}) });
    }

    // No catalog service named.
    const supporting = mentions.outside.filter((o) => o.term.supporting);
    const scores = classifier.classify(tokens);
    const top = scores[0];
    const p = (intent: Intent) => scores.find((s) => s.intent === intent)?.p ?? 0;
    const social = top && (top.intent === 'greeting' || top.intent === 'help' || top.intent === 'list_services') && top.p >= 0.6;

    // "which one keeps ordering?" after a comparison picks between its services, never lists them all.
    const whichOfThem = previous !== undefined && previous.services.length >= 2 && WHICH_OF_THEM.test(text);
    const pronoun = tokens.some((t) => PRONOUNS.has(t));
    // "can I turn it off later?" refers to the last answer, however much it reads like a request for help.
    const refersBack = pronoun && top?.intent !== 'greeting' && tokens.length >= 3;
    // "what about in the console?", "how do i check how close we are?" in a thread: a question about
    // the last answer, however much it reads like a request for help, unless it asks for help itself.
    const inThread = social && top!.intent !== 'greeting' && previous?.topic !== undefined && !ASKS_HELP.test(text) && QUESTION.test(text);
    // "what can you do?" mid-thread is still a request for help.
    const helpItself = social && HELP_ITSELF.test(text);
    if (previous && previous.services.length > 0 && supporting.length === 0 && !helpItself && (aspectReading.aspect || !social || whichOfThem || refersBack || inThread)) {
      // "cross region?", "max retention?" in a thread: a message this short continues the last answer.
      // "no nat here, which endpoints exactly?" after a fix: a question in a thread that asks for no
      // service in general terms goes on with the last answer, not to a recommendation.
      const smallTalk = tokens.every((t) => greetings().has(t) || STOPWORDS.has(t));
      const terse = previous.topic !== undefined && (!social || inThread) && !smallTalk && (tokens.length <= TERSE_WORDS || !ASKS_FOR_A_SERVICE.test(text));
      if (aspectReading.aspect || pronoun || opener || terse || (compareCue && tokens.length <= 6)) {
        const intent: Intent = previous.intent === 'compare' || (previous.intent === 'recommend' && compareCue) ? 'compare' : 'describe';
        const services = intent === 'describe' ? previous.services.slice(0, 1) : previous.services.slice(0, MAX_COMPARED);
        const aspect = aspectReading.aspect ?? (asksUseCase ? 'use_cases' : null);
        return out({ intent, services, aspect, confidence: aspectReading.aspect || pronoun ? 0.85 : 0.65, followUp: true });
      }
    }
    const matches = needs.match(tokens);
    // "what is IAM?": a supporting AWS service alone is out of scope, unless a need is clearly asked.
    if (supporting.length > 0 && ((matches[0]?.score ?? 0) < NEED_CLEAR || p('recommend') < p('out_of_scope'))) {
      return out({ intent: 'out_of_scope', confidence: 0.8 });
    }

    return out(readWithoutService(tokens, scores, matches, p));
  }

  function readWithoutService(
    tokens: string[],
    scores: { intent: Intent; p: number }[],
    matches: NeedMatch[],
    p: (i: Intent) => number,
  ): Partial<Understanding> {
    const known = tokens.filter((t) => lexicon.vocabulary.has(t) || classifier.known.has(stem(t)) || needs.stems.has(stem(t)));
    const content = tokens.filter((t) => !STOPWORDS.has(t));
    if (known.length === 0 || (content.length > 0 && known.length / tokens.length < 0.25 && (matches[0]?.score ?? 0) < 0.3)) {
      return { intent: 'out_of_scope', confidence: 0.9 };
    }
    // "bye for now", "thanks a lot!": nothing but greeting words and function words.
    if (tokens.some((t) => greetings().has(t)) && tokens.every((t) => greetings().has(t) || STOPWORDS.has(t))) {
      return { intent: 'greeting', confidence: 0.9 };
    }
    const best = matches[0];
    const needScore = best?.score ?? 0;
    const top = scores[0]!;
    const recommend = (confidence: number): Partial<Understanding> => ({
      intent: 'recommend',
      services: best!.need.picks.map((x) => x.service),
      confidence,
      needs: matches.slice(0, 3).map((m) => ({ id: m.need.id, score: Number(m.score.toFixed(3)) })),
    });
    const social = top.intent === 'greeting' || top.intent === 'help' || top.intent === 'list_services';
    // "can you write me a regex that validates emails": sure it is off topic, and the need is only a word.
    const surelyOffTopic = top.intent === 'out_of_scope' && top.p >= 0.98 && needScore < 0.8;
    if (best && needScore >= NEED_CLEAR && !surelyOffTopic && !(social && top.p >= 0.9 && needScore < 0.9)) {
      return recommend(Math.min(0.97, 0.3 + needScore * 0.5));
    }
    if (best && needScore >= NEED_POSSIBLE && p('recommend') >= p('out_of_scope') && !(social && top.p >= 0.6)) {
      return recommend(Math.min(0.7, 0.2 + needScore * 0.5));
    }
    if (top.intent === 'recommend') {
      // Sounds like a request for a service, but no known need fits: ask rather than guess.
      return best && needScore >= 0.3 ? recommend(0.3) : { intent: 'out_of_scope', confidence: 0.4 };
    }
    return { intent: top.intent, confidence: Math.max(0.3, Math.min(0.97, top.p)) };
  }

  /** "ECS vs Nomad": one catalog service set against a name the bot does not know. */
  function comparedWithUnknown(tokens: string[], isService: boolean[]): boolean {
    const vs = tokens.findIndex((t) => t === 'vs' || t === 'versus' || t === 'v');
    if (vs < 0) return false;
    const serviceAfter = isService.slice(vs + 1).some(Boolean);
    // "ivs channel type: ... standard vs advanced_sd vs advanced_hd?": options of the service named
    // earlier, not a service compared with something unknown, which needs the service right before "vs".
    // So is "cognito lite vs essentials" (tiers of the service): only "sqs vs zorblatt" sets the two side by side.
    if (!serviceAfter && !isService[vs - 1]) return false;
    const range = serviceAfter ? [Math.max(0, vs - 2), vs] : [vs + 1, vs + 3];
    const other = tokens.slice(range[0], range[1]).filter((_, i) => !isService[range[0]! + i]);
    return other.some((t) => !STOPWORDS.has(t) && !lexicon.vocabulary.has(t) && !classifier.known.has(stem(t)) && !needs.stems.has(stem(t)) && !/^\d+$/.test(t));
  }

  return { understand, lexicon, needs, classifier, retriever };
}
