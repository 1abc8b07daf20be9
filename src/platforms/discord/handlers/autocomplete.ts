/** Autocomplete for the service options of `/aws-compare`: typo-tolerant, without services already chosen. */
import type { AutocompleteInteraction } from 'discord.js';
import { SERVICE_OPTIONS, type ServiceOption } from '../command.js';
import { loggableError } from '../loggable-error.js';
import { resolveService, suggestServices } from '../service-lookup.js';
import type { HandlerContext } from './context.js';

export async function handleAutocomplete(interaction: AutocompleteInteraction, ctx: HandlerContext): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    if (!(SERVICE_OPTIONS as readonly string[]).includes(focused.name)) {
      await interaction.respond([]);
      return;
    }
    const chosen = SERVICE_OPTIONS.filter((name: ServiceOption) => name !== focused.name)
      .map((name) => interaction.options.getString(name))
      .flatMap((typed) => (typed ? [resolveService(ctx.bot, typed)] : []))
      .filter((id): id is string => Boolean(id));
    const suggestions = suggestServices(ctx.bot, String(focused.value), chosen);
    await interaction.respond(suggestions.map((s) => ({ name: s.label, value: s.id })));
  } catch (err) {
    // Autocomplete has nowhere to show an apology: the list stays empty.
    ctx.logger.error({ err: loggableError(err), interaction: interaction.id }, 'autocomplete failed');
  }
}
