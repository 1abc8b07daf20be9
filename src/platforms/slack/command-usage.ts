/**
 * The short usage help of /aws-compare, as a neutral Answer: examples, the services and the aspects,
 * and, when the command could not be read, what was wrong, quoting the user's words plainly
 * (echo.ts: Slack's entities decoded, no links, formatting or control characters; the renderer
 * escapes the result once).
 */
import type { Knowledge } from '../../knowledge/load.js';
import { helpAnswer, serviceList } from '../../core/answer/conversational.js';
import type { Answer } from '../../core/answer/types.js';
import { decodeSlackEntities, echoed } from '../echo.js';

export const COMMAND = '/aws-compare';

export type UsageReason = { kind: 'empty' } | { kind: 'unreadable'; text: string } | { kind: 'too_long'; max: number };

function reasonNote(reason: UsageReason): string[] {
  switch (reason.kind) {
    case 'empty':
      return [];
    case 'unreadable': {
      const words = echoed(decodeSlackEntities(reason.text), 80);
      return [words ? `I couldn't find AWS services to compare in "${words}".` : "I couldn't find AWS services to compare in what you typed."];
    }
    case 'too_long':
      return [`That was longer than ${reason.max} characters: name two or three services, and an aspect if you like.`];
  }
}

export function compareUsageAnswer(k: Knowledge, reason: UsageReason = { kind: 'empty' }): Answer {
  return {
    kind: 'help',
    title: `How to use ${COMMAND}`,
    summary: 'Compare two or three AWS services side by side, on everything or on one aspect. Only you see the answer, with a button to post it to the channel.',
    sections: [
      { heading: 'Examples', bullets: [`${COMMAND} s3 ec2`, `${COMMAND} s3 vs lambda pricing`, `${COMMAND} ebs efs s3`] },
      { heading: 'Services', text: `Any AWS service by name or abbreviation (ALB, SSM, ECR…); in full depth: ${serviceList(k)}` },
      { heading: 'Aspects', text: k.aspectWords.map((a) => a.label).join(', ') },
    ],
    notes: reasonNote(reason),
    sources: [],
    followUps: helpAnswer(k).followUps,
  };
}
