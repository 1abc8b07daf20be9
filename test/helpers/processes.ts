/** Running the built bot as a real process (`node dist/main.js`), as `npm start` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

export function startBotProcess(env: Record<string, string>, script = MAIN, cwd?: string): BotProcess {
  let out = '';
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, output: () => out, exited };
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
  if (p.child.exitCode === null) p.child.kill(signal);
  const code = await p.exited;
  return { code, ms: Date.now() - t0 };
}
