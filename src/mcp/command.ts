import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TripwireError } from '../engine/errors.ts';

/** Where Tripwire itself is installed: its node_modules/.bin has the bundled servers. */
const HERE = dirname(fileURLToPath(import.meta.url));

/** The folders a program name is looked up in: node_modules/.bin above `from` and above Tripwire, then PATH. */
function binFolders(from: string | undefined): string[] {
  const up = (start: string) => {
    const out: string[] = [];
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      out.push(join(dir, 'node_modules', '.bin'));
      if (dirname(dir) === dir) return out;
    }
  };
  return [...(from ? up(from) : []), ...up(HERE), ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
}

/** Programs found by `resolveCommand`, by name, folder and PATH (a program not found is looked up again). */
const found = new Map<string, string>();

/**
 * A server's program as a path: a bare name is found as npm scripts would find it (node_modules/.bin
 * beside the scenario, then Tripwire's own, then PATH); a relative path is relative to the scenario.
 */
export function resolveCommand(command: string, base: string | undefined): string {
  if (isAbsolute(command)) return command;
  if (command.includes('/')) return resolve(base ?? process.cwd(), command);
  if (command === 'node') return process.execPath;
  // Looked up once per name, folder and PATH: a pooled server's key and its start ask again for
  // every episode, and each lookup is a file check per folder up to the root and along PATH.
  const key = `${command}\0${base ?? ''}\0${process.env.PATH ?? ''}`;
  const known = found.get(key);
  if (known !== undefined && existsSync(known)) return known;
  for (const dir of binFolders(base)) {
    const candidate = join(dir, command);
    if (existsSync(candidate)) {
      found.set(key, candidate);
      return candidate;
    }
  }
  throw new TripwireError('scenario-load', `MCP server command "${command}" is not in node_modules/.bin (beside the scenario or Tripwire) nor on PATH: install it, or give its path`);
}

/** Python by a bare name: `python`, `python3`, `python3.12`. */
const PYTHON = /^python(\d+(\.\d+)*)?$/;
/** The interpreter each Python found on PATH runs, by its path and the server's variables. */
const interpreters = new Map<string, Promise<string>>();

/**
 * A server's program as `resolveCommand` finds it, except that Python named by a bare name is the
 * interpreter it runs. On PATH it is often a version manager's shim (pyenv, asdf: a shell script that
 * works out which Python to run, a dozen shell processes, ~100 ms of CPU and seconds on a loaded
 * machine), paid at every server start: 32 bridges at a run's start, or one per episode without a
 * pool. It is asked once (sys.executable, run as a server is: a clean environment with the server's
 * variables, in a folder of no project), and the server starts that interpreter. When the answer is
 * not a program, the name's path is used as before.
 */
export function resolveProgram(command: string, base: string | undefined, own: Record<string, string> = {}): Promise<string> {
  const path = resolveCommand(command, base);
  if (!PYTHON.test(command)) return Promise.resolve(path);
  const key = `${path}\0${JSON.stringify(own)}`;
  let known = interpreters.get(key);
  if (!known) {
    known = new Promise((resolveProgram) => {
      execFile(path, ['-c', 'import sys; sys.stdout.write(sys.executable)'], { env: cleanEnvironment(tmpdir(), own), cwd: tmpdir(), timeout: 60_000, encoding: 'utf8' }, (error, out) => {
        resolveProgram(!error && isAbsolute(out) && existsSync(out) ? out : path);
      });
    });
    interpreters.set(key, known);
  }
  return known;
}

/**
 * The server's whole environment: nothing of the host's (no API keys, no real HOME), a PATH that
 * finds this Node first (a bin script's `#!/usr/bin/env node`), and the scenario's own variables.
 */
export function cleanEnvironment(home: string, own: Record<string, string>): Record<string, string> {
  return {
    PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter),
    HOME: home,
    TMPDIR: join(home, 'tmp'),
    LANG: 'C.UTF-8',
    // The SDK's stdio transport adds these from the host unless they are set: set, they say nothing of it.
    USER: 'user',
    LOGNAME: 'user',
    SHELL: '/bin/sh',
    TERM: 'dumb',
    ...own,
  };
}

/** A TCP port free now on the loopback interface, for a server started with `{port}`. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
