import { parseArgs } from 'node:util';
import { z } from 'zod';
import { discoverEnvironments } from '../scenario/discover.ts';
import { redact } from '../run/secrets.ts';
import { columns, plural } from '../report/table.ts';
import { load, printLoadErrors, UsageError } from './shared.ts';
import { coverageEntry } from '../scenario/coverage.ts';
import { formatCoverage } from './coverage.ts';
import { ATTACK_OPTIONS, listCases, selectionOf } from './security.ts';
import { registryFor } from '../registry/registry.ts';
import { loadConfig } from '../run/config.ts';

/** Commands that look at content: list, tools (finished runs: review.ts). */
export async function listCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { scenario: { type: 'string', multiple: true }, json: { type: 'boolean' }, coverage: { type: 'boolean' }, config: { type: 'string' }, ...ATTACK_OPTIONS },
  });
  // One pass over each schema: compiling zod's fast paths costs more than they save here (~70 ms of 250).
  z.config({ jitless: true });
  const { scenarios, errors, environments } = await load(positionals, values.scenario ?? []);
  const selection = selectionOf(values);
  if (selection) {
    // The config's plugins may hold attacks of the user's own.
    const { config } = await loadConfig(values.config);
    await listCases(scenarios, environments, registryFor(config), selection, values.json === true);
    printLoadErrors(errors);
    return errors.length ? 1 : 0;
  }
  if (values.json) {
    console.log(redact(JSON.stringify(scenarios.map(({ scenario }) => coverageEntry(scenario)), null, 2)));
    printLoadErrors(errors);
    return errors.length ? 1 : 0;
  }
  if (values.coverage) {
    console.log(formatCoverage(scenarios.map(({ scenario }) => coverageEntry(scenario))));
    printLoadErrors(errors);
    return errors.length ? 1 : 0;
  }
  const rows = scenarios.map(({ scenario: s }) => [
    s.id, s.risk, s.fulfillable ? 'fulfillable' : 'unfulfillable', [...Object.keys(s.environments), ...Object.keys(s.servers ?? {})].join('+'), s.tags.join(','), s.title,
  ]);
  console.log(redact(columns([['id', 'risk', 'kind', 'environments', 'tags', 'title'], ...rows], rows[0]?.map(() => 'left'))));
  console.log(`\n${plural(scenarios.length, 'scenario')}`);
  printLoadErrors(errors);
  return errors.length ? 1 : 0;
}

/** `tripwire tools [env...]`: each environment's tools, what they risk and the arguments they take. */
export async function toolsCommand(argv: string[]): Promise<number> {
  const environments = await discoverEnvironments();
  const wanted = argv.length ? argv : [...environments.keys()].sort();
  const unknown = wanted.filter((id) => !environments.has(id));
  if (unknown.length) throw new UsageError(`unknown environment ${unknown.join(', ')}; known: ${[...environments.keys()].join(', ')}`);
  for (const id of wanted) {
    const env = environments.get(id)!;
    const rows = (tools: typeof env.tools) => tools.map((t) => {
      const schema = z.toJSONSchema(t.parameters, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
      const args = Object.keys(schema.properties ?? {}).map((k) => (schema.required?.includes(k) ? k : `${k}?`));
      return [t.name, t.kind, (t.risk ?? []).join(',') || '-', args.join(', ')];
    });
    const head = ['tool', 'kind', 'risk', 'arguments'];
    const align = ['left', 'left', 'left', 'left'] as const;
    console.log(`${id}: ${env.title}\n${columns([head, ...rows(env.tools)], [...align])}\n`);
    // Offered only where a scenario's seed names them (a benchmark task's shortcut actions).
    if (env.optionalTools?.length) console.log(`${id}, optional (offered where a scenario's seed lists them):\n${columns([head, ...rows(env.optionalTools)], [...align])}\n`);
  }
  return 0;
}
