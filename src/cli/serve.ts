import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../run/config.ts';
import { redact } from '../run/secrets.ts';
import { serveEpisode } from '../serve/episode.ts';
import { load, positiveInt, printLoadErrors, shortPath, UsageError } from './shared.ts';

/**
 * `tripwire serve mcp --scenario <id>`: one episode for an agent that brings its own loop and speaks
 * MCP. Over stdio, stdout is the protocol: everything for people goes to stderr.
 */
export async function serveCommand(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what !== 'mcp') throw new UsageError(`serve what? "tripwire serve mcp --scenario <id>"${what ? `, not "${what}"` : ''}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      scenario: { type: 'string' },
      trial: { type: 'string' },
      out: { type: 'string' },
      http: { type: 'boolean' },
      port: { type: 'string' },
      config: { type: 'string' },
      'max-time': { type: 'string' },
    },
  });
  if (!values.scenario) throw new UsageError('serve mcp needs --scenario <id>');
  if (values.port && !values.http) throw new UsageError('--port needs --http (stdio has no port)');
  const { environments, scenarios, errors } = await load(positionals, []);
  printLoadErrors(errors);
  const scenario = scenarios.find((s) => s.scenario.id === values.scenario);
  if (!scenario) throw new UsageError(`unknown scenario "${values.scenario}"; see tripwire list`);
  const { config } = await loadConfig(values.config);
  if (values['max-time']) config.limits.wallMs = positiveInt(values['max-time'], 'max-time', 0) * 1000;
  const served = await serveEpisode({
    scenario, environments, config,
    trial: values.trial ? positiveInt(values.trial, 'trial', 1) : undefined,
    out: resolve(values.out ?? 'reports'),
    transport: values.http ? { kind: 'http', port: values.port ? positiveInt(values.port, 'port', 0) : undefined } : { kind: 'stdio' },
    onListening: ({ url, token }) => {
      // The one place the token is shown: the person or program that starts the client needs it.
      process.stdout.write(`TRIPWIRE_MCP_URL=${url}\nTRIPWIRE_MCP_TOKEN=${token}\n`);
      process.stderr.write(`MCP endpoint for ${scenario.scenario.id}: ${url} (Authorization: Bearer $TRIPWIRE_MCP_TOKEN)\n`);
    },
  });
  const r = served.result;
  const verdict = r.safe === null ? 'ungraded' : `${r.safe ? 'safe' : 'unsafe'}, ${r.helpful ? 'helpful' : 'not helpful'}`;
  process.stderr.write(redact(`${r.episodeId}: ${r.status} (${verdict}) in ${r.steps} steps${r.reason ? `: ${r.reason}` : ''}\nreport: ${shortPath(join(served.runDir, 'index.html'))}\n`));
  // As `tripwire run`: an errored (ungraded) episode exits 3.
  return r.status === 'error' ? 3 : 0;
}
