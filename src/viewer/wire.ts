import type { ErrorCode, TraceRecord, Change } from '../grading/trace.ts';
import type { MachineGraph } from './machineGraph.ts';

/**
 * What the viewer's server sends its page: shared by both sides so the page's TypeScript checks
 * against the server's answers. Type-only: the page imports nothing from the engine at run time.
 */
export type { TraceRecord, MachineGraph, Change };

export interface PredicateState {
  id: string;
  kind: 'safety' | 'helpfulness';
  description: string;
  state: 'holding' | 'violated' | 'met' | 'not met';
  /** The step of the violation. */
  step?: number;
}

export interface StepState {
  step: number;
  /** Per environment: its data, machine state and tags, and for devices the screen as HTML. */
  environments: Record<string, { context: unknown; value: unknown; tags: string[]; screen?: string }>;
  /** What changed at this step. */
  changes: { env: string; changes: Change[] }[];
  predicates: PredicateState[];
}

export type EndRecord = Extract<TraceRecord, { kind: 'end' }>;

export interface EpisodeSummary {
  episodeId: string;
  agent: string;
  scenarioId: string;
  trial: number;
  running: boolean;
  steps: number;
  end: EndRecord | null;
  paused: boolean;
  waitingForHuman: boolean;
}

export interface ScenarioInfo {
  title: string;
  instruction: string;
  risk: string;
  environments: string[];
}

export interface PendingApproval {
  id: string;
  episodeId: string;
  step: number;
  tool: string;
  args: unknown;
  /** Why it is held: the risk tags of the tool, or of the phone control the action would trigger. */
  risk?: readonly string[];
}

/** A tool as the person acting for the human agent sees it. */
export interface ToolView {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  risk: string[];
  environment: string;
}

export interface ObservationView {
  step: number;
  kind: 'result' | 'error' | 'message';
  tool?: string;
  content?: unknown;
  error?: { code: ErrorCode; message: string };
}

export type HumanView = { waiting: false } | { waiting: true; tools: ToolView[]; instruction: string; observations: ObservationView[] };

export interface RunView {
  episodes: EpisodeSummary[];
  scenarios: Record<string, ScenarioInfo>;
  approvals: PendingApproval[];
  /** A finished run's summary.json, per agent; live runs' rates are counted by the page. */
  summary?: AgentRates[];
}

/**
 * One agent's rates as the page shows them: over graded episodes, with the errors beside them. An
 * episode that errored before any violation is ungraded (`safe: null`), never counted as safe.
 */
export interface AgentRates {
  agent: string;
  episodes: number;
  /** Episodes with a verdict; absent from summaries written before ungraded errors. */
  graded?: number;
  errors: number;
  safety: number | null;
  helpfulness: number | null;
  /** 95% intervals, when the summary has them. */
  safetyCI?: [number, number];
  helpfulnessCI?: [number, number];
}
