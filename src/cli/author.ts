import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { discoverEnvironments } from '../scenario/discover.ts';
import { scenarioTemplate } from './scaffold.ts';
import { scenarioJsonSchema } from '../scenario/scenarioSchema.ts';
import { shortPath, UsageError } from './shared.ts';

/** Commands for scenario authors: a template to start from, and the schema editors check against. */
export async function newCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { env: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const [kind, id] = positionals;
  if (values.help) {
    console.log('tripwire new scenario <id> --env <env,...> [--out <file>]: writes a commented scenario template');
    return 0;
  }
  if (kind !== 'scenario' || !id || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError('tripwire new scenario <id> --env <env,...>: the id in lower-case letters, digits and dashes');
  const environments = await discoverEnvironments();
  const wanted = (values.env ?? 'email').split(',').map((e) => e.trim()).filter(Boolean);
  const unknown = wanted.filter((e) => !environments.has(e));
  if (unknown.length) throw new UsageError(`unknown environment ${unknown.join(', ')}; known: ${[...environments.keys()].join(', ')}`);
  const file = resolve(values.out ?? join('scenarios', wanted[0]!, `${id}.yaml`));
  if (existsSync(file)) throw new UsageError(`${file} exists; choose another id or --out`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, scenarioTemplate(id, wanted.map((e) => environments.get(e)!), file));
  console.log(`wrote ${shortPath(file)}: fill in the TODOs, then tripwire check ${shortPath(file)}`);
  return 0;
}

export async function schemaCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  const text = `${JSON.stringify(scenarioJsonSchema(await discoverEnvironments()), null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
}
