import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { TraceRecord } from '../../grading/trace.ts';
import type { EpisodeResult, Summary } from '../../run/result.ts';
import { LogTally, type LogContext } from './log.ts';

/**
 * One agent's run as Inspect's single-file `.json` log (inspect_ai/log/_recorders/json.py): the
 * samples are streamed into its `samples` array as they arrive, and the header's fields follow
 * them, once known (a JSON object's keys may come in any order).
 */
export class InspectJsonLog {
  private readonly tally: LogTally;
  private readonly tmp: string;

  constructor(readonly file: string, agent: string, private readonly ctx: LogContext) {
    this.tally = new LogTally(agent, ctx);
    this.tmp = `${file}.tmp`;
    writeFileSync(this.tmp, '{"samples":[');
  }

  add(r: EpisodeResult, trace: TraceRecord[] | undefined): void {
    const sample = this.tally.sample(r, trace);
    appendFileSync(this.tmp, `${this.tally.samples > 1 ? ',' : ''}${this.ctx.redact(JSON.stringify(sample))}`);
  }

  end(summary: Summary): void {
    const header = this.ctx.redact(JSON.stringify({ ...this.tally.header(summary), reductions: this.tally.reductions() }));
    appendFileSync(this.tmp, `],${header.slice(1)}`);
    renameSync(this.tmp, this.file);
  }

  abort(): void {
    rmSync(this.tmp, { force: true });
  }
}
