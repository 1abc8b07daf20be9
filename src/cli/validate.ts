/** `awsbot validate [dir]`: check every knowledge file; report each problem with file, field and reason. */
import { checkKnowledge, DEFAULT_INTENTS_DIR, formatProblem, freshnessWarnings, loadKnowledge } from '../knowledge/load.js';
import { ageInDays, PRICE_STALE_DAYS } from '../knowledge/prices.js';

export function runValidate(args: string[], out: NodeJS.WritableStream = process.stdout): number {
  const dir = args[0] ?? DEFAULT_INTENTS_DIR;
  const problems = checkKnowledge(dir);
  if (problems.length === 0) {
    const k = loadKnowledge(dir);
    out.write(`✓ knowledge base in ${dir} is valid: ${k.catalog.length} services, ${k.profiles.size} full profiles, ${k.pairs.size} pair notes, ${k.bank.length} answer-bank entries\n`);
    const table = k.prices.table;
    if (table) {
      out.write(`✓ price table: ${table.prices.length} prices for ${Object.keys(table.pages).length} services, Regions ${[...new Set(table.prices.map((p) => p.region))].join(', ')}, generated ${table.generated}\n`);
      const old = table.prices.filter((p) => ageInDays(p) > PRICE_STALE_DAYS);
      if (old.length > 0) out.write(`⚠ ${old.length} price(s) read more than ${PRICE_STALE_DAYS} days ago (answers flag them): run npm run prices:update\n`);
    }
    const stale = freshnessWarnings(k);
    if (stale.length > 0) out.write(`⚠ ${stale.length} item(s) to re-check:\n${stale.map(formatProblem).join('\n')}\n`);
    return 0;
  }
  out.write(`✗ ${problems.length} problem(s) in ${dir}:\n${problems.map(formatProblem).join('\n')}\n`);
  return 1;
}
