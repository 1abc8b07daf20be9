/** The response builder: one {@link Answer} for each {@link Understanding}. */
import type { Knowledge } from '../../knowledge/load.js';
import { EQUIVALENT } from '../understanding/counterparts.js';
import type { Understanding } from '../understanding/understanding.js';
import { compareServices } from './compare.js';
import {
  clarifyAnswer,
  greetingAnswer,
  helpAnswer,
  listAnswer,
  outOfScopeAnswer,
} from './conversational.js';
import { describeService } from './describe.js';
import { compareFromDirectory, describeFromDirectory } from './directory.js';
import { focusOf, shortName } from './facts.js';
import { recommendServices } from './recommend.js';
import type { Answer } from './types.js';
import { bankEntry } from '../../knowledge/bank-lookup.js';
import { entryAnswer, factAnswer, factAt, noMatchAnswer } from './direct.js';
import { cloudAsked, cloudMapAnswer, crossCloudCompare, equivalentAnswer, wholeCloudAsked } from './cross-cloud.js';
import { priceAnswer } from './price.js';
import { ASKED_AS_STORED, LEAD_AT, SUGGEST_AT } from '../retrieval/retriever.js';

/** Side-by-side columns stay readable in a chat window up to three services. */
export const MAX_COLUMNS = 3;

export function buildAnswer(k: Knowledge, u: Understanding): Answer {
  const answer = answerFor(k, u);
  const corrections = u.corrections
    .filter((c) => u.services.includes(c.to))
    .map((c) => `"${c.from}" was read as ${shortName(k, c.to)}.`);
  if (corrections.length > 0) answer.notes.unshift(...corrections);
  return answer;
}

/** The answer retrieval found, when it is sure enough to lead; undefined to answer in general. */
function directAnswer(k: Knowledge, u: Understanding): Answer | undefined {
  const m = u.match;
  if (!m) return undefined;
  const sure = m.confidence >= LEAD_AT;
  if (!sure && !(m.specific && m.confidence >= m.suggestAt)) return m.practical ? noMatchAnswer(k, u) : undefined;
  if (m.type === 'entry') {
    const entry = bankEntry(k, m.id);
    if (entry) return entryAnswer(k, u, entry, sure);
  } else {
    const at = factAt(k, m.id);
    if (at) return factAnswer(k, u, at.service, at.aspect, at.fact, sure);
  }
  return m.practical ? noMatchAnswer(k, u) : undefined;
}

/**
 * A sure bank answer whose entry itself speaks of other clouds, to a question asking for an AWS
 * equivalent the directory does not map ("aws version of azure managed identities").
 */
function mapsClouds(k: Knowledge, u: Understanding): boolean {
  const m = u.match;
  if (!m || u.intent !== 'out_of_scope' || !EQUIVALENT.test(u.text) || m.confidence < LEAD_AT || m.type !== 'entry') return false;
  const entry = bankEntry(k, m.id);
  if (!entry) return false;
  const text = [entry.lead, ...entry.questions].join(' ').toLowerCase();
  return /\b(azure|gcp|google cloud)\b/.test(text) || (u.others ?? []).some((o) => text.includes(o.toLowerCase().split(' ')[0]!));
}

/**
 * A product set against the AWS service that runs it ("amazon mq activemq vs rabbitmq", "kafka or
 * kinesis"), not another cloud, with a bank answer asked almost as stored: that answer leads.
 */
function runsProduct(u: Understanding): boolean {
  const m = u.match;
  return m !== undefined && m.type === 'entry' && m.confidence >= ASKED_AS_STORED && !/\b(azure|gcp|google|microsoft|oracle cloud|alibaba|ibm cloud|digitalocean|cloudflare)\b/i.test(u.text);
}

/**
 * A specific question about the AWS side of a cross-cloud comparison, with a bank answer about that
 * AWS service ("gcs signed urls equivalent in s3? and whats the max expiry"): the answer, not the profiles.
 */
function asksAwsSide(k: Knowledge, u: Understanding): boolean {
  const m = u.match;
  if (!m || !m.rich || m.confidence < SUGGEST_AT || u.services.length === 0) return false;
  const services = m.type === 'entry' ? bankEntry(k, m.id)?.services : [factAt(k, m.id)?.service];
  return (services ?? []).some((s) => s !== undefined && u.services.includes(s));
}

function answerFor(k: Knowledge, u: Understanding): Answer {
  // Prices (issue 14): "how much is S3", "NAT gateway per month", "RDS or Aurora, which is cheaper",
  // estimates from quantities. Only when the question asks a number about a service the price table
  // covers; otherwise undefined and the usual answer follows.
  const price = priceAnswer(k, u);
  if (price) return price;
  // Unsure of the reading: ask, unless the bank holds a sure answer or, for a question that says
  // something specific, a close one (better the closest answer, marked so, than "rephrase").
  if (u.clarify && !(u.match && (u.match.confidence >= LEAD_AT || (u.match.specific && u.match.id !== '' && u.match.confidence >= u.match.suggestAt)))) return clarifyAnswer(k, u);
  // Another cloud set against AWS: a match from the bank leads only for a how-to or a fix, or when
  // it is a sure answer about that very mapping ("aws version of azure managed identities").
  const whole = wholeCloudAsked(u);
  if (whole) return cloudMapAnswer(k, whole);
  const crossCloud = (u.others?.length ?? 0) > 0 && !u.match?.practical && !mapsClouds(k, u) && !runsProduct(u) && !asksAwsSide(k, u);
  const direct = (u.intent === 'out_of_scope' && !u.match) || crossCloud ? undefined : directAnswer(k, u);
  if (direct) return direct;
  const focus = focusOf(k, u.text);
  if (crossCloud && u.intent === 'compare') return crossCloudCompare(k, u, focus);
  if (crossCloud && u.intent === 'recommend') return equivalentAnswer(k, u);
  const cloud = u.intent === 'out_of_scope' ? cloudAsked(u) : undefined;
  if (cloud) return cloudMapAnswer(k, cloud);
  switch (u.intent) {
    case 'compare': {
      if (u.services.some((id) => !k.profiles.has(id))) return compareFromDirectory(k, u.services.slice(0, MAX_COLUMNS), u.aspect);
      if (u.services.length <= MAX_COLUMNS) return compareServices(k, u.services, u.aspect, focus, u.text);
      const answer = compareServices(k, u.services.slice(0, MAX_COLUMNS), u.aspect, focus, u.text);
      const rest = u.services.slice(MAX_COLUMNS).map((id) => shortName(k, id));
      answer.notes.push(`I compare up to ${MAX_COLUMNS} services at a time; ask again for ${rest.join(' and ')}.`);
      return answer;
    }
    case 'describe':
      if (!k.profiles.has(u.services[0]!)) return describeFromDirectory(k, u.services[0]!);
      return describeService(k, u.services[0]!, u.aspect, focus, u.text);
    case 'recommend':
      return recommendServices(k, u);
    case 'list_services':
      return listAnswer(k);
    case 'help':
      return helpAnswer(k);
    case 'greeting':
      return greetingAnswer(k, u);
    case 'out_of_scope':
      return outOfScopeAnswer(k, u);
  }
}
