import { appendFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentSummary, EpisodeResult, Summary } from '../../run/result.ts';
import { ZipWriter } from './zip.ts';
import { CORRECT, episodeSample, sampleSummary, type SampleScenario } from './sample.ts';
import type { TraceRecord } from '../../grading/trace.ts';

/**
 * One agent's run as an Inspect eval log, format version 2 (inspect_ai/log/_recorders/eval.py):
 * a zip of `_journal/start.json`, `samples/<id>_epoch_<n>.json`, `_journal/summaries/<n>.json`,
 * `summaries.json`, `reductions.json` and `header.json`. Samples are written as they arrive and
 * summaries are journalled in chunks, as Inspect's own recorder does, so memory stays flat.
 */

type Json = Record<string, unknown>;
const JOURNAL_CHUNK = 100;
const SCORERS = ['safety', 'helpfulness'] as const;

export interface LogContext {
  runId: string;
  /** ISO time the run was created (from its id), so the same run exports the same bytes. */
  created: string;
  version: string;
  scenarios: Map<string, SampleScenario>;
  device?: string;
  redact(text: string): string;
}

/** What both log formats keep while samples stream by: counts, reductions, usage; and the header built from them. */
export class LogTally {
  samples = 0;
  private readonly sampleIds = new Set<string>();
  /** Per scenario and scorer, the sum and count of its trials' values: Inspect's mean reduction over epochs. */
  private readonly sums = new Map<string, Record<string, [number, number]>>();
  private readonly usage: Record<string, { input_tokens: number; output_tokens: number; total_tokens: number }> = {};
  readonly eval: Json;

  constructor(readonly agent: string, private readonly ctx: LogContext) {
    this.eval = {
      eval_id: `${ctx.runId}-${agent}`,
      run_id: ctx.runId,
      created: ctx.created,
      task: 'tripwire',
      task_id: `tripwire-${ctx.runId}`,
      task_version: 0,
      task_attribs: {},
      task_args: {},
      solver: agent,
      model: agent,
      model_args: {},
      config: {},
      packages: { tripwire: ctx.version },
      metadata: { tripwire_run: ctx.runId, ...(ctx.device ? { device: ctx.device } : {}) },
    };
  }

  /** The episode as a sample, counted. */
  sample(r: EpisodeResult, trace: TraceRecord[] | undefined): Json {
    const sample = episodeSample(r, trace, this.ctx.scenarios.get(r.scenarioId), this.ctx.device);
    this.samples++;
    this.sampleIds.add(r.scenarioId);
    const scores = sample.scores as Record<string, { value: string }>;
    const sums = this.sums.get(r.scenarioId) ?? {};
    for (const scorer of SCORERS) {
      if (!scores[scorer]) continue;
      const [sum, n] = sums[scorer] ?? [0, 0];
      sums[scorer] = [sum + (scores[scorer].value === CORRECT ? 1 : 0), n + 1];
    }
    this.sums.set(r.scenarioId, sums);
    if (r.tokens) {
      const u = (this.usage[r.agent] ??= { input_tokens: 0, output_tokens: 0, total_tokens: 0 });
      u.input_tokens += r.tokens.prompt;
      u.output_tokens += r.tokens.completion;
      u.total_tokens += r.tokens.prompt + r.tokens.completion;
    }
    return sample;
  }

  plan(): Json {
    return { name: 'plan', steps: [{ solver: 'tripwire', params: { agent: this.agent } }], config: {} };
  }

  reductions(): Json[] {
    return SCORERS.map((scorer) => ({
      scorer,
      reducer: 'mean',
      samples: [...this.sums].flatMap(([id, s]) => {
        const tally = s[scorer];
        return tally ? [{ value: tally[0] / tally[1], sample_id: id }] : [];
      }),
    })).filter((r) => r.samples.length);
  }

  /** header.json: everything but the samples. */
  header(summary: Summary): Json {
    const agent = summary.agents.find((a) => a.agent === this.agent);
    return {
      version: 2,
      status: 'success',
      eval: {
        ...this.eval,
        dataset: { name: 'tripwire', samples: this.sampleIds.size, sample_ids: [...this.sampleIds], shuffled: false },
        metadata: { ...(this.eval.metadata as Json), scenario_fingerprint: summary.scenarioFingerprint },
      },
      plan: this.plan(),
      results: { total_samples: this.samples, completed_samples: this.samples, scores: agent ? results(agent) : [] },
      stats: { started_at: this.ctx.created, completed_at: this.ctx.created, model_usage: this.usage },
    };
  }
}

/** The `.eval` zip. */
export class InspectLog {
  private readonly zip: ZipWriter;
  private readonly parts: string;
  private readonly summaries: string;
  private readonly tally: LogTally;
  private chunk: Json[] = [];
  private chunks = 0;

  constructor(readonly file: string, agent: string, private readonly ctx: LogContext) {
    this.parts = mkdtempSync(`${file}.parts-`);
    this.summaries = join(this.parts, 'summaries.json');
    this.zip = new ZipWriter(`${file}.tmp`, new Date(ctx.created));
    this.tally = new LogTally(agent, ctx);
    try {
      this.put('_journal/start.json', { version: 2, eval: { ...this.tally.eval, dataset: { name: 'tripwire' } }, plan: this.tally.plan() });
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  add(r: EpisodeResult, trace: TraceRecord[] | undefined): void {
    const sample = this.tally.sample(r, trace);
    this.put(`samples/${r.scenarioId}_epoch_${r.trial}.json`, sample);
    this.chunk.push(sampleSummary(sample));
    if (this.chunk.length >= JOURNAL_CHUNK) this.flush();
  }

  /** Writes the summaries, reductions and header, and puts the finished log in place. */
  end(summary: Summary): void {
    this.flush();
    appendFileSync(this.summaries, this.chunks ? ']' : '[]');
    this.zip.addFile('summaries.json', this.summaries);
    this.put('reductions.json', this.tally.reductions());
    this.put('header.json', this.tally.header(summary));
    this.zip.close();
    renameSync(`${this.file}.tmp`, this.file);
    rmSync(this.parts, { recursive: true, force: true });
  }

  /** Drops a log cut short: its temporary files go, no half-written log is left. */
  abort(): void {
    this.zip.discard();
    rmSync(this.parts, { recursive: true, force: true });
    rmSync(`${this.file}.tmp`, { force: true });
  }

  private flush(): void {
    if (!this.chunk.length) return;
    this.chunks++;
    this.put(`_journal/summaries/${this.chunks}.json`, this.chunk);
    const body = this.chunk.map((s) => this.ctx.redact(JSON.stringify(s))).join(',');
    appendFileSync(this.summaries, `${this.chunks === 1 ? '[' : ','}${body}`);
    this.chunk = [];
  }

  private put(name: string, value: unknown): void {
    this.zip.add(name, this.ctx.redact(JSON.stringify(value)));
  }
}

/** The scorers' metrics in the header: accuracy and its standard error, and pass^k with trials. */
function results(a: AgentSummary): Json[] {
  const metric = (name: string, value: number | null) => ({ name, value: value ?? 0, params: {} });
  const stderr = (p: number | null, n: number) => (p === null || n < 2 ? 0 : Math.sqrt((p * (1 - p)) / (n - 1)));
  const graded = a.graded ?? a.episodes - a.errors;
  return [
    { name: 'safety', scorer: 'safety', params: {}, metrics: {
      accuracy: metric('accuracy', a.safety), stderr: metric('stderr', stderr(a.safety, graded)),
      ...(a.passK ? { [`pass^${a.passK.k}`]: metric(`pass^${a.passK.k}`, a.passK.safety) } : {}),
    } },
    { name: 'helpfulness', scorer: 'helpfulness', params: {}, metrics: {
      accuracy: metric('accuracy', a.helpfulness), stderr: metric('stderr', stderr(a.helpfulness, graded)),
      ...(a.passK ? { [`pass^${a.passK.k}`]: metric(`pass^${a.passK.k}`, a.passK.helpfulness) } : {}),
    } },
  ];
}
