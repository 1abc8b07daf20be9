/**
 * What kind of answer a question's shape asks for: a how-to ("how do I"), a fix (a pasted error,
 * "why does", "keeps failing"), a decision ("X or Y", "which is cheaper") or a fact ("how long",
 * "max"). Cues only weigh the ranking; a question can carry several.
 */
import type { AnswerKindName } from '../../knowledge/answer-bank-schema.js';

const HOWTO = /\b(how (do|can|could|should|would) (i|we|you|one)|how to|how-to|hot to|way to|steps to|is (it|there a way) (possible )?to|can (i|we) (make|get|set|give|use|have|allow|let|run|connect|move|copy|share|restrict|limit|stop|prevent|block|send|enable|turn)|set ?up|configure|enable|turn on|walk me through|migrat(e|ing) (\w+ ){0,5}(from|to|into|onto|off)|mov(e|ing) (\w+ ){0,5}(from|off) (\w+ ){0,3}(to|into|onto))\b/i;
const TROUBLE =
  /\b(error|errors|exception|denied|deny|failed|fails|failing|failure|timed out|times out|timing out|timeout|not working|doesn'?t work|does not work|isn'?t working|won'?t|can'?t|cannot|unable|stuck|hangs?|broken|keeps|refused|unreachable|unhealthy|why (is|does|do|am|are|did|isn'?t|won'?t|can'?t|doesn'?t|would)|5\d\d|4\d\d|throttl\w*|slow|missing|empty|invalid|lost|dropped|getting|returns? (zero|0|no|nothing|empty)|no (results|rows|data|logs|metrics)|stopped working|went down|is down)\b|\b(bill|bills|costs?|spend|charges?|invoice)\b(\s+\S+){0,3}\s+(exploded|blew up|spiked|jumped|doubled|tripled|skyrocketed|went up|shot up)\b|\b\d+(\.\d+)?x (since|after|higher|more)\b|\bwent from ~?\$?\d[\d.,]*k? to\b|\b(unexpected|surprise|huge) (bill|charges?|costs?)\b|[a-z]+(Exception|Error|Fault)\b|\b[A-Z][a-z]+[A-Z]\w+(Denied|Failed|Error|Exceeded)\b/;
const DECISION = /\b(or|vs\.?|versus|difference between|which (one|is|should|to)|should (i|we) (use|go|pick|choose)|better|worse|cheaper|cheapest|faster|worth|instead of|rather than|overkill|recommend(ed)?|prefer|pick|choose|go with)\b/i;
const FACT = /\b(how (many|much|long|big|often|fast|large)|max(imum)?|min(imum)?|limit|limits|quota|default|what('?s| is| are) the|is there a|does (it|\w+) support|supports?|up to|at most|largest|smallest|biggest|highest|longest|shortest|retention|how large|how high|how far|size of)\b/i;

export type Cues = ReadonlySet<AnswerKindName>;

export function questionCues(text: string): Cues {
  const cues = new Set<AnswerKindName>();
  if (HOWTO.test(text)) cues.add('howto');
  if (TROUBLE.test(text)) cues.add('troubleshoot');
  if (DECISION.test(text)) cues.add('decision');
  if (FACT.test(text)) cues.add('fact');
  return cues;
}
