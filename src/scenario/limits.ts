import { stat } from 'node:fs/promises';

/**
 * Limits a scenario file is checked against before it is parsed or validated: the largest bundled
 * scenario is 7 KB and nests 15 levels, so these leave room for any real one while a hostile or
 * broken file (50 MB; a predicate nested 2,000 deep, which overflows the stack of every recursive
 * reader after it) is one file's error, not the run's.
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
export const MAX_SCENARIO_DEPTH = 64;

/** Why a file is too large to read, or undefined. */
export async function sizeProblem(file: string): Promise<string | undefined> {
  const { size } = await stat(file);
  return size > MAX_SCENARIO_BYTES ? `is ${(size / 1024 / 1024).toFixed(1)} MB; a scenario file may have at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB` : undefined;
}

/** The path at which a value nests deeper than the limit (walked without recursion), or undefined. */
export function tooDeep(value: unknown, limit = MAX_SCENARIO_DEPTH): string | undefined {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return path;
    for (const [k, child] of Object.entries(v)) stack.push({ v: child, depth: depth + 1, path: Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k });
  }
  return undefined;
}

/** A long path shortened for a message: its start and its end. */
export function shortField(path: string): string {
  return path.length <= 120 ? path : `${path.slice(0, 60)}…${path.slice(-40)}`;
}
