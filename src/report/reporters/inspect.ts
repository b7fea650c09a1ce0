import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ioError } from '../atomic.ts';
import { defineReporter, type ReportContext } from '../reporter.ts';
import { InspectLog, type LogContext } from '../inspect/log.ts';
import { InspectJsonLog } from '../inspect/jsonLog.ts';
import { readManifest } from '../runFacts.ts';
import { tripwireVersion } from '../../run/version.ts';

/** Where the logs go in the run folder: one per agent, named as Inspect names its own. */
export const INSPECT_DIR = 'inspect';

/**
 * Inspect AI eval logs, one per agent (each agent is Inspect's "model"): `inspect view` and
 * Inspect's log viewer open them beside other evaluations. `inspect` writes the `.eval` zip
 * (format version 2); `inspect-json` the single-file `.json` log.
 */
export default defineReporter({
  name: 'inspect',
  description: 'Inspect AI eval logs (.eval, format version 2), one per agent, in inspect/',
  file: `${INSPECT_DIR}/`,
  create: (ctx) => inspectRun(ctx, 'eval'),
});

export const inspectJson = defineReporter({
  name: 'inspect-json',
  description: 'Inspect AI eval logs as .json files, one per agent, in inspect/',
  file: `${INSPECT_DIR}/`,
  create: (ctx) => inspectRun(ctx, 'json'),
});

function inspectRun(ctx: ReportContext, format: 'eval' | 'json') {
  const dir = join(ctx.runDir, INSPECT_DIR);
  const logs = new Map<string, InspectLog | InspectJsonLog>();
  const log = logContext(ctx);
  const stamp = log.created.replace(/:/g, '-').replace(/\.\d+Z$/, '+00-00');
  const open = (agent: string) => {
    let l = logs.get(agent);
    if (l) return l;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${stamp}_tripwire-${agent.replace(/[^A-Za-z0-9._-]+/g, '-')}_${log.runId}.${format}`);
    try {
      l = format === 'eval' ? new InspectLog(file, agent, log) : new InspectJsonLog(file, agent, log);
    } catch (e) {
      throw ioError(file, e);
    }
    logs.set(agent, l);
    return l;
  };
  return {
    onResult(r: Parameters<InspectLog['add']>[0]) {
      open(r.agent).add(r, ctx.trace(r.episodeId));
    },
    onEnd({ summary }: { summary: Parameters<InspectLog['end']>[0] }) {
      for (const l of logs.values()) {
        try {
          l.end(summary);
        } catch (e) {
          l.abort();
          throw ioError(l.file, e);
        }
      }
    },
  };
}

function logContext(ctx: ReportContext): LogContext {
  const manifest = readManifest(ctx.runDir);
  const device = manifest.device;
  const listed = new Map((manifest.scenarios ?? []).map((s) => [s.id, s]));
  const runId = manifest.runId ?? ctx.runId;
  return {
    runId,
    created: createdAt(runId),
    version: tripwireVersion(),
    scenarios: new Map(ctx.scenarios.map((s) => [s.id, { title: s.title, risk: s.risk, instruction: s.instruction, hash: listed.get(s.id)?.hash, checks: listed.get(s.id)?.checks }])),
    ...(device ? { device } : {}),
    redact: (text) => ctx.secrets.redact(text),
  };
}

/** A run id starts with its UTC creation time (`20261207-024134-...`): the log's `created`. */
export function createdAt(runId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(runId);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : new Date(0).toISOString();
}
