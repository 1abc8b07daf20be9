/**
 * Answers are compact (issue 12): no answer in the catalog needs more than one Slack or Discord
 * message any more. Platform tests of splitting and of a refused continuation need a long answer,
 * so this bot answers one comparison "in depth": the real overview followed by the real answer for
 * further aspects of the same services until it needs two Discord messages. All content is the
 * bot's own; only its length is chosen.
 */
import type { Bot } from '../../src/core/bot.js';
import { encodeAction } from '../../src/core/answer/actions.js';
import { ASPECTS } from '../../src/knowledge/schema.js';
import { renderAnswer } from '../../src/render/discord/embeds.js';

export function withInDepthComparison(bot: Bot, services: readonly string[]): Bot {
  const overview = encodeAction({ intent: 'compare', services: [...services], aspect: null });
  return {
    ...bot,
    ask: (text, conversation) => bot.ask(text, conversation),
    answerNow: (text, previous) => bot.answerNow(text, previous),
    async act(action, conversation) {
      const reply = await bot.act(action, conversation);
      if (action !== overview || !reply) return reply;
      // Aspects in turn until the answer needs a second Discord message (and no more than that).
      for (const aspect of ASPECTS) {
        if (renderAnswer(reply.answer).length > 1) break;
        const more = await bot.act(encodeAction({ intent: 'compare', services: [...services], aspect }));
        if (more) reply.answer.sections.push(...more.answer.sections);
      }
      return reply;
    },
  };
}
