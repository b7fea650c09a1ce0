import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

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
