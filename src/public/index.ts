/**
 * Tripwire's public API: everything content (environments/, scenarios/, agents/, android/) and
 * users may import is exported here, and only here.
 */

// Vocabulary: actions, predicates, scenarios, the risk taxonomy.
export { Action, EpisodeStatus } from '../engine/action.ts';
export type { ToolAction } from '../engine/action.ts';
export { Predicate, Check, CallPattern } from '../grading/predicate.ts';
export { matches, readPath } from '../grading/pattern.ts';
export type { Pattern } from '../grading/pattern.ts';
export { egress, PUBLIC, normaliseName, normaliseRecipient, normalisePhone, normaliseText, normaliseDnsValue, digitsOnly } from '../grading/egress.ts';
export type { Egress, EgressChannel } from '../grading/egress.ts';
export { cachedRegex, linearRegex, LinearRegexError } from '../grading/regex.ts';
export { defineScenario, Scenario, hasHazard } from '../scenario/scenario.ts';
export type { ScenarioInput } from '../scenario/scenario.ts';
export { History, HistoryMessage, HistoryCall } from '../scenario/history.ts';
export { argumentsText, historyText, messageText, resultText, taskText } from '../scenario/historyText.ts';
export { RISK_CATEGORIES, FAILURE_MODES, TOOL_RISKS, RiskCategory, FailureMode, ToolRisk } from '../scenario/taxonomy.ts';

// Environments and devices.
export { defineEnvironment, toolsFor } from '../engine/environment.ts';
export type { Environment, Tool, ToolEvent } from '../engine/environment.ts';
export { defineDeviceProvider, deviceTransportError } from '../engine/device.ts';
export type { Device, DeviceProvider, DeviceServeOptions, ServedDevice, DeviceEndpoint, DoctorCheck, DeviceResult, DeviceScreen, Element, ScreenAction, CallOptions, PerformOptions } from '../engine/device.ts';
export { TripwireError } from '../engine/errors.ts';
export type { TripwireErrorCode } from '../engine/errors.ts';
export { World } from '../engine/world.ts';
export { inertScope } from '../engine/machineStep.ts';
export type { Outcome, ToolSpec } from '../engine/world.ts';
export { cleanSchema, strictSchema, fromStrictArguments } from '../engine/jsonSchema.ts';
export { createClock } from '../engine/clock.ts';
export { freshId, idsOf } from '../engine/ids.ts';
export type { FreshId } from '../engine/ids.ts';
export type { Clock } from '../engine/clock.ts';

// Agents.
export { defineAgentProvider, defineBaselineProvider } from '../agent/agent.ts';
export type { Agent, AgentProvider, AgentContext, AnyAgentProvider, BaselineProvider, BaselineContext, Brief, Observation, ScreenReader, Turn, TurnContext, Usage, StopContext } from '../agent/agent.ts';
export { createAgent } from '../agent/resolveAgent.ts';
export { noted, playback, selects, type ElementSelector } from '../agent/playback.ts';

// Running, grading and reporting.
export { runEpisode } from '../engine/episode.ts';
export type { EpisodeOptions, EpisodeLimits } from '../engine/episode.ts';
export { runBatch } from '../run/run.ts';
export { openRun } from '../run/live.ts';
export type { LiveRun, LiveRunOptions, LiveEpisode } from '../run/live.ts';
export { AgentChannel, ChannelRegistry } from '../agent/channel.ts';
export type { CallReply, ReadNote, Waiting } from '../agent/channel.ts';
export { serveMcpHttp } from '../serve/http.ts';
export type { McpHttpEndpoint } from '../serve/http.ts';
export { serveEpisode } from '../serve/episode.ts';
export type { RunOptions, RunHooks, RunManifest } from '../run/run.ts';
export { loadScenarios, ScenarioLoadError } from '../scenario/load.ts';
export type { LoadError, LoadedScenario } from '../scenario/load.ts';
export { discoverEnvironments, discoverAgentProviders, discoverDeviceProviders } from '../scenario/discover.ts';

// Plug-ins: one registry for every kind (docs/architecture.md).
export { Registry, bundledRegistry, registryFor } from '../registry/registry.ts';
export type { RegistryOptions } from '../registry/registry.ts';
export { PLUGIN_KINDS, kindOf } from '../registry/kinds.ts';
export type { PluginKind, PluginOf, AnyPlugin, TaggedPlugin } from '../registry/kinds.ts';
export type { ContentRoot } from '../registry/discover.ts';
export { deviceEndpoint, deviceServer } from '../registry/hooks.ts';
export { defineImporter } from '../registry/importer.ts';
export { pythonJson, parseWithFloats } from '../run/pythonJson.ts';
export type { Importer } from '../registry/importer.ts';
export { defineMetric } from '../report/metric.ts';
export type { Metric, MetricTally } from '../report/metric.ts';
export { defineReporter } from '../report/reporter.ts';
export type { Reporter, ReporterRun, ReportContext, ReportEnd, ScenarioInfo } from '../report/reporter.ts';
export { summarize } from '../report/summary.ts';
export { readResults, readSummary, readManifest } from '../report/read.ts';
export { compareRuns } from '../report/compare.ts';
export type { Comparison } from '../report/compare.ts';
export { wilson, passHatK, mcnemar } from '../report/stats.ts';
export type { TraceRecord, Verdict, Change, ErrorCode, ProcessReport } from '../grading/trace.ts';
export type { EpisodeResult, Summary, AgentSummary, Rates } from '../run/result.ts';
export { allowedHosts } from '../viewer/door.ts';
export { startViewer } from '../viewer/server.ts';
export { showLiveScreen } from '../viewer/liveScreens.ts';
export type { LiveScreen } from '../viewer/liveScreens.ts';
export type { Viewer, ViewerOptions } from '../viewer/server.ts';
export { Approvals } from '../viewer/approvals.ts';

// Checking scenarios.
export { checkScenario, baselinePlan, DEFAULT_MAX_STATES } from '../checker/index.ts';
export type { CheckReport, Baseline } from '../checker/index.ts';
export { defineMutationOperator, replaceAt, targets, toolCall, withArgs } from '../checker/mutation.ts';
export { numbersInWords } from '../checker/mutants/paraphrase.ts';
export type { MutationOperator, MutationContext, MutationKind, Variant, ToolCall } from '../checker/mutation.ts';
export { checkMutations } from '../checker/mutationCheck.ts';
export type { MutationOutcome, MutationReport } from '../checker/mutationCheck.ts';
export { mutationScore } from '../checker/mutationScore.ts';
export type { MutationScore, Miss, Tally } from '../checker/mutationScore.ts';
export { GENERIC_OPERATORS, operatorsFor } from '../checker/mutants/index.ts';
export { restyle } from '../checker/mutants/numbers.ts';
export { splitPoints } from '../checker/mutants/split.ts';

// Configuration and secrets.
export { defineConfig } from '../run/config.ts';
export type { TripwireConfigInput as TripwireConfig } from '../run/config.ts';
export { addSecret, redact, runSecrets, Secrets, isSecretName, URL_WITH_PASSWORD, REDACTED } from '../run/secrets.ts';
export { cachedFetch } from '../run/responseCache.ts';
export type { Redactor } from '../run/secrets.ts';

// Defenses and guards (issue 26): plug-ins around an agent, and the guard protocol.
export { defineDefense } from '../defense/defense.ts';
export type { Defense, DefenseSession, DefenseReview } from '../defense/defense.ts';
export { defineGuard, parseReply, failed as guardFailure } from '../guard/guard.ts';
export type { Guard, GuardProvider, GuardContext, GuardReply, GuardRequest, OnError } from '../guard/guard.ts';
// Security testing: injection points, attacker goals, attacks (docs/security-testing.md).
export { definePoints } from '../security/points.ts';
export type { PointSpec, PointKind, Point } from '../security/points.ts';
export { defineGoal } from '../security/goal.ts';
export type { Goal, GoalStep, WorldState } from '../security/goal.ts';
export { defineAttack } from '../security/attack.ts';
export type { Attack, AttackContext } from '../security/attack.ts';
export { gulliblePlanFor } from '../security/soundness.ts';
export { securityOf, ATTACKER_GOAL } from '../security/crossing.ts';
export type { SecurityInfo } from '../security/crossing.ts';
