import type { EpisodeSummary, MachineGraph, TraceRecord } from '../../wire.ts';
import { api, enc } from './api.ts';
import { toast } from './dom.ts';
import { refreshHuman } from './human.ts';
import { buildMain } from './layout.ts';
import { schedule } from './schedule.ts';
import { refreshState } from './stateView.ts';
import { mergeSummary, noteStep, S } from './state.ts';

/** Choosing an episode: its trace and machines are loaded, records streamed meanwhile are kept. */

/** False when the record is already there (the stream and the load overlap). */
export function addRecord(r: TraceRecord): boolean {
  const key = JSON.stringify(r);
  if (S.recordKeys.has(key)) return false;
  S.recordKeys.add(key);
  S.records.push(r);
  return true;
}

export async function select(id: string): Promise<void> {
  if (!S.episodes.has(id)) return;
  const same = S.selected === id;
  S.selected = id;
  const gen = ++S.gen;
  if (!same) {
    S.follow = true;
    S.step = 0;
    S.openPaths = new Set();
    S.openResults = new Set();
    S.human = null;
    S.humanBusy = false;
    history.replaceState(null, '', location.pathname + location.search + '#' + enc(id));
  }
  S.loading = true;
  S.pending = [];
  S.records = [];
  S.recordKeys = new Set();
  S.state = null;
  buildMain();
  schedule('sidebar', 'head', 'bar', 'timeline', 'approvals', 'human');
  try {
    const base = '/api/episodes/' + enc(id);
    const [detail, machines] = await Promise.all([api<EpisodeSummary & { records: TraceRecord[] }>(base), api<Record<string, MachineGraph>>(base + '/machines')]);
    if (gen !== S.gen) return;
    mergeSummary(detail);
    for (const r of detail.records) addRecord(r);
    for (const r of S.pending) addRecord(r);
    S.pending = [];
    S.machines = machines;
    for (const r of S.records) noteStep(id, r);
    if (S.records.some((r) => r.kind === 'violation')) S.flagged.add(id);
  } catch (e) {
    toast('episode: ' + (e as Error).message);
  } finally {
    if (gen === S.gen) S.loading = false;
  }
  if (gen !== S.gen) return;
  schedule('sidebar', 'head', 'bar', 'timeline', 'approvals');
  void refreshState();
  void refreshHuman();
}

/** With nothing chosen yet, show the first running episode (or the only one). */
export function autoSelect(): void {
  if (S.selected) return;
  const eps = [...S.episodes.values()];
  const pick = eps.find((e) => e.running) ?? (eps.length === 1 ? eps[0] : undefined);
  if (pick) void select(pick.episodeId);
}
