/**
 * Turns text into retrieval terms: synonyms folded to one word ("timed out" → timeout), function
 * words and service names dropped (services are matched as entities, not words), the rest stemmed.
 * The same function prepares stored phrasings and questions, so both sides meet on equal terms.
 */
import type { Lexicon } from '../understanding/lexicon.js';
import { STOPWORDS } from '../understanding/language.js';
import { findMentions } from '../understanding/mentions.js';
import { stem, tokenize } from '../understanding/text.js';

/** Function words that still tell what is asked in a retrieval query ("not", "up", "after"). */
const MEANINGFUL = new Set(['who', 'not', 'no', 'up', 'down', 'out', 'off', 'once', 'after', 'before', 'under', 'over', 'same', 'other', 'only', 'all', 'each', 'own']);
/** Words that ask for a general answer, not a specific one: they never pick an entry. */
const GENERIC = new Set(['difference', 'differences', 'compare', 'comparison', 'explain', 'overview', 'tell', 'about', 'vs', 'versus', 'v', 'aws', 'amazon', 'question', 'between', 'hey', 'folks', 'anyone', 'guys', 'team']);

/**
 * Irregular verb forms the Porter stemmer leaves apart from their verb ("kept" is not "keep"):
 * read as the verb, so "how long is data kept" meets "how long does it keep data". Only forms
 * that are seldom anything but that verb ("left", "found", "led", "stuck" stay as they are).
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries({
  kept: 'keep', sent: 'send', wrote: 'write', written: 'write', rewrote: 'rewrite', rewritten: 'rewrite',
  overwrote: 'overwrite', overwritten: 'overwrite', overrode: 'override', overridden: 'override',
  took: 'take', taken: 'take', made: 'make', built: 'build', rebuilt: 'rebuild', lost: 'lose', paid: 'pay',
  held: 'hold', ran: 'run', got: 'get', gotten: 'get', gave: 'give', given: 'give', chose: 'choose',
  chosen: 'choose', broke: 'break', broken: 'break', began: 'begin', begun: 'begin', spent: 'spend',
  saw: 'see', seen: 'see', told: 'tell', bought: 'buy', caught: 'catch', hid: 'hide', hidden: 'hide',
  froze: 'freeze', frozen: 'freeze', stole: 'steal', stolen: 'steal', forgot: 'forget', forgotten: 'forget',
  hung: 'hang', meant: 'mean', grew: 'grow', grown: 'grow', sold: 'sell', threw: 'throw', thrown: 'throw',
  undid: 'undo', undone: 'undo', shown: 'show', known: 'know', drew: 'draw', drawn: 'draw', went: 'go',
  gone: 'go', came: 'come', became: 'become', fell: 'fall', fallen: 'fall', woke: 'wake', woken: 'wake',
  rose: 'rise', risen: 'rise', understood: 'understand', spun: 'spin', shrank: 'shrink', shrunk: 'shrink',
}));

export interface Synonym {
  to: string;
  from: string[];
}

/** Each service's own name words ("security" and "hub" for Security Hub), and all of them together. */
export interface NameTokens {
  byService: ReadonlyMap<string, ReadonlySet<string>>;
  all: ReadonlySet<string>;
}

export interface TermMaker {
  /** Retrieval terms of a text, service names removed; `typos: false` for stored text. */
  terms(text: string, options?: { typos?: boolean }): string[];
  /** Retrieval terms of already tokenized text with some tokens (service mentions) marked to skip. */
  termsOfTokens(tokens: readonly string[], skip?: readonly boolean[]): string[];
}

/**
 * `nameTokens`: the words of services' names ("vpc", "beanstalk"). Inside a mention of a service its
 * own name words are dropped and the rest kept, so "nat gateway" (read as VPC) still contributes
 * "nat gateway" and "security group" keeps "security" (a word of Security Hub's name, not VPC's).
 */
export function createTermMaker(lexicon: Lexicon, synonyms: readonly Synonym[], nameTokens: NameTokens): TermMaker {
  // Synonym phrases by token sequence, longest first, so "timed out" wins over "out".
  const phrases = new Map<string, string[]>();
  let longest = 1;
  for (const s of synonyms) {
    const to = tokenize(s.to);
    for (const f of [s.to, ...s.from]) {
      const key = tokenize(f).join(' ');
      if (!key || phrases.has(key)) continue;
      phrases.set(key, to);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  const stemMemo = new Map<string, string>();
  const stemmed = (t: string) => {
    let s = stemMemo.get(t);
    if (s === undefined) {
      s = stem(IRREGULAR.get(t) ?? t);
      if (stemMemo.size > 50_000) stemMemo.clear();
      stemMemo.set(t, s);
    }
    return s;
  };

  function termsOfTokens(tokens: readonly string[], skip: readonly boolean[] = []): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      if (skip[i]) {
        i++;
        continue;
      }
      // "10 min late", "5 mins": minutes, not "min" for minimum.
      if ((tokens[i] === 'min' || tokens[i] === 'mins') && i > 0 && /^\d+$/.test(tokens[i - 1]!)) {
        out.push(stemmed('minutes'));
        i++;
        continue;
      }
      let matched = 0;
      for (let n = Math.min(longest, tokens.length - i); n >= 1 && matched === 0; n--) {
        if (skip.slice(i, i + n).some(Boolean)) continue;
        const to = phrases.get(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
        if (to) {
          out.push(...to.map(stemmed));
          matched = n;
        }
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
      const t = tokens[i]!;
      i++;
      if (GENERIC.has(t) || (STOPWORDS.has(t) && !MEANINGFUL.has(t))) continue;
      out.push(stemmed(t));
    }
    return out;
  }

  return {
    termsOfTokens,
    terms(text, options) {
      const tokens = tokenize(text);
      return termsOfTokens(tokens, serviceNameTokens(lexicon, tokens, nameTokens, options?.typos ?? true));
    },
  };
}

/** Which tokens name a service: the name words inside a mention, every word of a corrected typo. */
export function serviceNameTokens(lexicon: Lexicon, tokens: string[], nameTokens: NameTokens, typos = true): boolean[] {
  const skip = new Array<boolean>(tokens.length).fill(false);
  const { services, outside } = findMentions(lexicon, tokens, { typos });
  for (const m of services) {
    const own = nameTokens.byService.get(m.id) ?? nameTokens.all;
    for (let i = m.start; i < m.end; i++) if (m.correctedFrom !== undefined || own.has(tokens[i]!)) skip[i] = true;
  }
  // Another cloud's product ("azure blob storage"): the words AWS names use too are names here.
  for (const m of outside) for (let i = m.start; i < m.end; i++) if (nameTokens.all.has(tokens[i]!)) skip[i] = true;
  return skip;
}
