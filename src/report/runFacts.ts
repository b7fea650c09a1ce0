import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestScenario } from '../run/result.ts';

/** What an exporter reads from run.json: the run's real id (a report rebuilt through `latest` has the link's name), its device and hashes. */
export interface ManifestFacts {
  runId?: string;
  device?: string;
  scenarios?: Pick<ManifestScenario, 'id' | 'hash' | 'checks'>[];
}

export function readManifest(runDir: string): ManifestFacts {
  const file = join(runDir, 'run.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ManifestFacts) : {};
}
