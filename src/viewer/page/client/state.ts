import type { AgentRates, EpisodeSummary, HumanView, MachineGraph, PendingApproval, ScenarioInfo, StepState, TraceRecord } from '../../wire.ts';

/** The page's state: what the server has told it, and what the person is looking at. */
export const S = {
  episodes: new Map<string, EpisodeSummary>(),
  scenarios: {} as Record<string, ScenarioInfo>,
  /** A finished run's summary.json rates (a live run's are counted from its episodes). */
  summary: undefined as AgentRates[] | undefined,
  approvals: new Map<string, PendingApproval>(),
  /** Highest step seen in each episode's live records. */
  liveStep: new Map<string, number>(),
  /** Episodes with a violation seen live. */
  flagged: new Set<string>(),
  selected: null as string | null,
  /** Bumps on every selection: late answers for an old selection are dropped. */
  gen: 0,
  loading: false,
  pending: [] as TraceRecord[],
  records: [] as TraceRecord[],
  recordKeys: new Set<string>(),
  /** The scrubber follows the live step until the user moves it. */
  follow: true,
  step: 0,
  state: null as StepState | null,
  machines: null as Record<string, MachineGraph> | null,
  human: null as Extract<HumanView, { waiting: true }> | null,
  humanBusy: false,
  humanTool: null as string | null,
  /** JSON nodes the user opened, as env + path. */
  openPaths: new Set<string>(),
  openResults: new Set<string>(),
};

export const stepOf = (r: TraceRecord): number | undefined => ('step' in r ? r.step : undefined);
export const episode = () => (S.selected ? S.episodes.get(S.selected) : undefined);
export const scenarioOf = (ep: EpisodeSummary | undefined) => (ep && S.scenarios[ep.scenarioId]) || null;
export const titleOf = (ep: EpisodeSummary) => scenarioOf(ep)?.title || ep.scenarioId;
export const stepsOf = (ep: EpisodeSummary | undefined) => Math.max(ep?.steps || 0, (ep && S.liveStep.get(ep.episodeId)) || 0);
export const approvalsFor = (id: string | null) => [...S.approvals.values()].filter((a) => a.episodeId === id);
export const viewStep = () => {
  const ep = episode();
  return S.follow ? stepsOf(ep) : Math.min(S.step, stepsOf(ep));
};

export type Status = 'running' | 'paused' | 'waiting' | 'approval' | 'stopped' | NonNullable<EpisodeSummary['end']>['status'];
export function statusOf(ep: EpisodeSummary): Status {
  if (ep.end) return ep.end.status;
  if (!ep.running) return 'stopped';
  if (approvalsFor(ep.episodeId).length) return 'approval';
  if (ep.waitingForHuman) return 'waiting';
  if (ep.paused) return 'paused';
  return 'running';
}

export function mergeSummary(sum: EpisodeSummary & { records?: unknown }): void {
  const old = S.episodes.get(sum.episodeId);
  // Answers cross on two connections: never let an older summary undo an end we already saw.
  if (old && old.end && !sum.end) return;
  const { records: _records, ...rest } = sum;
  S.episodes.set(sum.episodeId, rest);
}

export function noteStep(id: string, r: TraceRecord): void {
  const step = stepOf(r);
  if (typeof step === 'number') S.liveStep.set(id, Math.max(S.liveStep.get(id) || 0, step));
}
