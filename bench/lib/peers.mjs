/**
 * The two peers awsbot is measured against: what a team would otherwise build from the same data.
 *
 * Both are trained on exactly the phrases awsbot learns from: every intents/training/*.json phrase
 * (labelled with its file's intent) and every need's phrases in intents/needs/*.json (labelled with
 * the need, whose picks become the recommendation). Neither is given awsbot's code. What a team
 * would add around a classifier is added, the same for both peers:
 *  - intent by the services named: two or more is a comparison, one a description (the training
 *    data has no compare/describe phrases; services decide those intents for awsbot too);
 *  - no service named: the classifier decides; a need label (or the generic "recommend" label,
 *    then the best-scoring need) gives a recommendation of that need's picks; NLP.js's "None"
 *    is read as out of scope;
 *  - aspect (compare/describe only): the first aspect keyword of intents/aspects.json in the text;
 *  - context: a message naming no service but an aspect continues the conversation's last turn.
 *
 * (a) baseline: natural's BayesClassifier on the raw text (its default Porter tokenizer and
 *     stemmer), services by exact, whole-word alias match (aliases and listed misspellings).
 * (b) NLP.js (@nlpjs/basic's Nlp with its English language pack, without its console logger):
 *     services and aspects as enum entities, their aliases and keywords as synonyms.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The labelled phrases both peers train on: [{ text, label }]. */
export function trainingPhrases(k) {
  const out = [];
  for (const file of k.training) for (const text of file.phrases) out.push({ text, label: file.intent });
  for (const need of k.needs) for (const text of need.phrases) out.push({ text, label: `need:${need.id}` });
  return out;
}

const REMEMBERED = new Set(['compare', 'describe', 'recommend']);

/** Lower-case words, punctuation to spaces: "What's S3-IA?" → "what s s3 ia". */
const plain = (s) => s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Longest-first whole-word phrase matcher over plain text. */
function phraseMatcher(entries) {
  const map = new Map();
  let longest = 1;
  for (const [phrase, value] of entries) {
    const key = plain(phrase);
    if (!key || map.has(key)) continue;
    map.set(key, value);
    longest = Math.max(longest, key.split(' ').length);
  }
  return (text) => {
    const words = plain(text).split(' ');
    const found = [];
    for (let i = 0; i < words.length; ) {
      let hit;
      for (let n = Math.min(longest, words.length - i); n >= 1 && !hit; n--) {
        const v = map.get(n === 1 ? words[i] : words.slice(i, i + n).join(' '));
        if (v !== undefined) hit = { value: v, n };
      }
      if (hit) {
        found.push(hit.value);
        i += hit.n;
      } else i++;
    }
    return found;
  };
}

/** The reading both peers share once they know services, aspect and the classifier's ranking. */
function reading(k, text, previous, services, aspect, ranked) {
  const base = { confidence: 1, corrections: [], followUp: false, clarify: false, outside: [], needs: [], text };
  const ids = [...new Set(services)];
  if (ids.length >= 2) return { ...base, intent: 'compare', services: ids, aspect };
  if (ids.length === 1) return { ...base, intent: 'describe', services: ids, aspect };
  if (previous && previous.services.length > 0 && aspect) {
    const intent = previous.intent === 'compare' ? 'compare' : 'describe';
    return { ...base, intent, services: intent === 'compare' ? previous.services : previous.services.slice(0, 1), aspect, followUp: true };
  }
  const top = ranked[0] ?? { label: 'None', score: 0 };
  let label = top.label;
  if (label === 'recommend') label = ranked.find((r) => r.label.startsWith('need:'))?.label ?? 'recommend';
  if (label.startsWith('need:')) {
    const need = k.needs.find((n) => `need:${n.id}` === label);
    return {
      ...base,
      intent: 'recommend',
      services: need.picks.map((p) => p.service),
      aspect: null,
      confidence: top.score,
      needs: [{ id: need.id, score: top.score }],
    };
  }
  if (label === 'recommend' || label === 'None') return { ...base, intent: 'out_of_scope', services: [], aspect: null, confidence: top.score };
  return { ...base, intent: label, services: [], aspect: null, confidence: top.score };
}

/** Wraps a peer's understand() with conversation memory, in the shape `evaluate()` calls. */
function withConversations(understand) {
  const turns = new Map();
  return async (text, conversation) => {
    const previous = conversation ? turns.get(conversation) : undefined;
    const u = await understand(text, previous);
    if (conversation && REMEMBERED.has(u.intent) && u.services.length > 0) turns.set(conversation, { intent: u.intent, services: u.services, aspect: u.aspect });
    return { understanding: u };
  };
}

const aspectEntries = (k) => k.aspectWords.flatMap((a) => a.keywords.map((kw) => [kw, a.id]));
const serviceEntries = (k) => k.catalog.flatMap((s) => [s.id, s.short, ...s.aliases, ...s.misspellings].map((alias) => [alias, s.id]));

/** (a) natural's BayesClassifier, exact alias lookup, keyword aspect lookup. Synchronous. */
export function trainBayesPeer(k) {
  const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js');
  const classifier = new BayesClassifier();
  for (const { text, label } of trainingPhrases(k)) classifier.addDocument(text, label);
  classifier.train();
  const findServices = phraseMatcher(serviceEntries(k));
  const findAspects = phraseMatcher(aspectEntries(k));

  const understand = (text, previous) => {
    const services = findServices(text);
    const aspect = findAspects(text)[0] ?? null;
    const ranked =
      services.length > 0
        ? []
        : classifier
            .getClassifications(text)
            .map((c) => ({ label: c.label, score: c.value }))
            .sort((a, b) => b.score - a.score);
    return reading(k, text, previous, services, aspect, ranked);
  };
  return { name: 'natural Bayes (baseline)', understand, ask: withConversations(understand), async: false };
}

/**
 * (b) NLP.js: intent classifier plus enum entities for services and aspects. Asynchronous.
 * `threshold` is its NER's similarity threshold: 0.8 is NLP.js's default (fuzzy: every synonym is
 * compared with every word span of the message); 1 makes it an exact dictionary lookup.
 */
export async function trainNlpjsPeer(k, { threshold = 0.8 } = {}) {
  const { containerBootstrap } = require('@nlpjs/core');
  const { Nlp } = require('@nlpjs/nlp');
  const { LangEn } = require('@nlpjs/lang-en');
  const container = await containerBootstrap();
  container.use(LangEn);
  // Its logger warns about training phrases made only of stop words; keep the tables readable.
  const quiet = () => {};
  container.register('logger', { debug: quiet, info: quiet, warn: quiet, error: quiet, log: quiet, trace: quiet, fatal: quiet }, true);
  const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, forceNER: true, calculateSentiment: false, nlu: { log: false }, ner: { threshold } }, container);
  for (const { text, label } of trainingPhrases(k)) nlp.addDocument('en', text, label);
  const byService = new Map();
  for (const [alias, id] of serviceEntries(k)) byService.set(id, [...(byService.get(id) ?? []), alias]);
  for (const [id, aliases] of byService) nlp.addNerRuleOptionTexts('en', 'service', id, aliases);
  const byAspect = new Map();
  for (const [kw, id] of aspectEntries(k)) byAspect.set(id, [...(byAspect.get(id) ?? []), kw]);
  for (const [id, kws] of byAspect) nlp.addNerRuleOptionTexts('en', 'aspect', id, kws);
  await nlp.train();

  const understand = async (text, previous) => {
    const r = await nlp.process('en', text);
    const entities = [...(r.entities ?? [])].sort((a, b) => a.start - b.start);
    const services = entities.filter((e) => e.entity === 'service').map((e) => e.option);
    const aspect = entities.find((e) => e.entity === 'aspect')?.option ?? null;
    const ranked = (r.classifications ?? []).map((c) => ({ label: c.intent, score: c.score })).sort((a, b) => b.score - a.score);
    if (r.intent === 'None' || ranked.length === 0) ranked.unshift({ label: 'None', score: r.score ?? 0 });
    return reading(k, text, previous, services, aspect, ranked);
  };
  const name = threshold >= 1 ? 'NLP.js (exact entities)' : `NLP.js (default fuzzy entities, ${threshold})`;
  return { name, understand, ask: withConversations(understand), async: true };
}
