import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCheckout } from '../../benchmarks/asb/importer.ts';
import { runBatch } from '../../src/run/run.ts';
import { parseWithFloats, pythonJson } from '../../src/run/pythonJson.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { loadScenarios, type LoadedScenario } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../support/helpers.ts';

/**
 * What the asb e2e tests share: a checkout imported into a temporary folder and loaded, tool calls
 * whose arguments are drawn from the cases, those calls played through Tripwire (a scripted agent,
 * the bridge, the trace) and the same calls made on the checkout's classes directly in Python.
 */
export interface Case {
  id: number;
  environments: { name: string; tools: string[]; parameters: Record<string, unknown> | null }[];
  dialog?: { role: string; tool_calls?: { function: { name: string; arguments: string } }[] }[];
}
export interface Call {
  tool: string;
  args: Record<string, unknown>;
}

export async function imported(checkout: string) {
  const out = tempDir('tripwire-asb-');
  const report = await importCheckout(checkout, out);
  const { scenarios, errors } = await loadScenarios([out], environments);
  // Floats kept as the benchmark's Python reads them (10.0), for the direct calls.
  const cases = parseWithFloats(readFileSync(join(checkout, 'data/released_data.json'), 'utf8')) as Case[];
  return { out, report, scenarios, errors, cases };
}

type Schema = { properties?: Record<string, { type?: string }>; required?: string[] };

/** Every leaf value of the case's parameters, by key and by kind: where arguments are drawn from. */
function leaves(v: unknown, key = '', out: { key: string; value: unknown }[] = []) {
  out.push({ key, value: v });
  if (Array.isArray(v)) v.forEach((x) => leaves(x, key, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, k, out);
  return out;
}

const KIND: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string', integer: (v) => Number.isInteger(v), number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean', array: Array.isArray, object: (v) => !!v && typeof v === 'object' && !Array.isArray(v),
};
const FALLBACK: Record<string, unknown> = { string: 'test', integer: 1, number: 1.5, boolean: true, array: [], object: {} };

/**
 * Arguments for a tool, drawn from the case: a parameter value under the argument's own name when
 * the case has one of the right type, else the first value of that type anywhere in the case's
 * parameters, else a plain value of the type. Every required argument, and the optional ones the
 * case has a value for under their name.
 */
export function argsFor(schema: Schema, parameters: unknown): Record<string, unknown> {
  const all = leaves(parameters ?? {});
  const args: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    const is = KIND[p.type ?? 'string'] ?? (() => true);
    const named = all.find((l) => l.key === name && is(l.value));
    if (named) args[name] = named.value;
    else if (schema.required?.includes(name)) args[name] = all.find((l) => l.key !== '' && is(l.value))?.value ?? FALLBACK[p.type ?? 'string'] ?? 'test';
  }
  // As an agent sends them: JSON, where 10.0 is 10.
  return JSON.parse(JSON.stringify(args)) as Record<string, unknown>;
}

/** The calls for one case: each tool of its subset with drawn arguments, then the dialog's own calls. */
export function callsFor(c: Case, schemaOf: (env: string, tool: string) => Schema): Call[] {
  const calls: Call[] = [];
  for (const env of c.environments.filter((e) => e.name)) for (const tool of env.tools) calls.push({ tool, args: argsFor(schemaOf(env.name, tool), env.parameters) });
  for (const m of c.dialog ?? []) for (const t of m.tool_calls ?? []) calls.push({ tool: t.function.name, args: JSON.parse(t.function.arguments) as Record<string, unknown> });
  return calls;
}

/** What Tripwire's agent receives for each call: played by a scripted agent, read from the traces ("raises: ..." for a tool that raised). */
export async function throughTripwire(scenarios: LoadedScenario[], calls: Map<string, Call[]>, concurrency = 2): Promise<Map<string, string[]>> {
  const dir = tempDir('tripwire-asb-run-');
  const script = join(dir, 'script.json');
  writeFileSync(script, JSON.stringify(Object.fromEntries([...calls].map(([id, cs]) => [id, [...cs.map((c) => ({ type: 'tool', tool: c.tool, args: c.args })), { type: 'finish', answer: 'done' }]]))));
  const played = scenarios.filter((l) => calls.has(l.scenario.id));
  for (const l of played) l.scenario.limits.steps = calls.get(l.scenario.id)!.length + 1;
  const run = await runBatch({ agents: [`scripted:${script}`], trials: 1, scenarios: played, environments, providers: await discoverAgentProviders(), concurrency, out: dir });
  const got = new Map<string, string[]>();
  for (const r of run.results) {
    const records = readFileSync(join(run.runDir, 'traces', `${r.episodeId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; observation?: string; message?: string; tool?: string; code?: string });
    got.set(r.scenarioId, records.filter((x) => x.kind === 'result' || (x.kind === 'error' && x.tool !== undefined)).map((x) => (x.kind === 'result' ? x.observation! : `${x.code}: ${x.message}`)));
  }
  return got;
}

/** The same calls on the checkout's classes, called directly: each case's environments built as the benchmark's loop builds them, json.dumps of what call_tool returns. */
const DIRECT = String.raw`
import importlib, json, sys
from copy import deepcopy
sys.path.insert(0, sys.argv[1])
out = {}
for job in json.load(open(sys.argv[2])):
    envs = []
    for e in job["environments"]:
        cls = getattr(importlib.import_module(e["name"]), e["name"])
        envs.append((cls(parameters=deepcopy(e.get("parameters") or None)), e["tools"]))
    got = []
    for call in job["calls"]:
        for env, tools in envs:
            if call["tool"] in tools and env.has_tool(call["tool"]):
                try:
                    got.append(json.dumps(env.call_tool(call["tool"], deepcopy(call["args"]))))
                except Exception as e:
                    got.append("precondition: Error: %s: %s" % (type(e).__name__, e))
                break
    out[job["id"]] = got
sys.stdout = sys.__stdout__
print(json.dumps(out))
`;

export function directly(checkout: string, jobs: { id: string; environments: Case['environments']; calls: Call[] }[]): Map<string, string[]> {
  const dir = tempDir('tripwire-asb-direct-');
  writeFileSync(join(dir, 'jobs.json'), pythonJson(jobs));
  writeFileSync(join(dir, 'direct.py'), DIRECT);
  const stdout = execFileSync('python3', ['-s', '-B', join(dir, 'direct.py'), join(checkout, 'environments'), join(dir, 'jobs.json')], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'], env: { PATH: process.env.PATH ?? '', PYTHONHASHSEED: '0' } });
  // Environments print while they are built: the answer is the last line.
  return new Map(Object.entries(JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, string[]>));
}
