import type { EpisodeSummary, PendingApproval, RunView, TraceRecord } from '../../wire.ts';
import { api } from './api.ts';
import { $, toast } from './dom.ts';
import { refreshHuman } from './human.ts';
import { renderTappable } from './phone.ts';
import { schedule } from './schedule.ts';
import { addRecord, autoSelect, select } from './selection.ts';
import { refreshState } from './stateView.ts';
import { mergeSummary, noteStep, S } from './state.ts';

/** The connection: the run's state at (re)connect, then the live stream of records, episodes, approvals and turns. */

const latencies: number[] = ((window as unknown as { __tripwireLatencies: number[] }).__tripwireLatencies = []);

async function loadRun(): Promise<void> {
  try {
    const run = await api<RunView>('/api/run');
    S.scenarios = run.scenarios;
    S.summary = run.summary;
    for (const ep of run.episodes) mergeSummary(ep);
    S.approvals = new Map(run.approvals.map((a) => [a.id, a]));
    schedule('sidebar', 'top', 'head', 'approvals');
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (S.selected && S.episodes.has(S.selected)) void select(S.selected);
    else if (wanted && S.episodes.has(wanted)) void select(wanted);
    else autoSelect();
  } catch (e) {
    toast('run: ' + (e as Error).message);
  }
}

const on = <T>(es: EventSource, event: string, handle: (data: T) => void) =>
  es.addEventListener(event, (ev) => handle(JSON.parse((ev as MessageEvent<string>).data) as T));

export function connect(): void {
  const es = new EventSource('/api/events');
  const conn = $('#conn');
  const label = (text: string) => {
    if (conn.lastChild) conn.lastChild.textContent = text;
  };
  es.addEventListener('open', () => {
    conn.classList.add('live');
    label('live');
    void loadRun();
  });
  es.addEventListener('error', () => {
    conn.classList.remove('live');
    label('reconnecting…');
  });
  on<{ episodeId: string; record: TraceRecord; sentAt: number }>(es, 'record', (d) => {
    latencies.push(Date.now() - d.sentAt);
    const id = d.episodeId;
    const r = d.record;
    noteStep(id, r);
    if (r.kind === 'violation') S.flagged.add(id);
    if (r.kind === 'end') {
      const ep = S.episodes.get(id);
      if (ep) S.episodes.set(id, { ...ep, end: r, running: false, paused: false, waitingForHuman: false, steps: r.step });
    }
    schedule('sidebar', 'top');
    if (id !== S.selected) return;
    if (S.loading) {
      S.pending.push(r);
      return;
    }
    if (!addRecord(r)) return;
    schedule('timeline', 'bar', r.kind === 'violation' || r.kind === 'end' ? 'head' : null);
    if (S.follow) void refreshState();
    if (r.kind === 'end') {
      S.human = null;
      schedule('human');
    }
  });
  on<EpisodeSummary>(es, 'episode', (sum) => {
    mergeSummary(sum);
    schedule('sidebar', 'top');
    if (sum.episodeId === S.selected) schedule('head', 'bar');
    else if (!S.selected) autoSelect();
  });
  on<PendingApproval & { open: boolean }>(es, 'approval', (a) => {
    if (a.open) S.approvals.set(a.id, a);
    else S.approvals.delete(a.id);
    schedule('approvals', 'sidebar', 'top', 'head');
    if (a.episodeId === S.selected) void refreshState();
  });
  on<{ episodeId: string; waiting: boolean }>(es, 'human', (d) => {
    const ep = S.episodes.get(d.episodeId);
    if (ep) S.episodes.set(d.episodeId, { ...ep, waitingForHuman: !!d.waiting });
    schedule('sidebar');
    if (d.episodeId !== S.selected) return;
    if (d.waiting) void refreshHuman();
    else {
      S.human = null;
      schedule('human');
      renderTappable();
    }
  });
}
