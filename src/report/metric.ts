import type { z } from 'zod';
import type { EpisodeResult } from '../run/result.ts';

/** One agent's running count for a metric: fed each result once, asked for its value at the end. */
export interface MetricTally<V> {
  add(result: EpisodeResult): void;
  /** The metric's value for the agent, or undefined when none of its results concern the metric. */
  value(): V | undefined;
}

/**
 * A number a run reports beside Tripwire's own rates, computed by the one streaming summarizer (as
 * Inspect's `@metric` plug-ins are): a benchmark's own measures (MobileSafetyBench's goal
 * achievement and harm prevention) live with that benchmark's importer, never in the core. Its
 * value goes into summary.json under `agents[].<name>`, and into the run table and report page.
 */
export interface Metric<V = unknown> {
  kind: 'metric';
  /** Its key in summary.json's `agents[]` entries (`msb`); not one of the core's own keys. */
  name: string;
  /** The heading of its table in the report page and the run table. */
  title: string;
  description?: string;
  /** Validates the value when summary.json is read back (a file of another version may differ). */
  schema?: z.ZodType<V>;
  /** A fresh tally for one agent. Memory may grow with scenarios, never with episodes. */
  tally(): MetricTally<V>;
  /** Lines under the agent in the run table (plain text). */
  text?(value: V): string;
  /** The report page's table: headings after "agent", and per agent its cells (plain text, escaped by the page). */
  columns?: { headings: string[]; cells(value: V): string[] };
}

export function defineMetric<V>(metric: Omit<Metric<V>, 'kind'>): Metric<V> {
  return { kind: 'metric', ...metric };
}
