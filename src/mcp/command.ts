import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
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
