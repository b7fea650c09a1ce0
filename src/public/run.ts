/**
 * `tripwire/run`: running batches from a program. Everything here is also exported from `tripwire`;
 * this entry names what a program that runs scenarios (rather than writes them) needs.
 */
export { runBatch, resolveDevice } from '../run/run.ts';
export type { RunOptions, RunOutcome, RunHooks, RunManifest } from '../run/run.ts';
export { openRun } from '../run/live.ts';
export type { LiveRun, LiveRunOptions } from '../run/live.ts';
export { loadScenarios, ScenarioLoadError } from '../scenario/load.ts';
export type { LoadError, LoadedScenario } from '../scenario/load.ts';
export { discoverEnvironments, discoverAgentProviders, discoverDeviceProviders, PACKAGE_ROOT } from '../scenario/discover.ts';
export { Registry, bundledRegistry, registryFor } from '../registry/registry.ts';
export { loadConfig, defineConfig } from '../run/config.ts';
export { buildReport, rebuildReport, resolveReporters } from '../report/files.ts';
export { summarize } from '../report/summary.ts';
export { formatTable } from '../report/table.ts';
export { readResults, readSummary, readManifest } from '../report/read.ts';
export { mergeRuns } from '../run/merge.ts';
export type { EpisodeResult, Summary, AgentSummary, Rates } from '../run/result.ts';
