/**
 * Text handling shared by every part of understanding: strip what Slack, Discord and terminals add
 * around a question, split it into lower-case word tokens, and stem them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * natural's Porter stemmer, loaded on the first word to stem (a synchronous require: importing it as
 * a module costs `awsbot ask` ~10 ms at start-up, before any word needs it).
 */
let porter: { stem(token: string): string } | undefined;
const porterStemmer = () => (porter ??= createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(token: string): string });

/** Understanding reads at most this many characters; longer messages are cut, never slow. */
export const MAX_QUESTION_CHARS = 2000;

const MONEY_EMOJI = /[💰💵💸🤑💲]/gu;
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{20E3}]/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * Removes platform noise: Slack and Discord mention and channel tokens, Slack links (keeping their
 * label), emoji codes and pictographs, code fences and backticks, markdown emphasis, invisible and
 * control characters. Returns readable text in its original case.
 */
export function cleanMessage(raw: string): string {
  let s = raw.length > MAX_QUESTION_CHARS * 2 ? raw.slice(0, MAX_QUESTION_CHARS * 2) : raw;
  s = s.normalize('NFKC');
  s = s.replace(/```[a-z0-9+#-]{0,20}\r?\n/gi, ' '); // a fence's language tag
  s = s.replace(/\r\n?|\n/g, ' ').replace(INVISIBLE, '');
  s = s
    .replace(/<(?:https?|mailto):[^|>\s]*\|([^>]*)>/g, ' $1 ') // Slack link with a label
    .replace(/<((?:https?|mailto):[^>\s]*)>/g, ' $1 ') // bare Slack link: the address alone
    .replace(/<[@#!][^>\s]{0,80}>/g, ' ') // <@U123>, <@!123>, <#C1|name>, <!here>, <@&role>
    .replace(/<a?:[\w~-]{1,64}:\d{5,25}>/g, ' ') // Discord custom emoji <:name:id>
    .replace(/<t:\d+(?::[a-zA-Z])?>/g, ' ') // Discord timestamps
    .replace(/(^|\s):[a-z0-9_+'-]{1,40}:(?::skin-tone-\d:)?/gi, '$1 ') // :emoji_codes:
    .replace(/:[a-z0-9_+'-]{1,40}:/gi, ' ')
    .replace(MONEY_EMOJI, ' cost ')
    .replace(PICTOGRAPHS, ' ')
    .replace(/`+/g, ' ') // code fences and inline code marks
    .replace(/(^|[\s(])[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}(?=[\s).,!?:;]|$)/g, '$1') // *bold* _italic_ ~strike~
    .replace(/https?:\/\/(?:docs\.)?aws\.amazon\.com\/([\w/-]*)\S*/gi, (_, path: string) => ` ${path.replace(/[/_-]+/g, ' ')} `)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*\/?aws-compare\b/i, ' ') // a pasted slash command
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > MAX_QUESTION_CHARS ? s.slice(0, MAX_QUESTION_CHARS) : s;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-case word tokens; apostrophes are dropped ("what's" → "whats"), diacritics kept. */
export function tokenize(text: string): string[] {
  return tokenizeClauses(text).tokens;
}

const CLAUSE_BREAK = /[,;:?!.…—–()|]|\s-\s/;
/** Lower-case ASCII letters and digits in words one space apart. */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
/** A character three times in a row, which the full path may shorten. */
const TRIPLE = /(.)\1\1/;

/**
 * Tokens, and for each token whether a clause starts there (after a comma, a question mark, a
 * dash…): "S3 vs CloudFront for serving images, which is faster?" has two clauses.
 */
export function tokenizeClauses(text: string): { tokens: string[]; clauseStart: boolean[] } {
  const lower = text.toLowerCase();
  // Plain words and single spaces (service names, synonyms: over a thousand of them at start-up)
  // split as the loop below would split them, without its regular expressions.
  if (PLAIN.test(lower) && !TRIPLE.test(lower)) {
    const tokens = lower.split(' ');
    return { tokens, clauseStart: tokens.map((_, i) => i === 0) };
  }
  const tokens: string[] = [];
  const clauseStart: boolean[] = [];
  let last = 0;
  for (const m of lower.matchAll(WORD)) {
    // Most gaps are one space, which never breaks a clause.
    clauseStart.push(tokens.length === 0 || (m.index - last === 1 && lower.charCodeAt(last) === 32 ? false : CLAUSE_BREAK.test(lower.slice(last, m.index))));
    let token = m[0];
    if (token.includes("'") || token.includes('’')) token = token.replace(/['’]/g, '');
    if (mayRepeat(token)) token = token.replace(/(\p{L})\1{2,}/gu, '$1');
    tokens.push(token);
    last = m.index + m[0].length;
  }
  if (lower.includes('$')) {
    tokens.push('$');
    clauseStart.push(true);
  }
  return { tokens, clauseStart };
}

/**
 * Whether a token may hold a letter three times in a row ("sooo"), which tokens lose: false only
 * when no three code units in a row are equal and none is half of a surrogate pair, so the
 * regular expression runs only where it can match (it is most of tokenizing's time otherwise).
 */
function mayRepeat(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (i >= 2 && c === token.charCodeAt(i - 1) && c === token.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** Accents removed: "límite" → "limite", so phrases match however they were typed. */
export function foldAccents(token: string): string {
  return /[^\u0000-\u007f]/.test(token) ? token.normalize('NFD').replace(/\p{M}/gu, '') : token;
}

/**
 * The stems of every word in intents/ (and of the words met while deriving from it), saved at build
 * time by scripts/build-snapshots.mjs: a recommendation question then needs neither natural's
 * stemmer nor thousands of stemming calls to build the need matcher and train the intent
 * classifier at start-up. A stem is a fact of the stemmer alone, so the table is used whenever it
 * was made with the installed version of natural; a word it lacks is stemmed as before.
 *
 * The file is text, not JSON: a first line `natural<TAB>version`, then one `word<TAB>stem` line per
 * word, sorted by word (code unit order). A lookup is a binary search in the file's text: parsing
 * 14,000 words into an object cost `awsbot ask` ~20 ms (and its garbage collection more) at every
 * start, where a question stems a few dozen words.
 */
export const STEMS_URL = new URL('../../stems.txt', import.meta.url);

/** The saved table: its text, and where its word lines start. Null when missing or made by another natural. */
let stemText: { text: string; from: number } | null | undefined;

function naturalVersion(): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve('natural/package.json'), 'utf8')) as { version: string }).version;
}

function savedStemText(): { text: string; from: number } | null {
  if (stemText === undefined) {
    try {
      const text = readFileSync(STEMS_URL).toString('utf8');
      const firstLine = text.indexOf('\n');
      stemText = firstLine > 0 && text.slice(0, firstLine) === `natural\t${naturalVersion()}` ? { text, from: firstLine + 1 } : null;
    } catch {
      stemText = null;
    }
  }
  return stemText;
}

/** The saved stem of `word`, by binary search over the sorted lines; undefined when the table lacks it. */
export function savedStem(word: string): string | undefined {
  const table = savedStemText();
  if (table === null || word.includes('\t') || word.includes('\n')) return undefined;
  const { text } = table;
  let lo = table.from;
  let hi = text.length;
  // Invariant: every line starting before `lo` holds a smaller word, every line starting at or after `hi` a larger one.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
    const tab = text.indexOf('\t', start);
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (tab < 0 || tab > end) return undefined; // damaged
    const w = text.slice(start, tab);
    if (w === word) return text.slice(tab + 1, end);
    if (w < word) lo = end + 1;
    else hi = start;
  }
  return undefined;
}

/** What the build saves as {@link STEMS_URL}: every stem computed so far in this process, in the file's format. */
export function stemsSeen(): { words: number; text: string } {
  const words = [...stemCache.keys()].filter((w) => !w.includes('\t') && !w.includes('\n')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { words: words.length, text: [`natural\t${naturalVersion()}`, ...words.map((w) => `${w}\t${stemCache.get(w)!}`)].join('\n') + '\n' };
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 20_000;

/** Porter stem of an (accent-folded) token, cached: the same words come back in every message. */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = savedStem(token) ?? porterStemmer().stem(foldAccents(token));
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(token, s);
  }
  return s;
}

/** Tokens of a phrase from the knowledge base, the same way a message is tokenized. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase);
}
