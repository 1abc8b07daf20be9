/** Running the built bot as a real process (`node dist/main.js`), as `npm start` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export type LogLine = Record<string, unknown> & { msg?: string };

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  /** Every JSON log line printed so far. */
  logs: () => LogLine[];
  /** Resolves with the first log line (printed so far or later) that matches; rejects when the process exits first or after `timeoutMs`. */
  waitForLog: (match: (l: LogLine) => boolean, what?: string, timeoutMs?: number) => Promise<LogLine>;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

export interface StartOptions {
  /** The command and arguments to run instead of `node dist/main.js`. */
  command?: { file: string; args: string[] };
  cwd?: string;
  /** Start the process in its own process group (as a shell or an orchestrator does). */
  detached?: boolean;
}

export function startBotProcess(env: Record<string, string>, script = MAIN, cwd?: string, o: StartOptions = {}): BotProcess {
  let out = '';
  let pending = '';
  const lines: LogLine[] = [];
  const events = new EventEmitter();
  const file = o.command?.file ?? process.execPath;
  const args = o.command?.args ?? [script];
  const child = spawn(file, args, {
    cwd: o.cwd ?? cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: o.detached,
  });
  const take = (d: Buffer) => {
    const text = String(d);
    out += text;
    pending += text;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      try {
        const line = JSON.parse(part) as LogLine;
        lines.push(line);
        events.emit('line', line);
      } catch {
        // not a log line
      }
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const waitForLog = (match: (l: LogLine) => boolean, what = 'a log line', timeoutMs = 15_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const found = lines.find(match);
      if (found) return resolve(found);
      const onLine = (l: LogLine) => {
        if (!match(l)) return;
        cleanup();
        resolve(l);
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`the bot exited before logging ${what}:\n${out}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no log line for ${what} within ${timeoutMs} ms:\n${out}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        events.off('line', onLine);
        child.off('exit', onExit);
      };
      events.on('line', onLine);
      child.once('exit', onExit);
    });
  return { child, output: () => out, logs: () => lines, waitForLog, exited };
}

export async function waitForStatus(url: string, status: number, timeoutMs = 15_000, proc?: BotProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status === status) return;
    } catch {
      // not listening yet
    }
    if (proc && proc.child.exitCode !== null) throw new Error(`the bot exited (${proc.child.exitCode}) before ${url} answered ${status}:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms${proc ? `:\n${proc.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function stopProcess(p: BotProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | string; ms: number }> {
  const t0 = Date.now();
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  const code = await p.exited;
  return { code, ms: Date.now() - t0 };
}
