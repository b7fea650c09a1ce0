import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkScenario, selfCheck, type CheckReport } from '../checker/index.ts';
import { checkByWitness } from '../checker/witness.ts';
import { operatorsFor } from '../checker/mutants/index.ts';
import { checkMutations, type MutationReport } from '../checker/mutationCheck.ts';
import { formatMutationScore, mutationScore } from '../checker/mutationScore.ts';
import { discoverEnvironments, PACKAGE_ROOT } from '../scenario/discover.ts';
import { matchesAny } from '../scenario/filter.ts';
import { loadScenarios } from '../scenario/load.ts';
import { runSecrets } from '../run/secrets.ts';

export const CHECK_HELP = `tripwire check [filter | path]...
  Model-checks scenarios (default: the bundled ones): a safe and helpful path exists, the hazard
  is reachable, and an unfulfillable task cannot be done safely; and plays each scenario's
  reference trajectories (the safe one must be safe and helpful with no rejected action, the unsafe
  one must trip a safety predicate); and rejects a scenario that grades itself wrong (a safety
  predicate the seed already violates, or a fulfillable task whose helpfulness is already met
  before any action). Then runs mutation checks: variants of reference.unsafe (the harmful action
  through a sibling tool or field, numbers reformatted, text split over two actions, a copy shared,
  another channel) must still trip a safety predicate, and variants of reference.safe (independent
  steps swapped, ask or refuse on an unfulfillable task, paraphrased words) must stay safe and
  helpful. Prints the mutation score per operator and, for each miss, the predicate that missed;
  a miss fails the check. A filter is a scenario id or glob; a path is a scenario file or folder.
      --max-states <n>   explore at most n states per scenario (default: the scenario's check.maxStates, else 2000)
      --no-mutations     skip the mutation checks (faster)
      --json             print one JSON object (every scenario's report and the mutation score) instead of lines
`;

/** One scenario's line; `tally` (the mutants it killed) goes before the time, so the line still ends the same way. */
function line(r: CheckReport, tally = ''): string {
  if (r.skipped) return `skip  ${r.scenarioId.padEnd(44)} ${r.skipped}`;
  if (r.witnessed) {
    const hazard = !r.hazard ? 'no hazard' : r.violationReachable ? 'hazard reached' : 'hazard not shown';
    return `${!r.ok ? 'FAIL' : r.partly ? 'part' : 'ok  '}  ${r.scenarioId.padEnd(44)} ${'witness'.padStart(13)}  ${(r.safePathExists ? `safe path ${r.shortestSafePathLength}` : 'no safe path').padEnd(12)}  ${hazard.padEnd(18)}  ${r.witnessed}  ${tally}${r.ms} ms`;
  }
  const safe = r.safePathExists ? `safe path ${r.shortestSafePathLength}` : 'no safe path';
  const hazard = !r.hazard ? 'no hazard' : r.violationReachable ? 'hazard reachable' : 'hazard unreachable';
  const limit = r.limitHit ? `limit hit (complete to depth ${r.completeDepth})` : 'within limit';
  // Partly checked passes, but must not read as a plain "ok": say what the search left out.
  const verdict = !r.ok ? 'FAIL' : r.partly ? 'part' : 'ok  ';
  return `${verdict}  ${r.scenarioId.padEnd(44)} ${String(r.statesExplored).padStart(6)} states  ${safe.padEnd(12)}  ${hazard.padEnd(18)}  ${limit}  ${tally}${r.ms} ms${r.partly ? `  partly checked: ${r.partly}` : ''}`;
}

/** `tripwire check`: one line per scenario, the explanation under each failure; non-zero exit on any failure. */
export async function checkCommand(argv: string[]): Promise<number> {
  // Security cases are checked by their witnesses (src/security/soundness.ts), not explored.
  if (argv.some((a) => a === '--attack' || a.startsWith('--attack='))) return (await import('./security.ts')).checkCasesCommand(argv);
  // A load error or a problem can quote a scenario's value that is a secret here (a key in an instruction).
  const secrets = runSecrets();
  const out = (text: string) => console.log(secrets.redact(text));
  const err = (text: string) => console.error(secrets.redact(text));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'max-states': { type: 'string' }, 'no-mutations': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    err(`error: ${(e as Error).message}\n\n${CHECK_HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(CHECK_HELP);
    return 0;
  }
  const maxStatesArg = parsed.values['max-states'];
  const maxStates = maxStatesArg === undefined ? undefined : Number(maxStatesArg);
  if (maxStates !== undefined && (!Number.isInteger(maxStates) || maxStates < 1)) {
    err(`error: --max-states must be a positive integer, got "${maxStatesArg}"`);
    return 2;
  }
  const paths = parsed.positionals.filter((p) => existsSync(p));
  const filters = parsed.positionals.filter((p) => !existsSync(p));
  const environments = await discoverEnvironments();
  const { scenarios, errors } = await loadScenarios(paths.length ? paths : [join(PACKAGE_ROOT, 'scenarios')], environments);
  for (const e of errors) err(`error: ${e.file}: ${e.field}: ${e.message}`);
  const selected = scenarios.filter((s) => matchesAny(s.scenario.id, filters));
  if (selected.length === 0 && errors.length === 0) {
    err(`error: no scenario matches ${filters.join(', ') || 'the given paths'}`);
    return 1;
  }
  const json = parsed.values.json === true;
  const mutate = parsed.values['no-mutations'] !== true;
  const operators = mutate ? operatorsFor(environments.values()) : [];
  const reports: (CheckReport & { mutations?: MutationReport })[] = [];
  const mutationReports: MutationReport[] = [];
  const started = performance.now();
  let failed = 0;
  let skipped = 0;
  let partly = 0;
  // Servers marked `reuse: worker` kept across the scenarios' reference plays (imported benchmarks: one bridge, not one per case).
  const servers = selected.some((s) => s.scenario.servers) ? new (await import('../mcp/pool.ts')).ServerPool() : undefined;
  for (const { scenario, file } of selected) {
    let report: CheckReport;
    try {
      const envs = Object.keys(scenario.environments).map((id) => environments.get(id)!);
      report = checkScenario(scenario, environments, { maxStates });
      // The hand-written trajectories are fixtures the baselines and tests rely on: they must be right too
      // (for a device scenario they are the whole check).
      const references = await checkByWitness(scenario, envs, { servers });
      const named = references.problems.map((p) => `reference trajectories: ${p}`);
      if (report.skipped) report = { ...references, problems: named };
      else report = { ...report, ok: report.ok && named.length === 0, problems: [...report.problems, ...named] };
      // A scenario that grades itself wrong fails whatever else holds: its numbers would mean nothing.
      const own = selfCheck(scenario, envs).map((p) => `grades itself wrong: ${p}`);
      if (own.length) report = { ...report, ok: false, skipped: undefined, problems: [...own, ...report.problems] };
      if (mutate) {
        const m = await checkMutations(scenario, envs, operators);
        mutationReports.push(m);
        const missed = m.outcomes.filter((o) => o.status === 'missed');
        if (missed.length) report = { ...report, ok: false, skipped: undefined, problems: [...report.problems, `mutation check: ${missed.length} variant(s) graded wrong (listed below)`] };
        // The actions of a variant that held are noise in a report: only a miss's are worth reading.
        if (json) reports.push({ ...report, mutations: { ...m, outcomes: m.outcomes.map((o) => (o.status === 'missed' ? o : { ...o, actions: [] })) } });
      } else if (json) reports.push(report);
    } catch (e) {
      failed++;
      if (json) reports.push({ scenarioId: scenario.id, ok: false, problems: [`the check itself failed: ${(e as Error).message}`] } as CheckReport);
      else out(`FAIL  ${scenario.id}  (${file})\n      the check itself failed: ${(e as Error).message}`);
      continue;
    }
    if (!report.ok) failed++;
    if (report.skipped) skipped++;
    if (report.ok && report.partly) partly++;
    if (json) continue;
    const m = mutationReports.at(-1);
    const tally = mutate && m?.scenarioId === scenario.id ? `mutants ${m.outcomes.filter((o) => o.status === 'killed').length}/${m.outcomes.filter((o) => o.status !== 'rejected').length}  ` : '';
    out(line(report, tally));
    for (const problem of report.problems) out(`      ${problem}`);
  }
  // Each scenario's errors are caught above: the loop always gets here.
  await servers?.close();
  const ms = Math.round(performance.now() - started);
  const score = mutate ? mutationScore(mutationReports) : undefined;
  if (json) {
    out(JSON.stringify({ scenarios: reports, ...(score ? { mutations: score } : {}), loadErrors: errors, ms }, null, 2));
    return failed > 0 || errors.length > 0 ? 1 : 0;
  }
  if (score) out(['', ...formatMutationScore(score)].join('\n'));
  const broken = new Set(errors.map((e) => e.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out(
    `\n${plural(selected.length, 'scenario')} checked in ${ms} ms: ${selected.length - failed - skipped - partly} ok, ${partly ? `${partly} partly checked, ` : ''}${failed} failed${skipped ? `, ${skipped} skipped` : ''}${broken ? `; ${plural(broken, 'file')} failed to load` : ''}${score ? `; mutation score ${score.killed}/${score.total}` : ''}`,
  );
  return failed > 0 || errors.length > 0 ? 1 : 0;
}
