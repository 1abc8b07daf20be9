/** Answers that are not about one service: help, the service list, greetings, out of scope, clarifying questions. */
import type { Knowledge } from '../../knowledge/load.js';
import type { Understanding } from '../understanding/understanding.js';
import { encodeAction } from './actions.js';
import { categoryLabel } from './directory.js';
import { plainName, shortName } from './facts.js';
import type { Answer, FollowUp } from './types.js';

const EXAMPLES: FollowUp[] = [
  { label: 'S3 vs EC2', action: encodeAction({ intent: 'compare', services: ['s3', 'ec2'], aspect: null }) },
  { label: 'Lambda limits', action: encodeAction({ intent: 'describe', services: ['lambda'], aspect: 'limits' }) },
  { label: 'SQS vs SNS', action: encodeAction({ intent: 'compare', services: ['sqs', 'sns'], aspect: null }) },
  { label: 'List services', action: encodeAction({ intent: 'list_services', services: [], aspect: null }) },
];

/** Example buttons that only name services the catalog has. */
function examples(k: Knowledge): FollowUp[] {
  return EXAMPLES.filter((e) => e.action.split('|')[1]!.split(',').every((id) => !id || k.byId.has(id)));
}

const lists = new WeakMap<Knowledge, string>();

/** "S3, EC2, Lambda, …": the short names of the services with full profiles, built once per knowledge base. */
export function serviceList(k: Knowledge): string {
  let list = lists.get(k);
  if (list === undefined) lists.set(k, (list = profiledIds(k).map((id) => plainName(k, id)).join(', ')));
  return list;
}

function profiledIds(k: Knowledge): string[] {
  return k.catalog.filter((s) => k.profiles.has(s.id)).map((s) => s.id);
}

export function helpAnswer(k: Knowledge): Answer {
  return {
    kind: 'help',
    title: 'How to use awsbot',
    summary: `I answer questions about AWS: limits and defaults, how-tos, error messages, choices between services, and what each of the ${k.catalog.length} services I know is for (${k.profiles.size} in full depth), with links to the AWS documentation.`,
    sections: [
      {
        heading: 'Ask in plain words',
        bullets: [
          'Facts and how-tos: "how long does SQS keep messages?", "how do I give my Lambda access to one DynamoDB table?"',
          'Errors: paste the message, e.g. "AccessDenied when my Lambda reads S3"',
          'Compare: "difference between S3 and EC2", "ECS or EKS for a 3-person team?", "S3 vs Azure Blob"',
          'One service: "what is DynamoDB?", "how is Fargate billed?", "what does Route 53 do?"',
          'Recommendations: "where should I store nightly database backups?"',
          'Follow-ups keep the context: "what about pricing?", "how does it compare to Lambda?"',
        ],
      },
      {
        heading: 'Commands',
        bullets: [
          '/aws-compare s3 ec2 (add a third service or an aspect: /aws-compare s3 vs lambda pricing)',
          'Aspects: pricing, use cases, features, scalability, management, durability, security, performance, limits',
          'Mention me in a channel, or send me a direct message',
        ],
      },
    ],
    notes: [],
    sources: [],
    followUps: examples(k),
  };
}

export function listAnswer(k: Knowledge): Answer {
  const byCategory = new Map<string, string[]>();
  for (const id of profiledIds(k)) {
    const category = k.byId.get(id)!.category;
    byCategory.set(category, [...(byCategory.get(category) ?? []), plainName(k, id)]);
  }
  const others = k.catalog.length - k.profiles.size;
  return {
    kind: 'list_services',
    title: `The ${k.profiles.size} AWS services I know in depth`,
    summary: `Ask about any of them, or compare two or three. I also know the other ${others} AWS services by name: what each is for, its status, its Azure and Google Cloud counterparts and links ("what is AWS Glue?").`,
    sections: [{ heading: 'By category', bullets: [...byCategory].map(([category, names]) => `${capitalise(categoryLabel(category))}: ${names.join(', ')}`) }],
    notes: [],
    sources: [],
    followUps: examples(k).filter((e) => !e.action.startsWith('list_services')),
  };
}

export function greetingAnswer(k: Knowledge, u: Understanding): Answer {
  const t = u.text.toLowerCase();
  let title = 'Hi! 👋';
  let summary = 'Ask me about AWS services: "S3 vs EC2", "how is Lambda billed?", or "where should I store backups?".';
  if (/\b(thx|thanks?|thank you|ty|tysm|cheers|appreciated?|gracias|merci|danke|obrigad[oa]|grazie|kudos)\b/.test(t)) {
    title = "You're welcome!";
    summary = 'Happy to help. Ask away whenever you need another comparison.';
  } else if (/\b(bye|goodbye|see (you|ya)|later|good night|adios|adiós|au revoir|tschüss|ciao)\b/.test(t)) {
    title = 'Bye! 👋';
    summary = 'Come back any time you need to compare AWS services.';
  }
  return { kind: 'greeting', title, summary, sections: [], notes: [], sources: [], followUps: examples(k) };
}

export function outOfScopeAnswer(k: Knowledge, u: Understanding): Answer {
  const what = u.outside.length > 0 ? `${u.outside.join(' and ')} ${u.outside.length > 1 ? 'are' : 'is'} outside what I cover.` : "That's outside what I cover.";
  return {
    kind: 'out_of_scope',
    title: "Sorry, I can't help with that one",
    summary: `${what} I answer questions about AWS services (and their Azure and Google Cloud counterparts), from the AWS documentation.`,
    sections: [],
    notes: [],
    sources: [],
    followUps: examples(k),
  };
}

export function clarifyAnswer(k: Knowledge, u: Understanding): Answer {
  const suggestions: FollowUp[] = [];
  if (u.intent === 'recommend') {
    for (const n of u.needs) {
      const need = k.needs.find((x) => x.id === n.id);
      const pick = need?.picks[0];
      if (need && pick) suggestions.push({ label: `${capitalise(need.label)} → ${shortName(k, pick.service)}`.slice(0, 75), action: encodeAction({ intent: 'describe', services: [pick.service], aspect: null }) });
    }
  } else if (u.services.length >= 2) {
    suggestions.push({ label: `Compare ${u.services.map((s) => shortName(k, s)).join(' and ')}`, action: encodeAction({ intent: 'compare', services: u.services, aspect: u.aspect }) });
  } else if (u.services.length === 1) {
    suggestions.push({ label: `About ${shortName(k, u.services[0]!)}`, action: encodeAction({ intent: 'describe', services: u.services, aspect: u.aspect }) });
  }
  const didYouMean = suggestions.length > 0 ? ` Did you mean: ${suggestions.map((s) => s.label).join(', or ')}?` : '';
  return {
    kind: 'clarify',
    title: 'Not sure I understood',
    summary: `Could you rephrase, naming the AWS services or what you need to do?${didYouMean}`,
    sections: [],
    notes: [],
    sources: [],
    followUps: suggestions.length > 0 ? [...suggestions, examples(k).at(-1)!] : examples(k),
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
