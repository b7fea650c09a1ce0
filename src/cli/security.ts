import { parseArgs } from 'node:util';
import type { Environment } from '../engine/environment.ts';
import type { Registry } from '../registry/registry.ts';
import { registryFor } from '../registry/registry.ts';
import { loadConfig } from '../run/config.ts';
import { redact } from '../run/secrets.ts';
import { columns, plural } from '../report/table.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { baseOf, type SecurityCase } from '../security/crossing.ts';
import { adaptiveHook } from '../security/adapt.ts';
import type { RunOptions } from '../run/run.ts';
import type { Goal } from '../security/goal.ts';
import { securityCases, type AttackSelection } from '../security/select.ts';
import { checkCase, type CaseCheck } from '../security/soundness.ts';
import { load, positiveInt, printLoadErrors } from './shared.ts';

/** The options `run`, `list` and `check` share for security cases (docs/security-testing.md). */
export const ATTACK_OPTIONS = {
  attack: { type: 'string', multiple: true },
  goal: { type: 'string', multiple: true },
  sample: { type: 'string' },
  seed: { type: 'string' },
} as const;

export function selectionOf(values: { attack?: string[]; goal?: string[]; sample?: string; seed?: string }): AttackSelection | undefined {
  if (!values.attack?.length) return undefined;
  return {
    attacks: values.attack,
    ...(values.goal?.length ? { goals: values.goal } : {}),
    ...(values.sample !== undefined ? { sample: positiveInt(values.sample, 'sample', 1) } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
  };
}

/** One case as `list --json` shows it. */
export const caseEntry = (c: SecurityCase) => ({
  id: c.id, scenario: c.scenario.security.base, goal: c.scenario.security.goal, attack: c.scenario.security.attack,
  point: c.scenario.security.point, pointKind: c.scenario.security.pointKind, environment: c.scenario.security.environment, hash: c.hash,
});

/** `tripwire list --attack ...`: the security cases, one line (or JSON object) each. */
export async function listCases(scenarios: LoadedScenario[], environments: ReadonlyMap<string, Environment>, registry: Registry, selection: AttackSelection, json: boolean): Promise<void> {
  const { cases } = await securityCases(scenarios, environments, registry, selection, { offline: true });
  if (json) {
    console.log(redact(JSON.stringify(cases.map(caseEntry), null, 2)));
    return;
  }
  const rows = cases.map((c) => [c.id, c.scenario.security.point, c.scenario.risk]);
  console.log(redact(columns([['id', 'point', 'risk'], ...rows], ['left', 'left', 'left'])));
  console.log(`\n${plural(cases.length, 'security case')} from ${plural(new Set(cases.map((c) => c.scenario.security.base)).size, 'scenario')}`);
}

/** Each case checked sound; cases that are not are left out of a run. */
export function checkCases(cases: readonly SecurityCase[], environments: ReadonlyMap<string, Environment>, goals: readonly Goal[]): CaseCheck[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  return cases.map((c) => checkCase(c.scenario, environments, byId.get(c.scenario.security.goal)!));
}

/**
 * `tripwire check --attack ...`: proves each case sound (the task doable without reaching the goal,
 * the goal reachable from the injected state). A case that is not is reported with why and left out
 * of runs, as AgentDojo leaves out a task that is not injectable; the exit code is 1 only when the
 * check itself fails.
 */
export async function checkCasesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...ATTACK_OPTIONS, json: { type: 'boolean' }, config: { type: 'string' }, 'no-mutations': { type: 'boolean' }, 'max-states': { type: 'string' } } });
  const { config } = await loadConfig(values.config);
  const registry = registryFor(config);
  const filters = positionals;
  const { environments, scenarios, errors } = await load([], filters, registry);
  printLoadErrors(errors);
  const started = performance.now();
  const { cases, goals, checks } = await securityCases(scenarios, environments, registry, selectionOf(values)!, { offline: true });
  const crossed = performance.now();
  // A sample is drawn from the sound cases, each checked as drawn.
  const reports = checks ?? checkCases(cases, environments, goals);
  const ms = Math.round(performance.now() - started);
  const sound = reports.filter((r) => r.ok).length;
  if (values.json) {
    console.log(redact(JSON.stringify({ cases: reports.map(({ gullible: _g, ...r }) => r), sound, unsound: reports.length - sound, ms }, null, 2)));
    return errors.length ? 1 : 0;
  }
  for (const r of reports) if (!r.ok) console.log(redact(`skip  ${r.id}\n      ${r.problems.join('\n      ')}`));
  console.log(`\n${plural(reports.length, 'security case')} checked in ${ms} ms (crossed in ${Math.round(crossed - started)} ms): ${sound} sound, ${reports.length - sound} not sound (left out of runs)`);
  return errors.length ? 1 : 0;
}

/**
 * What `tripwire run --attack ...` plays: each base scenario once, benign (utility), then its sound
 * security cases (utility under attack, attack success), adaptive attacks' last. Texts are written
 * now, but an adaptive attack's: `prepare` writes those per agent just before each episode, from
 * the agent's own earlier episodes of the task (src/security/adapt.ts), which are planned before.
 */
export async function securityScenarios(
  scenarios: LoadedScenario[], environments: ReadonlyMap<string, Environment>, registry: Registry, selection: AttackSelection,
  agents: Record<string, Record<string, unknown>>,
): Promise<{ scenarios: LoadedScenario[]; unsound: number; prepare?: NonNullable<RunOptions['prepare']> }> {
  const { cases, goals, checks } = await securityCases(scenarios, environments, registry, selection, { offline: false, agents, perAgent: true });
  const reports = checks ?? checkCases(cases, environments, goals);
  const sound = cases.filter((_c, i) => reports[i]!.ok);
  const bases = new Set(sound.map((c) => c.scenario.security.base));
  const benign = scenarios.filter((l) => bases.has(l.scenario.id) && baseOf(l, environments));
  const ordered = [...sound.filter((c) => !c.remake), ...sound.filter((c) => c.remake)];
  const prepare = adaptiveHook(sound);
  return { scenarios: [...benign, ...ordered.map((c) => ({ scenario: c.scenario, file: c.file }))], unsound: cases.length - sound.length, ...(prepare ? { prepare } : {}) };
}
