/** The App Home tab: how to use awsbot and the services it covers, from the core's own help and list. */
import type { types } from '@slack/bolt';
import { helpAnswer, listAnswer } from '../../core/answer/conversational.js';
import type { Knowledge } from '../../knowledge/load.js';
import { renderViewBlocks } from '../../render/slack/blocks.js';

export function homeView(k: Knowledge): types.HomeView {
  return { type: 'home', blocks: renderViewBlocks([helpAnswer(k), listAnswer(k)]) };
}
