import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { bundledRegistry } from '../../src/registry/registry.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The commands and options `tripwire --help` names, and the README's CLI list: one may not know what the other lacks. */
it('--help and the README list the same commands and run options', async () => {
  const main = readFileSync(resolve(ROOT, 'src/cli/main.ts'), 'utf8');
  const help = main.slice(main.indexOf('const HELP = `'), main.indexOf('`;', main.indexOf('const HELP = `')));
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const commands = (text: string) => new Set([...text.matchAll(/^\s*tripwire ([a-z]+)/gm)].map((m) => m[1]!));
  const options = (text: string) => new Set([...text.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]!));
  expect([...commands(help)].filter((c) => !commands(readme).has(c))).toEqual([]);
  expect([...commands(readme)].filter((c) => !commands(help).has(c))).toEqual([]);
  for (const option of ['--shard', '--reporter', '--device', '--fail-under', '--max-errors']) {
    expect(options(help).has(option), `${option} in --help`).toBe(true);
    expect(options(readme).has(option), `${option} in the README`).toBe(true);
  }
  expect(help).toContain('screen <scenario> [--steps <file|json>] [--source] [--png <file>] [--device');
});

/** Commands with a word after them (`import msb`, `import asb`, `serve mcp`), and the agents: one list may not lack what the other has. */
it('--help and the README list the same subcommands, and both name every bundled agent', async () => {
  const main = readFileSync(resolve(ROOT, 'src/cli/main.ts'), 'utf8');
  const help = main.slice(main.indexOf('const HELP = `'), main.indexOf('`;', main.indexOf('const HELP = `')));
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const pairs = (text: string) => new Set([...text.matchAll(/^\s*tripwire ([a-z]+ [a-z]+)\b/gm)].map((m) => m[1]!));
  expect([...pairs(help)].filter((c) => !pairs(readme).has(c))).toEqual([]);
  expect([...pairs(readme)].filter((c) => !pairs(help).has(c))).toEqual([]);
  expect(pairs(help).has('import asb')).toBe(true);
  const agentsOf = (text: string, from: string) => text.slice(text.indexOf(from), text.indexOf('config file', text.indexOf(from)));
  const helpAgents = agentsOf(help, 'Agents: oracle');
  const readmeAgents = agentsOf(readme, 'Agents: `oracle`');
  for (const name of (await bundledRegistry().list('agent')).keys()) {
    expect(helpAgents, `--help names the ${name} agent`).toMatch(new RegExp(`\\b${name}\\b`));
    expect(readmeAgents, `the README names the ${name} agent`).toMatch(new RegExp(`\\b${name}\\b`));
  }
}, 60_000);
