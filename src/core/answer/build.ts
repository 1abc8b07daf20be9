/** The response builder: one {@link Answer} for each {@link Understanding}. */
import type { Knowledge } from '../../knowledge/load.js';
import type { Understanding } from '../understanding.js';
import { compareServices } from './compare.js';
import {
  clarifyAnswer,
  greetingAnswer,
  helpAnswer,
  listAnswer,
  outOfScopeAnswer,
} from './conversational.js';
import { describeService } from './describe.js';
import { focusOf, shortName } from './facts.js';
import { recommendServices } from './recommend.js';
import type { Answer } from './types.js';

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

function answerFor(k: Knowledge, u: Understanding): Answer {
  if (u.clarify) return clarifyAnswer(k, u);
  const focus = focusOf(k, u.text);
  switch (u.intent) {
    case 'compare': {
      if (u.services.length <= MAX_COLUMNS) return compareServices(k, u.services, u.aspect, focus);
      const answer = compareServices(k, u.services.slice(0, MAX_COLUMNS), u.aspect, focus);
      const rest = u.services.slice(MAX_COLUMNS).map((id) => shortName(k, id));
      answer.notes.push(`I compare up to ${MAX_COLUMNS} services at a time; ask again for ${rest.join(' and ')}.`);
      return answer;
    }
    case 'describe':
      return describeService(k, u.services[0]!, u.aspect, focus);
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
