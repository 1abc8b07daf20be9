/**
 * The platform-neutral answer: built once by the core, rendered by the terminal, Slack (Block Kit)
 * and Discord (embeds) renderers. Text is plain; renderers add their own markup and escaping.
 */
import type { Intent } from '../../knowledge/schema.js';

export type AnswerKind = Intent | 'clarify';

export interface Column {
  /** Usually a service's short name. */
  heading: string;
  bullets: string[];
}

export interface Section {
  heading: string;
  text?: string;
  bullets?: string[];
  /** Side-by-side content, one column per service. */
  columns?: Column[];
  /** Bullets are steps in order: numbered, not bulleted. */
  ordered?: boolean;
  /** A command or snippet, shown as code. */
  code?: string;
  /** Rows of the price table: data that look alike by construction, not prose facts. */
  prices?: boolean;
}

export interface Link {
  title: string;
  url: string;
}

export interface FollowUp {
  /** Button label, short ("Pricing", "Compare with Lambda"). */
  label: string;
  /** What clicking it asks, encoded by {@link encodeAction}; small enough for a button id. */
  action: string;
}

export interface Answer {
  kind: AnswerKind;
  title: string;
  /** One or two lines under the title. */
  summary?: string;
  sections: Section[];
  /** Notes such as '"EC3" was read as Amazon EC2' or what the knowledge base does not cover yet. */
  notes: string[];
  sources: Link[];
  followUps: FollowUp[];
  /** The answer-bank entry or profile fact (service/aspect/index) this answer leads with. */
  entry?: string;
  /** The price-table row a price answer leads with ("and in eu-west-1?" asks for it again). */
  priced?: string;
}
