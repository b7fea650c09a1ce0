import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { z } from 'zod';
import { TripwireError } from '../engine/errors.ts';
import { describeIssues } from '../engine/validation.ts';
import { EpisodeResult, RunManifest, Summary } from '../run/result.ts';

/** Reading a run's files back: validated against the schemas they were written from, never cast. */

function invalid(where: string, message: string): TripwireError {
  return new TripwireError('file-invalid', `${where}: ${message}`);
}

function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalid(file, `not JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalid(file, describeIssues(parsed.error));
  return parsed.data;
}

export const readSummary = (file: string): Summary => readJson(file, Summary);
export const readManifest = (file: string): RunManifest => readJson(file, RunManifest);

/** Where one result lies in results.jsonl, and what orders it: enough to read it again, never the result. */
export interface ResultRef {
  offset: number;
  length: number;
  line: number;
  episodeId: string;
  agent: string;
  scenarioId: string;
  trial: number;
  status: EpisodeResult['status'];
}

/** The lines of a file with their byte offsets, read a block at a time. */
function* linesOf(file: string): Generator<{ text: string; offset: number; length: number }> {
  const fd = openSync(file, 'r');
  try {
    const block = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    let base = 0; // file offset of carry[0]
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      const data = n > 0 ? Buffer.concat([carry, block.subarray(0, n)]) : carry;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        yield { text: data.toString('utf8', start, nl), offset: base + start, length: nl - start };
        start = nl + 1;
      }
      if (n === 0) {
        if (start < data.length) yield { text: data.toString('utf8', start), offset: base + start, length: data.length - start };
        return;
      }
      carry = Buffer.from(data.subarray(start));
      base += start;
    }
  } finally {
    closeSync(fd);
  }
}

/** One validated line; undefined for an unfinished last line (an interrupted write). */
function parseLine(file: string, i: number, text: string, isLast: boolean): EpisodeResult | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    if (isLast) return undefined;
    throw invalid(`${file}:${i + 1}`, `not a JSON line (${(err as Error).message})`);
  }
  const parsed = EpisodeResult.safeParse(data);
  if (!parsed.success) throw invalid(`${file}:${i + 1}`, describeIssues(parsed.error));
  return parsed.data;
}

/**
 * Reads results.jsonl. An interrupted run can leave its last line half-written; that line is
 * skipped (the episode is simply re-run on resume). A bad line anywhere else is corruption: it
 * throws `file-invalid`, naming the file, the line and the field.
 */
export function readResults(file: string): EpisodeResult[] {
  const results: EpisodeResult[] = [];
  for (const ref of indexResults(file, false)) results.push(readAt(file, ref));
  return results;
}

/**
 * Where each result of results.jsonl lies, validated as `readResults` does. With `latest` (the
 * default), one per episode as `latestPerEpisode` keeps them: the last line of each episodeId, at
 * the place of its first. Keeps a few numbers and ids per episode, never the results.
 */
export function indexResults(file: string, latest = true): ResultRef[] {
  const refs: ResultRef[] = [];
  const at = new Map<string, number>();
  // A line that is not JSON is forgiven only if nothing but blank lines follows it.
  let unfinished: { i: number; text: string } | undefined;
  let i = -1;
  for (const l of linesOf(file)) {
    i++;
    if (l.text.trim() === '') continue;
    if (unfinished) parseLine(file, unfinished.i, unfinished.text, false); // throws: not the last line
    const r = parseLine(file, i, l.text, true);
    if (!r) {
      unfinished = { i, text: l.text };
      continue;
    }
    const ref = { offset: l.offset, length: l.length, line: i, episodeId: r.episodeId, agent: r.agent, scenarioId: r.scenarioId, trial: r.trial, status: r.status };
    const seen = latest ? at.get(r.episodeId) : undefined;
    if (seen === undefined) {
      at.set(r.episodeId, refs.length);
      refs.push(ref);
    } else refs[seen] = ref;
  }
  return refs;
}

/** One result, read again from where `indexResults` found it. */
export function readAt(file: string, ref: ResultRef, fd?: number): EpisodeResult {
  const own = fd ?? openSync(file, 'r');
  try {
    const buf = Buffer.alloc(ref.length);
    readSync(own, buf, 0, ref.length, ref.offset);
    return parseLine(file, ref.line, buf.toString('utf8'), false)!;
  } finally {
    if (fd === undefined) closeSync(own);
  }
}

/** The results at these places, in this order, one at a time. */
export function* streamResults(file: string, refs: readonly ResultRef[]): Generator<EpisodeResult> {
  const fd = openSync(file, 'r');
  try {
    for (const ref of refs) yield readAt(file, ref, fd);
  } finally {
    closeSync(fd);
  }
}
