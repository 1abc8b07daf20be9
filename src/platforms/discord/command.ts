/**
 * The `/aws-compare` slash command: two required services and an optional third, each with
 * autocomplete from the catalog, and an optional aspect from a fixed list. register.ts sends this
 * definition to Discord; the compare handler reads the options by these names.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandStringOption,
} from 'discord.js';
import { aspectLabel } from '../../core/answer/facts.js';
import type { Knowledge } from '../../knowledge/load.js';
import { ASPECTS } from '../../knowledge/schema.js';

export const COMPARE_COMMAND = 'aws-compare';
/** The options that name a service, in order. */
export const SERVICE_OPTIONS = ['first', 'second', 'third'] as const;
export type ServiceOption = (typeof SERVICE_OPTIONS)[number];
export const ASPECT_OPTION = 'aspect';
/** Longest service name accepted in an option. */
export const MAX_SERVICE_TEXT = 100;

export function compareCommand(k: Knowledge): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const service = (name: ServiceOption, description: string, required: boolean) => (o: SlashCommandStringOption) =>
    o.setName(name).setDescription(description).setRequired(required).setAutocomplete(true).setMaxLength(MAX_SERVICE_TEXT);
  return new SlashCommandBuilder()
    .setName(COMPARE_COMMAND)
    .setDescription('Compare two or three AWS services, on everything or on one aspect')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption(service('first', 'An AWS service, e.g. S3', true))
    .addStringOption(service('second', 'The service to compare it with, e.g. EC2', true))
    .addStringOption(service('third', 'A third service to compare (optional)', false))
    .addStringOption((o) =>
      o
        .setName(ASPECT_OPTION)
        .setDescription('Compare only on this (optional)')
        .setRequired(false)
        .addChoices(...ASPECTS.map((a) => ({ name: aspectLabel(k, a), value: a }))),
    )
    .toJSON();
}
