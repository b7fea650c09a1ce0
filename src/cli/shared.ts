import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../scenario/discover.ts';
import { bundledRegistry, type Registry } from '../registry/registry.ts';
import { matchesAny } from '../scenario/filter.ts';
import { loadScenarios, type LoadError } from '../scenario/load.ts';
import { redact } from '../run/secrets.ts';
import { TripwireError } from '../engine/errors.ts';

/** What the commands share: argument checks, scenario loading, paths for people. */
export const shortPath = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));

/** A command line a person got wrong: code `usage`, answered with the help and exit code 2. */
export class UsageError extends TripwireError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

export function printLoadErrors(errors: LoadError[]): void {
  for (const e of errors) console.error(redact(`error: ${e.file}: ${e.field}: ${e.message}`));
}

/** The scenarios of `paths` (default: the bundled ones) matching `filters`, with the registry's environments. */
export async function load(paths: string[], filters: string[], registry: Registry = bundledRegistry()) {
  const environments = await registry.list('environment');
  const roots = paths.length ? paths : [join(PACKAGE_ROOT, 'scenarios')];
  const { scenarios, errors } = await loadScenarios(roots, environments);
  return { environments, scenarios: scenarios.filter((s) => matchesAny(s.scenario.id, filters)), errors };
}

export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
