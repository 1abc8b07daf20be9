/**
 * The intent matcher: turns a message (and the conversation's previous turn) into an
 * {@link Understanding}. Platform-agnostic and synchronous; all tables are built once.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { Aspect, Intent } from '../knowledge/schema.js';
import { detectAspect } from './aspect.js';
import { trainIntentClassifier, type IntentClassifier } from './intent-classifier.js';
import { STOPWORDS } from './language.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { distinctIds, findMentions, type Mentions } from './mentions.js';
import { buildNeedMatcher, type NeedMatch, type NeedMatcher } from './needs.js';
import { cleanMessage, stem, tokenize } from './text.js';
import type { Turn, Understanding } from './understanding.js';

/** Below this confidence the bot asks a clarifying question instead of answering. */
export const CLARIFY_BELOW = 0.45;
/** A comparison covers at most this many services. */
export const MAX_COMPARED = 3;

const COMPARE_WORDS = new Set(
  `vs vs. versus v compare compared comparing comparison differ differs difference differences different between
  against or better worse stack instead rather than prefer preferable alternative alternatives similar same
  diferencia diferencias entre comparar comparación différence différences comparer unterschied unterschiede
  vergleich vergleichen oder ou o diferença comparação`.split(/\s+/),
);
const PRONOUNS = new Set(`it its they them their this that these those both either one ones former latter each first second`.split(' '));
const FOLLOW_OPENERS = ['and', 'also', 'what about', 'how about', 'ok and', 'so and', 'same for', 'and for', 'now', 'then'];
const CAN_WORDS = new Set(['can', 'could', 'does', 'do', 'will', 'possible', 'puede', 'peut', 'kann']);
const USE_FOR_SKIP = new Set(['example', 'instance', 'sure', 'free', 'now', 'me', 'us', 'you', 'real', 'example,', 'that', 'this', 'it']);

export interface Understander {
  understand(raw: string, previous?: Turn): Understanding;
  readonly lexicon: Lexicon;
  readonly needs: NeedMatcher;
  readonly classifier: IntentClassifier;
}

export function createUnderstander(k: Knowledge): Understander {
  const lexicon = buildLexicon(k);
  const needs = buildNeedMatcher(k.needs);
  const classifier = trainIntentClassifier(k);

  function understand(raw: string, previous?: Turn): Understanding {
    const text = cleanMessage(typeof raw === 'string' ? raw : '');
    const tokens = tokenize(text);
    const base: Understanding = {
      intent: 'help',
      services: [],
      aspect: null,
      confidence: 1,
      corrections: [],
      followUp: false,
      clarify: false,
      outside: [],
      needs: [],
      text,
    };
    if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === '$')) {
      // A bare mention or an empty command asks for help; emoji alone is small talk.
      const onlyEmoji = /\p{Extended_Pictographic}|:[a-z0-9_+-]+:/u.test(raw);
      return { ...base, intent: onlyEmoji ? 'greeting' : 'help', confidence: onlyEmoji ? 0.6 : 1 };
    }

    const mentions = findMentions(lexicon, tokens);
    const ids = distinctIds(mentions.services);
    const corrections = mentions.services
      .filter((m) => m.correctedFrom !== undefined)
      .map((m) => ({ from: text.split(/\s+/).find((w) => tokenize(w).join(' ') === m.correctedFrom) ?? m.correctedFrom!, to: m.id }));
    const fuzzyPenalty = corrections.reduce((c, x) => c * (x.from.replace(/\W/g, '').length <= 3 ? 0.9 : 0.85), 1);
    const outside = [...new Set(mentions.outside.map((o) => o.term.name))];
    const words = new Set(tokens);
    const has = (w: string) => words.has(w);
    const compareCue = tokens.some((t) => COMPARE_WORDS.has(t)) || text.includes(' vs') || /\bstack(s|ed)? up\b/i.test(text);
    const lowered = ` ${tokens.join(' ')} `;
    const opener = FOLLOW_OPENERS.some((o) => lowered.startsWith(` ${o} `));

    const out = (u: Partial<Understanding>): Understanding => {
      const r = { ...base, corrections, outside, ...u };
      r.clarify = r.confidence < CLARIFY_BELOW;
      return r;
    };

    // Anything outside the catalog that is the subject of the question makes it out of scope.
    const peers = mentions.outside.filter((o) => o.term.kind === 'other-cloud' || (o.term.kind === 'aws' && !o.term.supporting));
    const products = mentions.outside.filter((o) => o.term.kind === 'product');
    if (peers.length > 0) return out({ intent: 'out_of_scope', confidence: 0.9 });
    if (products.length > 0 && ids.length === 1 && compareCue) return out({ intent: 'out_of_scope', confidence: 0.75 });

    const aspectReading = detectAspect(lexicon, tokens, mentions.consumed);
    const aspectFor = (intent: Intent, found: Aspect | null): Aspect | null => {
      if (intent !== 'compare' && intent !== 'describe') return null;
      if (found) return found;
      if (asksForUseCase(tokens, mentions, intent)) return 'use_cases';
      return intent === 'describe' && asksCanItDo(tokens, mentions) ? 'features' : null;
    };

    if (ids.length >= 2) {
      const services = ids.slice(0, MAX_COMPARED);
      return out({ intent: 'compare', services, aspect: aspectFor('compare', aspectReading.aspect), confidence: 0.93 * fuzzyPenalty });
    }

    if (ids.length === 1) {
      const id = ids[0]!;
      if (previous && previous.services.length > 0 && !previous.services.includes(id) && (compareCue || opener)) {
        if (compareCue && !opener) {
          // "how does it compare to Lambda?": the previous service(s) against the new one; aspect not carried.
          const services = [...previous.services.slice(0, MAX_COMPARED - 1), id];
          return out({ intent: 'compare', services, aspect: aspectFor('compare', aspectReading.aspect), confidence: 0.85 * fuzzyPenalty, followUp: true });
        }
        // "and Lambda?" / "what about EFS?": same question, another service; the aspect carries over.
        const aspect = aspectReading.aspect ?? previous.aspect;
        if (previous.intent === 'compare') {
          const services = [...previous.services.slice(0, MAX_COMPARED - 1), id];
          return out({ intent: 'compare', services, aspect, confidence: 0.8 * fuzzyPenalty, followUp: true });
        }
        return out({ intent: 'describe', services: [id], aspect, confidence: 0.85 * fuzzyPenalty, followUp: true });
      }
      return out({ intent: 'describe', services: [id], aspect: aspectFor('describe', aspectReading.aspect), confidence: 0.9 * fuzzyPenalty });
    }

    // No catalog service named.
    const supporting = mentions.outside.filter((o) => o.term.supporting);
    const scores = classifier.classify(tokens);
    const top = scores[0];
    const p = (intent: Intent) => scores.find((s) => s.intent === intent)?.p ?? 0;
    const social = top && (top.intent === 'greeting' || top.intent === 'help' || top.intent === 'list_services') && top.p >= 0.6;

    if (previous && previous.services.length > 0 && !social && supporting.length === 0) {
      const pronoun = tokens.some((t) => PRONOUNS.has(t));
      if (aspectReading.aspect || pronoun || opener || (compareCue && tokens.length <= 6)) {
        const intent: Intent = previous.intent === 'compare' || (previous.intent === 'recommend' && compareCue) ? 'compare' : 'describe';
        const services = intent === 'describe' ? previous.services.slice(0, 1) : previous.services.slice(0, MAX_COMPARED);
        const aspect = aspectReading.aspect ?? (asksForUseCase(tokens, mentions, intent) ? 'use_cases' : null);
        return out({ intent, services, aspect, confidence: aspectReading.aspect || pronoun ? 0.85 : 0.65, followUp: true });
      }
    }
    if (supporting.length > 0) return out({ intent: 'out_of_scope', confidence: 0.8 });

    const matches = needs.match(tokens);
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
    const best = matches[0];
    const needScore = best?.score ?? 0;
    const top = scores[0]!;
    const recommend = (confidence: number): Partial<Understanding> => ({
      intent: 'recommend',
      services: best!.need.picks.map((x) => x.service),
      confidence,
      needs: matches.slice(0, 3).map((m) => ({ id: m.need.id, score: Number(m.score.toFixed(3)) })),
    });
    if (best && needScore >= 0.55 && top.intent !== 'greeting' && top.intent !== 'list_services' && top.intent !== 'help') {
      return recommend(Math.min(0.97, 0.5 + needScore / 2));
    }
    if (best && needScore >= 0.3 && (top.intent === 'recommend' || p('recommend') >= 0.3)) {
      return recommend(Math.min(0.9, 0.35 + needScore / 2 + p('recommend') / 4));
    }
    if (top.intent === 'recommend') {
      // Sounds like a request for a service, but no known need fits: ask rather than guess.
      return best ? { ...recommend(0.3) } : { intent: 'out_of_scope', confidence: 0.5 };
    }
    return { intent: top.intent, confidence: Math.max(0.3, Math.min(0.97, top.p)) };
  }

  /** "can SNS send push notifications?", "does Lambda support Java?": a question about features. */
  function asksCanItDo(tokens: string[], mentions: Mentions): boolean {
    const first = mentions.services[0];
    if (!first) return false;
    const before = tokens.slice(0, first.start).filter((t) => !STOPWORDS.has(t) || CAN_WORDS.has(t));
    const lead = tokens.slice(Math.max(0, first.start - 2), first.start);
    const wh = tokens.slice(0, first.start).some((t) => ['what', 'whats', 'how', 'why', 'which', 'who', 'where'].includes(t));
    const canLead = !wh && lead.some((t) => CAN_WORDS.has(t)) && before.length <= 2;
    const after = tokens.slice(first.end, first.end + 2);
    const supportAfter = after.some((t) => ['support', 'supports', 'handle', 'handles', 'work', 'works', 'integrate', 'run', 'send', 'store', 'trigger', 'do'].includes(t));
    return canLead && (supportAfter || tokens.length - first.end >= 2);
  }

  /** "X or Y for <a task>", "what is X used for", "when should I use X": the question is about use cases. */
  function asksForUseCase(tokens: string[], mentions: Mentions, intent: Intent): boolean {
    for (let i = 0; i < tokens.length - 1; i++) {
      if (tokens[i] !== 'for' && tokens[i] !== 'para' && tokens[i] !== 'pour' && tokens[i] !== 'für') continue;
      let j = i + 1;
      while (j < tokens.length && ['a', 'an', 'the', 'my', 'our', 'some', 'un', 'una', 'une', 'mon', 'ma', 'mes', 'einen', 'eine', 'ein'].includes(tokens[j]!)) j++;
      if (j >= tokens.length || mentions.consumed[j] || USE_FOR_SKIP.has(tokens[j]!)) continue;
      return true;
    }
    if (intent === 'compare') {
      const best = needs.match(tokens.filter((_, i) => !mentions.consumed[i]))[0];
      if (best && best.score >= 0.45) return true;
    }
    return /\bwhen (should|would|do|to|shall)\b|\bwhich (one )?(should|to) (i )?(use|pick|choose)\b.*\b(to|for)\b/.test(tokens.join(' '));
  }

  return { understand, lexicon, needs, classifier };
}
