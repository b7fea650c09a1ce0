import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { offeredTools, type Environment } from '../engine/environment.ts';
import type { Predicate } from '../grading/predicate.ts';
import { Scenario } from './scenario.ts';
import { builtTwin, importModule } from './modules.ts';
import { fieldIssues, type FieldIssue } from '../engine/validation.ts';
import { TripwireError } from '../engine/errors.ts';
import { MAX_SCENARIO_DEPTH, shortField, sizeProblem, tooDeep } from './limits.ts';
import { setServerBase } from './servers.ts';

export interface LoadError {
  file: string;
  field: string;
  message: string;
}

/**
 * Thrown where a caller cannot go on without the scenario (`loadScenarios` itself returns its errors
 * as data, so one broken file never stops the others): code `scenario-load`, each file and field named.
 */
export class ScenarioLoadError extends TripwireError {
  readonly errors: LoadError[];
  constructor(errors: LoadError[]) {
    super('scenario-load', errors.map((e) => `${e.file}: ${e.field}: ${e.message}`).join('\n'));
    this.name = 'ScenarioLoadError';
    this.errors = errors;
  }
}

export interface LoadedScenario {
  scenario: Scenario;
  file: string;
}

const SCENARIO_FILE = /\.(json|ya?ml|ts)$/;

async function scenarioFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const files: string[] = [];
  for (const e of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
    const child = join(path, e.name);
    if (e.isDirectory()) files.push(...(await scenarioFiles(child)));
    else if (SCENARIO_FILE.test(e.name) && !e.name.endsWith('.d.ts')) files.push(child);
  }
  return files;
}

/** The raw scenario objects in one file: JSON/YAML hold one; a TS module's default export may be a list. */
async function readScenarioData(file: string): Promise<unknown[]> {
  const ext = extname(file);
  if (ext === '.ts') {
    const mod = (await importModule(file)) as { default?: unknown };
    return Array.isArray(mod.default) ? mod.default : [mod.default];
  }
  // A bundled YAML scenario is parsed at build time: JSON reads ~20x faster (it is most of `tripwire list`).
  const parsed = ext === '.json' ? undefined : builtTwin(file, (rel) => `${rel}.json`);
  if (parsed) return [JSON.parse(readFileSync(parsed, 'utf8'))]; // sync: a few hundred small reads, ~4x faster
  const text = await readFile(file, 'utf8');
  // The YAML library (~70 modules) only when a file needs it: with a current build, list needs none.
  return [ext === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text)];
}

function predicateRefs(p: Predicate, field: string, out: { field: string; tools?: string[]; env?: string }[]): void {
  const asList = (t: string | string[]) => (Array.isArray(t) ? t : [t]);
  switch (p.type) {
    case 'called': out.push({ field: `${field}.tool`, tools: asList(p.tool) }); break;
    case 'state': out.push({ field: `${field}.env`, env: p.env }); break;
    case 'before':
      out.push({ field: `${field}.first.tool`, tools: asList(p.first.tool) }, { field: `${field}.then.tool`, tools: asList(p.then.tool) });
      break;
    case 'not': predicateRefs(p.check, `${field}.check`, out); break;
    case 'all': case 'any': p.of.forEach((q, i) => predicateRefs(q, `${field}.of[${i}]`, out)); break;
    case 'inState': case 'tagged': out.push({ field: `${field}.env`, env: p.env }); break;
    case 'status': case 'leaks': case 'exposes': break;
  }
}

/**
 * Checks what the schema alone cannot: the environments exist and accept their seeds, and every
 * tool and environment that predicates and trajectories name exists. Replaces seeds by parsed ones.
 */
function resolveScenario(s: Scenario, environments: Map<string, Environment>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const tools = new Set<string>();
  for (const [id, seed] of Object.entries(s.environments)) {
    const env = environments.get(id);
    if (!env) {
      issues.push({ field: `environments.${id}`, message: `unknown environment; known: ${[...environments.keys()].join(', ')}` });
      continue;
    }
    const parsed = env.seed.safeParse(seed);
    if (parsed.success) s.environments[id] = parsed.data;
    else issues.push(...fieldIssues(parsed.error, `environments.${id}`));
    // The optional tools its seed offers count too: a trajectory may call them, a predicate name them.
    offeredTools(env, parsed.success ? parsed.data : undefined).forEach((t) => tools.add(t.name));
  }
  if (issues.length) return issues;
  // A server's tools are known once it runs: the ones a scenario lists are checked here, and a server
  // that lists none may offer any (a name it does not have fails the episode that calls it).
  const servers = Object.values(s.servers ?? {});
  for (const server of servers) Object.keys(server.tools ?? {}).forEach((t) => tools.add(t));
  const anyTool = servers.some((server) => server.tools === undefined);

  const refs: { field: string; tools?: string[]; env?: string }[] = [];
  s.safety.forEach((c, i) => predicateRefs(c.check, `safety[${i}].check`, refs));
  s.helpfulness.forEach((c, i) => predicateRefs(c.check, `helpfulness[${i}].check`, refs));
  s.end?.forEach((c, i) => predicateRefs(c.check, `end[${i}].check`, refs));
  for (const [kind, actions] of Object.entries(s.reference)) {
    actions?.forEach((a, i) => a.type === 'tool' && refs.push({ field: `reference.${kind}[${i}].tool`, tools: [a.tool] }));
  }
  s.events.forEach((e, i) => refs.push({ field: `events[${i}].env`, env: e.env }));
  // The conversation the agent continues calls this scenario's tools.
  s.history?.forEach((m, i) => m.role === 'assistant' && m.calls?.forEach((c, j) => refs.push({ field: `history[${i}].calls[${j}].tool`, tools: [c.tool] })));
  // `ask_user` is how predicates see the agent's questions, `finish` its final answer; `scenario` is the scenario's own machine.
  tools.add('ask_user');
  tools.add('finish');
  const directed = s.director !== undefined || s.user !== undefined || s.events.length > 0;
  for (const ref of refs) {
    const unknown = anyTool ? undefined : ref.tools?.find((t) => !tools.has(t));
    if (unknown) issues.push({ field: ref.field, message: `no environment of this scenario has a tool "${unknown}"` });
    if (ref.env && !(ref.env in s.environments) && !(ref.env in (s.servers ?? {})) && !(ref.env === 'scenario' && directed)) issues.push({ field: ref.field, message: `"${ref.env}" is not an environment of this scenario` });
  }
  // A misspelt event type would otherwise surface only mid-run, as the environment refusing it.
  s.events.forEach((e, i) => {
    const accepted: readonly string[] | undefined = environments.get(e.env)?.machine.root.events;
    if (accepted && !accepted.includes(e.event.type)) issues.push({ field: `events[${i}].event.type`, message: `${e.env} takes no event "${e.event.type}"; it takes: ${accepted.join(', ')}` });
  });
  return issues;
}

/** Validates one scenario object against the schema and the environments it names. */
export function parseScenario(raw: unknown, environments: Map<string, Environment>): { scenario?: Scenario; issues: FieldIssue[] } {
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) return { issues: fieldIssues(parsed.error) };
  const issues = resolveScenario(parsed.data, environments);
  return issues.length ? { issues } : { scenario: parsed.data, issues: [] };
}

/**
 * Loads every scenario file under the given paths. A broken file never stops the others: it is
 * returned as errors naming the file and the field.
 */
export async function loadScenarios(paths: string[], environments: Map<string, Environment>): Promise<{ scenarios: LoadedScenario[]; errors: LoadError[] }> {
  const scenarios: LoadedScenario[] = [];
  const errors: LoadError[] = [];
  const seen = new Map<string, string>();
  for (const root of paths) {
    let files: string[];
    try {
      files = await scenarioFiles(resolve(root));
    } catch (e) {
      errors.push({ file: root, field: '(file)', message: (e as Error).message });
      continue;
    }
    for (const abs of files) {
      const file = relative(process.cwd(), abs) || abs;
      let data: unknown[];
      try {
        const large = extname(abs) === '.ts' ? undefined : await sizeProblem(abs);
        if (large) {
          errors.push({ file, field: '(file)', message: large });
          continue;
        }
        data = await readScenarioData(abs);
      } catch (e) {
        errors.push({ file, field: '(file)', message: `cannot be read: ${(e as Error).message}` });
        continue;
      }
      data.forEach((raw, index) => {
        const prefix = data.length > 1 ? `[${index}]` : '';
        const deep = tooDeep(raw);
        if (deep !== undefined) {
          errors.push({ file, field: shortField(`${prefix}${prefix && deep ? '.' : ''}${deep}`) || '(root)', message: `nests deeper than ${MAX_SCENARIO_DEPTH} levels` });
          return;
        }
        let parsed: ReturnType<typeof parseScenario>;
        try {
          parsed = parseScenario(raw, environments);
        } catch (e) {
          // Whatever a file holds, it is that file's error (a stack overflow in a reader, a getter that throws).
          errors.push({ file, field: prefix || '(root)', message: `cannot be checked: ${(e as Error).message}` });
          return;
        }
        const { scenario, issues } = parsed;
        if (scenario && seen.has(scenario.id)) issues.push({ field: 'id', message: `"${scenario.id}" is already used by ${seen.get(scenario.id)}` });
        if (!scenario || issues.length) {
          errors.push(...issues.map((i) => ({ file, field: i.field === '(root)' ? prefix || i.field : prefix ? `${prefix}.${i.field}` : i.field, message: i.message })));
          return;
        }
        seen.set(scenario.id, file);
        // A server's workspace is a folder beside the scenario file.
        for (const server of Object.values(scenario.servers ?? {})) setServerBase(server, dirname(abs));
        scenarios.push({ scenario, file });
      });
    }
  }
  errors.push(...(await twinErrors(scenarios, seen)));
  return { scenarios, errors };
}

/**
 * A named twin must exist: among the scenarios loaded, or (when only some files were loaded) beside
 * the scenario, as a file named after it or a file whose `id` it is (phone scenarios are named
 * without their app prefix). Its scenario stays loaded: a wrong twin is a label error.
 */
async function twinErrors(scenarios: LoadedScenario[], seen: Map<string, string>): Promise<LoadError[]> {
  const errors: LoadError[] = [];
  const besides = new Map<string, Promise<Set<string>>>();
  for (const { scenario, file } of scenarios) {
    const twin = scenario.twin;
    if (twin === undefined) continue;
    if (twin === scenario.id) errors.push({ file, field: 'twin', message: 'a scenario cannot be its own twin' });
    else if (seen.has(twin)) continue;
    else if (['.yaml', '.yml', '.json', '.ts'].some((ext) => existsSync(join(dirname(file), twin + ext)))) continue;
    else {
      const dir = dirname(file);
      if (!besides.has(dir)) besides.set(dir, idsIn(dir));
      if (!(await besides.get(dir)!).has(twin)) errors.push({ file, field: 'twin', message: `no scenario "${twin}" was loaded or is beside this file` });
    }
  }
  return errors;
}

/** The ids of the scenario files in a folder (unreadable files have none: they are not this scenario's concern). */
async function idsIn(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of (await readdir(dir)).filter((n) => SCENARIO_FILE.test(n))) {
    const data = await readScenarioData(join(dir, name)).catch(() => []);
    for (const d of data) if (d && typeof d === 'object' && typeof (d as { id?: unknown }).id === 'string') ids.add((d as { id: string }).id);
  }
  return ids;
}
