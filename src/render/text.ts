/** Renders an Answer for a terminal: headings, wrapped bullets, columns one after the other, numbered follow-ups. */
import type { Answer } from '../core/answer/types.js';

export interface TextOptions {
  width?: number;
  color?: boolean;
}

/** A word the next one belongs with: a number ("180 days", "(365 days)", "4 KB", "$0.10 per") or a negation ("no Expedited", "not supported"). */
const HOLDS_NEXT = /^(\(?[~≈<>$]?\d[\d,.]*[%x×]?|no|not|never)$/i;

/**
 * Words to wrap, a number or a negation kept with the word after it: a reader (or a search over the
 * screen) sees a quantity or a "no X" whole, never split across two lines.
 */
function wrapUnits(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev !== undefined && HOLDS_NEXT.test(prev.split(' ').pop()!) && prev.length + 1 + w.length <= 30) out[out.length - 1] = `${prev} ${w}`;
    else out.push(w);
  }
  return out;
}

function wrap(text: string, width: number, indent: string, hanging: string): string[] {
  const words = wrapUnits(text);
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = hanging + w;
    } else {
      line += (empty ? '' : ' ') + w;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

export function renderText(answer: Answer, options: TextOptions = {}): string {
  const width = Math.max(40, Math.min(options.width ?? 100, 120));
  const bold = (s: string) => (options.color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (options.color ? `\u001b[2m${s}\u001b[22m` : s);
  const out: string[] = [];
  out.push(bold(answer.title));
  out.push(dim('─'.repeat(Math.min(width, Math.max(answer.title.length, 8)))));
  for (const note of answer.notes) out.push(...wrap(`ℹ ${note}`, width, '', '  '));
  if (answer.summary) out.push(...wrap(answer.summary, width, '', ''));
  for (const section of answer.sections) {
    out.push('', bold(section.heading));
    if (section.text) out.push(...wrap(section.text, width, '  ', '  '));
    (section.bullets ?? []).forEach((b, i) => out.push(...wrap(`${section.ordered ? `${i + 1}.` : '•'} ${b}`, width, '  ', '    ')));
    if (section.code) out.push(...section.code.split('\n').map((l) => `    ${l}`));
    for (const col of section.columns ?? []) {
      out.push(`  ${bold(col.heading)}`);
      for (const b of col.bullets) out.push(...wrap(`• ${b}`, width, '    ', '      '));
    }
  }
  if (answer.sources.length > 0) {
    out.push('', bold('Sources'));
    for (const s of answer.sources) out.push(...wrap(`${s.title}: ${s.url}`, width + 40, '  ', '    '));
  }
  if (answer.followUps.length > 0) {
    out.push('', dim(`Next: ${answer.followUps.map((f, i) => `[${i + 1}] ${f.label}`).join('  ')}`));
  }
  return out.join('\n');
}
