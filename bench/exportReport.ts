/**
 * Child of bench/export.ts: rebuilds one run's outputs with only the named reporters and prints its
 * time and this process's peak RSS, so an exporter's memory is measured apart from the run's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../src/report/files.ts';
import { readResults } from '../src/report/read.ts';
import { latestPerEpisode } from '../src/report/summary.ts';
import { bundledRegistry } from '../src/registry/registry.ts';
import type { Reporter } from '../src/report/reporter.ts';

const [runDir, names = ''] = process.argv.slice(2);
const registry = bundledRegistry();
const reporters = (await Promise.all(names.split(',').filter(Boolean).map((n) => registry.get('reporter', n)))) as Reporter[];
const manifest = JSON.parse(readFileSync(join(runDir!, 'run.json'), 'utf8'));
const t0 = performance.now();
await buildReport(runDir!, latestPerEpisode(readResults(join(runDir!, 'results.jsonl'))), { scenarios: manifest.scenarios, loadErrors: [], reporters });
console.log(JSON.stringify({ reporters: names || 'none', ms: Math.round(performance.now() - t0), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
