/**
 * Answers that set AWS against another cloud: "S3 vs Azure Blob" shows the AWS side in depth and
 * names the counterparts from the directory; "aws equivalent of BigQuery" names the AWS services
 * whose counterpart it is. awsbot knows AWS; the other cloud's details stay with its own docs.
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Aspect } from '../../knowledge/schema.js';
import { counterpartName } from '../understanding/counterparts.js';
import type { Understanding } from '../understanding/understanding.js';
import { encodeAction } from './actions.js';
import { counterparts, statusLine } from './directory.js';
import { docsOf, factsOf, plainName, profileOf, shortName, uniqueLinks, type Focus } from './facts.js';
import type { Answer, FollowUp, Link, Section } from './types.js';

const titled = (s: string) => s.replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\bGcp\b/, 'GCP').replace(/\bAks\b/, 'AKS').replace(/\bGke\b/, 'GKE').replace(/\bSql\b/, 'SQL').replace(/\bDb\b/, 'DB');

/** The other product's name as the directory spells it, else as typed. */
function productName(k: Knowledge, ids: readonly string[], typed: string): string {
  for (const id of ids) {
    const n = counterpartName(k, id, typed);
    if (n) return n;
  }
  return titled(typed);
}

function counterpartLine(k: Knowledge, id: string): string | undefined {
  const line = counterparts(k.directory.get(id), '; ');
  return line ? `${shortName(k, id)} counterparts: ${line}.` : undefined;
}

function buttons(k: Knowledge, ids: readonly string[]): FollowUp[] {
  const out: FollowUp[] = [];
  for (const id of ids.slice(0, 2)) out.push({ label: `About ${plainName(k, id)}`, action: encodeAction({ intent: 'describe', services: [id], aspect: null }) });
  const first = ids[0];
  if (first && profileOf(k, first)) {
    for (const aspect of ['pricing', 'limits'] as const) out.push({ label: `${plainName(k, first)} ${aspect}`, action: encodeAction({ intent: 'describe', services: [first], aspect }) });
  }
  if (ids.length >= 2) out.push({ label: 'Compare them', action: encodeAction({ intent: 'compare', services: ids.slice(0, 3), aspect: null }) });
  return out.slice(0, 4);
}

/** " ⚠ Closed to new customers since …" for a service that is not simply available, else "". */
function statusOf(k: Knowledge, id: string): string {
  const line = statusLine(k, id);
  return line ? ` ${line}` : '';
}

const CLOUD_LABEL = { azure: 'Microsoft Azure', google: 'Google Cloud' } as const;

/** The other cloud when a question names only the cloud itself ("gcp", "azure"), not one of its products. */
function wholeCloud(others: readonly string[]): 'azure' | 'google' | undefined {
  const clouds = others.map(cloudNamed);
  return clouds.length > 0 && clouds.every((c) => c === clouds[0]) ? clouds[0] : undefined;
}

/** The cloud a name typed in a question is ("azure", "gcp", "google cloud platform"), or undefined for a product. */
function cloudNamed(typed: string): 'azure' | 'google' | undefined {
  const name = typed.toLowerCase().trim();
  if (/^(microsoft )?azure$/.test(name)) return 'azure';
  if (/^(gcp|google|google cloud( platform)?)$/.test(name)) return 'google';
  return undefined;
}

/** The AWS side of "S3 vs Azure Blob": purpose, a few facts (of the aspect asked), counterparts. */
export function crossCloudCompare(k: Knowledge, u: Understanding, focus: Focus): Answer {
  const ids = u.services.slice(0, 3);
  const others = (u.others ?? []).map((t) => productName(k, ids, t));
  const aws = ids.map((id) => shortName(k, id));
  const mapped = ids.filter((id) => (u.others ?? []).some((t) => counterpartName(k, id, t)));
  const sections: Section[] = [];
  const sources: Link[] = [];
  const aspect: Aspect = u.aspect ?? 'features';
  // "athena equivalent on gcp": a whole cloud named, so its counterpart product is the answer.
  const cloud = wholeCloud(u.others ?? []);
  for (const id of ids) {
    const p = profileOf(k, id);
    const bullets: string[] = [];
    if (p) {
      const f = factsOf(p, aspect, 3, focus);
      bullets.push(...f.bullets);
      sources.push(...f.sources.slice(0, 1), ...docsOf(p).slice(0, 1));
    } else {
      bullets.push(k.byId.get(id)!.purpose);
      const d = k.directory.get(id);
      if (d) sources.push({ title: `${shortName(k, id)} documentation`, url: d.links.docs });
    }
    const line = counterpartLine(k, id);
    if (line) bullets.push(line);
    // Closed to new customers: said plainly, with the successor, first (in the summary when a whole cloud is asked).
    const status = statusLine(k, id);
    if (status && !cloud) bullets.unshift(status);
    sections.push({ heading: ids.length > 1 || u.aspect ? `${shortName(k, id)}${u.aspect ? `: ${u.aspect.replace('_', ' ')}` : ''}` : `${shortName(k, id)} in brief`, bullets });
  }
  const named = cloud ? ids.map((id) => ({ id, names: k.directory.get(id)?.[cloud] ?? [] })) : [];
  const summary = cloud
    ? `${named.map((n) => (n.names.length > 0 ? `On ${CLOUD_LABEL[cloud]}, the counterpart of ${shortName(k, n.id)} is ${n.names.join(' or ')}.` : `I know of no direct ${CLOUD_LABEL[cloud]} counterpart of ${shortName(k, n.id)}.`)).join(' ')} ${ids.map((id) => `${shortName(k, id)}: ${k.byId.get(id)!.purpose}${statusOf(k, id)}`).join(' ')}`
    : mapped.length > 0
      ? `${mapped.map((id) => shortName(k, id)).join(' and ')} ${mapped.length > 1 ? 'are' : 'is'} AWS's counterpart of ${others.join(' and ')}: ${ids.map((id) => k.byId.get(id)!.purpose).join(' ')}`
      : `${aws.join(' and ')} on AWS, set against ${others.join(' and ')}: ${ids.map((id) => k.byId.get(id)!.purpose).join(' ')}`;
  return {
    kind: 'compare',
    title: cloud ? `${aws.join(' / ')}: the ${CLOUD_LABEL[cloud]} counterpart` : `${aws.join(' / ')} vs ${others.join(' / ')}`,
    summary,
    sections,
    notes: [`I know AWS in depth; for ${others.join(' and ')}'s own limits and prices, check its documentation.`],
    sources: uniqueLinks(sources, 4),
    followUps: buttons(k, ids),
  };
}

/** "AWS equivalent of BigQuery": the AWS services the directory maps it to, best first. */
export function equivalentAnswer(k: Knowledge, u: Understanding): Answer {
  // Up to three counterparts, and one closed to new customers after them (named with its status).
  const ids = u.services.slice(0, 4);
  // "gcp bigquery": the product, not the cloud, is what has a counterpart.
  const others = u.others ?? [];
  const typed = (others.length > 1 ? others.find((o) => !wholeCloud([o])) : undefined) ?? others[0] ?? '';
  const other = productName(k, ids, typed);
  // AWS services the question names beside the product ("... + waf + caching") are listed apart: they are no counterparts.
  const mapped = typed ? ids.filter((id) => counterpartName(k, id, typed) !== undefined) : ids;
  const counterpartIds = mapped.length > 0 ? mapped : ids;
  const besides = ids.filter((id) => !counterpartIds.includes(id));
  const [first, ...rest] = counterpartIds;
  const line = (id: string) => `${shortName(k, id)}: ${k.byId.get(id)!.purpose}${statusOf(k, id)}`;
  const sections: Section[] = [{ heading: 'AWS counterparts', bullets: counterpartIds.map(line) }];
  if (besides.length > 0) sections.push({ heading: 'Also in your question', bullets: besides.map(line) });
  const sources: Link[] = ids.flatMap((id) => {
    const p = profileOf(k, id);
    if (p) return docsOf(p).slice(0, 1);
    const d = k.directory.get(id);
    return d ? [{ title: `${shortName(k, id)} documentation`, url: d.links.docs }] : [];
  });
  return {
    kind: 'recommend',
    title: `${other} on AWS`,
    summary: `The AWS counterpart of ${other} is ${shortName(k, first!)}${rest.length ? ` (also ${rest.map((id) => shortName(k, id)).join(', ')})` : ''}.`,
    sections,
    notes: [],
    sources: uniqueLinks(sources, 4),
    followUps: buttons(k, ids),
  };
}

const MAP_QUESTION = /\b(maps? to|mapping|equivalents?|counterparts?|coming from|moving from|migrat\w* from|switching from|what.{0,20}(called|is) on aws|cheat ?sheet|translate)\b/i;

/** Which other cloud a question names alone ("coming from Azure, what maps to what?"), if any. */
export function cloudAsked(u: Understanding): 'azure' | 'google' | undefined {
  if (!MAP_QUESTION.test(u.text)) return undefined;
  const named = (u.others ?? []).map(cloudNamed);
  return named.find((c) => c === 'azure') ?? named.find((c) => c === 'google');
}

/**
 * "Coming from Azure, what maps to what?": a map question naming only a whole cloud, no AWS
 * service and none of that cloud's products, asks for the whole map before any one mapping the
 * bank holds (its words "coming from azure" are those of "coming from azure devops, …").
 */
export function wholeCloudAsked(u: Understanding): 'azure' | 'google' | undefined {
  return u.intent === 'out_of_scope' && u.services.length === 0 && !u.match?.practical ? (wholeCloud(u.others ?? []) && cloudAsked(u)) : undefined;
}

/** The services people move first, for the order of the map. */
const MOST_USED = ['ec2', 's3', 'lambda', 'rds', 'dynamodb', 'vpc', 'iam', 'elb', 'ecs', 'eks', 'sqs', 'sns', 'cloudfront', 'route53', 'api-gateway', 'cloudwatch', 'cloudformation', 'kms', 'secrets-manager', 'cognito', 'eventbridge', 'step-functions', 'kinesis', 'redshift', 'elasticache', 'aurora'];

/** "Coming from Azure, what maps to what?": the services with full profiles and their counterparts there. */
export function cloudMapAnswer(k: Knowledge, cloud: 'azure' | 'google'): Answer {
  const label = cloud === 'azure' ? 'Microsoft Azure' : 'Google Cloud';
  const order = (id: string) => {
    const i = MOST_USED.indexOf(id);
    return i < 0 ? MOST_USED.length : i;
  };
  const rows = [...k.profiles.keys()]
    .sort((a, b) => order(a) - order(b))
    .map((id) => ({ id, names: k.directory.get(id)?.[cloud] ?? [] }))
    .filter((r) => r.names.length > 0)
    .slice(0, 20);
  const s3 = k.directory.get('s3')?.[cloud][0];
  return {
    kind: 'recommend',
    title: `${label} to AWS: what maps to what`,
    summary: `The closest AWS service for each common ${label} service (${rows.length} shown); ask "aws equivalent of <service>" for any other${s3 ? `, or "S3 vs ${s3}" for a comparison` : ''}.`,
    sections: [{ heading: `${label} → AWS`, bullets: rows.map((r) => `${r.names.join(' / ')} → ${shortName(k, r.id)}`) }],
    notes: [`Counterparts are the closest match, rarely identical: limits, pricing and features differ. I know the AWS side in depth.`],
    sources: [{ title: cloud === 'azure' ? 'AWS to Azure services comparison (Microsoft)' : 'Compare AWS and Azure services to Google Cloud', url: cloud === 'azure' ? 'https://learn.microsoft.com/en-us/azure/architecture/aws-professional/' : 'https://cloud.google.com/docs/get-started/aws-azure-gcp-service-comparison' }],
    followUps: buttons(k, rows.slice(0, 2).map((r) => r.id)),
  };
}
