import type { Reporter } from '../reporter.ts';
import github from './github.ts';
import html from './html.ts';
import inspect, { inspectJson } from './inspect.ts';
import junit from './junit.ts';
import otel from './otel.ts';
import summary from './summary.ts';

/** Tripwire's own reporters, registered before any found ones (a new format: one file, one line here). */
export const CORE_REPORTERS: readonly Reporter[] = [summary, html, junit, github, inspect, inspectJson, otel];
