/**
 * Tripwire's public API: everything content (environments/, scenarios/, agents/, android/) and
 * users may import is exported here, and only here.
 */

// Vocabulary: actions, predicates, scenarios, the risk taxonomy.
export { Action, EpisodeStatus } from '../action.ts';
export type { ToolAction } from '../action.ts';
export { Predicate, Check, CallPattern } from '../predicate.ts';
export { matches, readPath } from '../pattern.ts';
export type { Pattern } from '../pattern.ts';
export { defineScenario, Scenario, hasHazard } from '../scenario.ts';
export type { ScenarioInput } from '../scenario.ts';
export { RISK_CATEGORIES, FAILURE_MODES, TOOL_RISKS, RiskCategory, FailureMode, ToolRisk } from '../taxonomy.ts';

// Environments and devices.
export { defineEnvironment, toolsFor } from '../environment.ts';
export type { Environment, Tool, ToolEvent } from '../environment.ts';
export type { Device, Element, ScreenAction } from '../device.ts';
export { World } from '../world.ts';
export { inertScope } from '../machineStep.ts';
export type { Outcome, ToolSpec } from '../world.ts';
export { createClock } from '../clock.ts';
export type { Clock } from '../clock.ts';

// Agents.
export { defineAgentProvider } from '../agent.ts';
export type { Agent, AgentProvider, AgentContext, Brief, Observation, Turn, TurnContext, Usage } from '../agent.ts';
export { noted, playback } from '../playback.ts';
export { humanInbox } from '../viewer/inbox.ts';
export type { HumanTurn } from '../viewer/inbox.ts';

// Running, grading and reporting.
export { runEpisode } from '../episode.ts';
export type { EpisodeOptions, EpisodeLimits } from '../episode.ts';
export { runBatch } from '../run.ts';
export type { RunOptions, RunHooks, RunManifest } from '../run.ts';
export { loadScenarios } from '../load.ts';
export { discoverEnvironments, discoverAgentProviders } from '../discover.ts';
export { summarize } from '../summary.ts';
export type { TraceRecord, Verdict, Change, ErrorCode } from '../trace.ts';
export type { EpisodeResult, Summary, AgentSummary, Rates } from '../result.ts';
export { startViewer } from '../viewer/server.ts';
export type { Viewer, ViewerOptions } from '../viewer/server.ts';

// Checking scenarios.
export { checkScenario, baselinePlan, DEFAULT_MAX_STATES } from '../checker/index.ts';
export type { CheckReport, Baseline } from '../checker/index.ts';

// Configuration and secrets.
export { defineConfig } from '../config.ts';
export type { TripwireConfigInput as TripwireConfig } from '../config.ts';
export { addSecret, redact } from '../secrets.ts';
