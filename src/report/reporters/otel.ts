import { join } from 'node:path';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { TripwireError } from '../../engine/errors.ts';
import { tripwireVersion } from '../../run/version.ts';
import { defineReporter } from '../reporter.ts';
import { Collector, createExporter, otlpEndpoint, send } from '../otel/export.ts';
import { EpisodeIds, episodeSpans } from '../otel/spans.ts';
import { createdAt } from './inspect.ts';
import { readManifest } from '../runFacts.ts';

/** Spans are sent a batch at a time as results arrive: memory stays flat. */
const BATCH = 512;
export const OTEL_FILE = 'otel-traces.jsonl';

/**
 * OpenTelemetry spans of every episode, GenAI semantic conventions (src/report/otel/spans.ts),
 * through the official JS SDK: to the OTLP/HTTP endpoint OTEL_EXPORTER_OTLP_ENDPOINT (or
 * ..._TRACES_ENDPOINT, or `--otlp`) names, else as OTLP JSON lines in the run folder.
 */
export default defineReporter({
  name: 'otel',
  description: `OpenTelemetry GenAI spans: to OTEL_EXPORTER_OTLP_ENDPOINT (or --otlp), else ${OTEL_FILE}`,
  file: OTEL_FILE,
  create(ctx) {
    const manifest = readManifest(ctx.runDir);
    const runId = manifest.runId ?? ctx.runId;
    const ids = new EpisodeIds();
    const collector = new Collector();
    const provider = new BasicTracerProvider({
      idGenerator: ids,
      spanProcessors: [collector],
      resource: resourceFromAttributes({ 'service.name': 'tripwire', 'service.version': tripwireVersion(), 'tripwire.run.id': runId }),
    });
    const tracer = provider.getTracer('tripwire', tripwireVersion());
    const exporter = createExporter(join(ctx.runDir, OTEL_FILE));
    const where = otlpEndpoint() ? 'the OTLP endpoint' : join(ctx.runDir, OTEL_FILE);
    const flush = async () => {
      try {
        await send(exporter, collector.take());
      } catch (e) {
        // Never the endpoint's URL in the message: it may carry credentials.
        throw new TripwireError('io', `cannot export spans to ${where}: ${ctx.secrets.redact((e as Error).message)}`, { cause: e });
      }
    };
    const runStart = Date.parse(createdAt(runId));
    const checks = new Map((manifest.scenarios ?? []).flatMap((s) => (s.checks ? [[s.id, s.checks] as const] : [])));
    return {
      async onResult(r) {
        episodeSpans(r, ctx.trace(r.episodeId) ?? [], runId, { tracer, ids, runStart, redact: (t) => ctx.secrets.redact(t), ...(manifest.device ? { device: manifest.device } : {}), ...(checks.has(r.scenarioId) ? { checks: checks.get(r.scenarioId)! } : {}) });
        if (collector.spans.length >= BATCH) await flush();
      },
      async onEnd() {
        await flush();
        await exporter.shutdown();
      },
    };
  },
});
