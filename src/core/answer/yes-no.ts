/**
 * "Yes: " or "No: " before an answer to a yes-or-no question ("can lambda run longer than 15
 * minutes?"), when the entry marks the stored phrasing the question is asked as with its answer.
 * The phrasing, not the entry, carries the verdict: one entry answers "can lambda run longer than
 * 15 min?" (no) and "is 15 min a hard limit?" (yes). A verdict is said only for a question that is
 * that phrasing in other words: about the entry's own services, the same numbers, and most words
 * shared both ways ("is instance store persistent across reboot" is not "is instance store persistent").
 */
import type { BankEntry } from '../../knowledge/answer-bank-schema.js';
import type { Knowledge } from '../../knowledge/load.js';
import { STOPWORDS } from '../understanding/language.js';
import { nameTokensOf } from './facts.js';
import { stem, tokenize } from '../understanding/text.js';

/** A yes-or-no question: "can lambda run longer than 15 min?", "does cognito support passkeys?". */
export const YES_NO_QUESTION = /^\W*(and |so |ok |but |also |hmm,? )?(does|do|can|could|is|are|will|would|has|have|did|was|were)\b/i;

/** Shares of the phrasing's words in the question, and of the question's in the phrasing, for it to be the same question. */
const SAME_QUESTION = { phrasing: 0.75, question: 0.6 };

const ownNames = new WeakMap<BankEntry, ReadonlySet<string>>();

/** The words of the names of an entry's own services ("does it…?" names none of them). */
function namesOf(k: Knowledge, entry: BankEntry): ReadonlySet<string> {
  let names = ownNames.get(entry);
  if (!names) {
    names = new Set(k.catalog.filter((s) => entry.services.includes(s.id)).flatMap(nameTokensOf));
    ownNames.set(entry, names);
  }
  return names;
}

const wordsOf = (text: string, names: ReadonlySet<string>) => new Set(tokenize(text).filter((t) => !STOPWORDS.has(t) && !names.has(t) && t !== 'aws' && t !== 'amazon').map(stem));
const numbersOf = (words: ReadonlySet<string>) => [...words].filter((w) => /\d/.test(w)).sort().join(' ');

/** "Yes: ", "No: " or nothing; `asked`: the services the question is about. */
export function yesOrNo(k: Knowledge, text: string, entry: BankEntry, asked: readonly string[]): string {
  const marked = Object.keys(entry.verdicts);
  if (marked.length === 0 || !YES_NO_QUESTION.test(text) || /^(yes|no)\b/i.test(entry.lead)) return '';
  // "can amplify host a nextjs ssr app?" is not the stored "can s3 + cloudfront host a nextjs ssr app?".
  if (asked.some((s) => !entry.services.includes(s))) return '';
  const names = namesOf(k, entry);
  const question = wordsOf(text, names);
  // The stored phrasing closest to the question, by the share of its words the question uses.
  let best: { share: number; phrasing: string; words: ReadonlySet<string> } | undefined;
  for (const phrasing of entry.questions) {
    const own = wordsOf(phrasing, names);
    if (own.size === 0) continue;
    let shared = 0;
    for (const w of own) if (question.has(w)) shared++;
    const share = shared / own.size;
    if (!best || share > best.share) best = { share, phrasing, words: own };
  }
  const verdict = best ? entry.verdicts[best.phrasing] : undefined;
  if (!best || !verdict || best.share < SAME_QUESTION.phrasing || numbersOf(best.words) !== numbersOf(question)) return '';
  let back = 0;
  for (const w of question) if (best.words.has(w)) back++;
  if (question.size > 0 && back / question.size < SAME_QUESTION.question) return '';
  return verdict === 'yes' ? 'Yes: ' : 'No: ';
}

/** A question that cannot be answered yes or no: "how do i…", "what is the max…", "which one…". */
const OPEN_QUESTION = /^\W*(how|what|whats|what's|which|why|where|when|who)\b/i;

/**
 * A lead written for its yes-or-no phrasings ("Yes: since January 2023 every new S3 object is
 * encrypted…") shown for an open question ("what encryption does s3 use by default?") drops its
 * "Yes:", which would answer nothing that was asked.
 */
export function withoutYesNo(text: string, lead: string): string {
  if (!OPEN_QUESTION.test(text)) return lead;
  const m = /^(yes|no)\b[:,.;]?\s+(?=\S)/i.exec(lead);
  if (!m) return lead;
  const rest = lead.slice(m[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
