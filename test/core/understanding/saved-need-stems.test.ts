/**
 * The need stems saved at build time (dist/need-stems.json) change nothing but start-up time: a need
 * matcher built from them matches exactly as one built from the phrases; they are used only for the
 * knowledge snapshot they were made from.
 */
import { describe, expect, it } from 'vitest';
import { buildNeedMatcher, needStems, savedNeedStems } from '../../../src/core/understanding/needs.js';
import { tokenize } from '../../../src/core/understanding/text.js';
import { realKnowledge } from '../../helpers/knowledge.js';

describe('the saved need stems', () => {
  it('build a matcher that scores every need as one built from the phrases does', () => {
    const k = realKnowledge();
    const fresh = buildNeedMatcher(k.needs);
    const restored = buildNeedMatcher(k.needs, JSON.parse(JSON.stringify(needStems(k.needs))));
    expect([...restored.stems]).toEqual([...fresh.stems]);
    const questions = [...k.needs.flatMap((n) => n.phrases), 'where should i store nightly database backups cheaply', 'something to run cron jobs without servers', 'bye'];
    for (const q of questions) {
      const scores = (m: typeof fresh) => m.match(tokenize(q)).map((r) => `${r.need.id}:${r.score.toFixed(6)}`);
      expect(scores(restored), q).toEqual(scores(fresh));
    }
  });

  it('are not used for knowledge that did not come from the snapshot', () => {
    expect(savedNeedStems(realKnowledge())).toBeUndefined();
  });
});
