/**
 * `npm run discord:register`: registers `/aws-compare` with Discord (in one server when
 * DISCORD_GUILD_ID is set, where it appears at once; globally otherwise) and prints the URL that
 * invites the bot with the scopes and permissions it needs. Configuration is validated with the
 * project's one environment schema; every problem is explained in plain words.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { DiscordAPIError, OAuth2Scopes, PermissionFlagsBits, PermissionsBitField, REST, Routes } from 'discord.js';
import { ConfigError, loadConfig } from '../../config.js';
import { loadKnowledge, type Knowledge } from '../../knowledge/load.js';
import { COMPARE_COMMAND, compareCommand } from './command.js';

/** What the bot needs in a channel: see it, answer (also in threads) with embeds, follow reply chains. */
export const BOT_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
] as const;

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export function inviteUrl(applicationId: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', INVITE_SCOPES.join(' '));
  url.searchParams.set('permissions', new PermissionsBitField([...BOT_PERMISSIONS]).bitfield.toString());
  return url.toString();
}

export interface RegisterIO {
  out(line: string): void;
  err(line: string): void;
}

const consoleIO: RegisterIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const NO_TOKEN = [
  'DISCORD_TOKEN is not set, so there is nothing to register.',
  '  1. Open https://discord.com/developers/applications and create (or pick) an application.',
  '  2. Under "Bot", press "Reset Token" and copy the token.',
  '  3. Put DISCORD_TOKEN=<the token> in the environment or in a .env file, then run this again.',
].join('\n');

/** Registers the command; returns the process exit code (0 when registered). */
export async function runRegister(env: NodeJS.ProcessEnv = process.env, io: RegisterIO = consoleIO, knowledge?: Knowledge): Promise<number> {
  let discord;
  try {
    discord = loadConfig(env).discord;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`${err.message}\nFix ${err.problems.length > 1 ? 'these variables' : 'this variable'} (in the environment or .env) and run this again.`);
    return 1;
  }
  if (!discord) {
    io.err(NO_TOKEN);
    return 1;
  }
  const rest = new REST({ api: discord.apiUrl, retries: 1 }).setToken(discord.token);
  let applicationId = discord.applicationId;
  try {
    applicationId ??= ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const body = [compareCommand(knowledge ?? loadKnowledge())];
    const route = discord.guildId ? Routes.applicationGuildCommands(applicationId, discord.guildId) : Routes.applicationCommands(applicationId);
    await rest.put(route, { body });
    io.out(
      discord.guildId
        ? `Registered /${COMPARE_COMMAND} in the server ${discord.guildId}: it is available there now.`
        : `Registered /${COMPARE_COMMAND} globally: it is available in every server the bot is in and in DMs with it.`,
    );
    io.out('Invite the bot to a server with this URL (scopes bot and applications.commands; permissions View Channels,');
    io.out('Send Messages, Send Messages in Threads, Embed Links, Read Message History):');
    io.out(inviteUrl(applicationId));
    return 0;
  } catch (err) {
    io.err(explain(err, discord.apiUrl, discord.guildId, applicationId));
    return 1;
  }
}

/** A REST failure in the words an admin can act on. */
function explain(err: unknown, apiUrl: string, guildId: string | undefined, applicationId: string | undefined): string {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) return 'Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the token again from the Developer Portal (Bot → Reset Token).';
    if (err.code === 50001 || err.status === 403) {
      const invite = applicationId ? `\nInvite it first with:\n${inviteUrl(applicationId)}` : '';
      return `Discord refused access (${err.status}): the bot is probably not in the server ${guildId ?? ''} yet, or DISCORD_APPLICATION_ID belongs to another application.${invite}`;
    }
    if (err.code === 10004) return `Discord does not know the server DISCORD_GUILD_ID=${guildId} (Unknown Guild). Copy the server id again (Developer Mode → right-click the server → Copy Server ID).`;
    if (err.code === 10002 || err.status === 404) return `Discord does not know the application ${applicationId ?? ''} (${err.message}). Check DISCORD_APPLICATION_ID, or remove it to use the token's own application.`;
    return `Discord refused the registration (${err.status}, code ${err.code}): ${err.message}`;
  }
  const reason = err instanceof Error ? err.message : String(err);
  return `Could not reach Discord at ${apiUrl} (${reason}). Check the network and DISCORD_API_URL.`;
}

function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  loadDotenv({ quiet: true });
  runRegister().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`discord:register failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
