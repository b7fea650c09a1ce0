import { readFileSync } from 'node:fs';
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

/**
 * Reads results.jsonl. An interrupted run can leave its last line half-written; that line is
 * skipped (the episode is simply re-run on resume). A bad line anywhere else is corruption: it
 * throws `file-invalid`, naming the file, the line and the field.
 */
export function readResults(file: string): EpisodeResult[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last -= 1;
  const results: EpisodeResult[] = [];
  for (let i = 0; i <= last; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (err) {
      if (i === last) break;
      throw invalid(`${file}:${i + 1}`, `not a JSON line (${(err as Error).message})`);
    }
    const parsed = EpisodeResult.safeParse(data);
    if (!parsed.success) throw invalid(`${file}:${i + 1}`, describeIssues(parsed.error));
    results.push(parsed.data);
  }
  return results;
}
