import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Where spans go: the OTLP HTTP endpoint the standard variables name, else a file in the run folder. */
export function otlpEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

export function createExporter(file: string, env: NodeJS.ProcessEnv = process.env): SpanExporter {
  const url = otlpEndpoint(env);
  return url ? new OTLPTraceExporter({ url }) : new FileSpanExporter(file);
}

/**
 * OTLP JSON, one export request per line (what the OpenTelemetry Collector's file exporter writes):
 * a collector's `otlpjsonfile` receiver, or any OTLP/HTTP endpoint by a POST per line, takes it.
 */
export class FileSpanExporter implements SpanExporter {
  private readonly tmp: string;

  /** Written beside the file and renamed over it at shutdown: a rebuilt report replaces the spans, never adds to them. */
  constructor(readonly file: string) {
    this.tmp = `${file}.tmp`;
    writeFileSync(this.tmp, '');
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      const body = JsonTraceSerializer.serializeRequest(spans);
      appendFileSync(this.tmp, `${Buffer.from(body ?? new Uint8Array()).toString('utf8')}\n`);
      done({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {
    renameSync(this.tmp, this.file);
  }
}

/** Holds ended spans until the reporter sends them: a batch at a time, never dropped (a BatchSpanProcessor drops when full). */
export class Collector implements SpanProcessor {
  spans: ReadableSpan[] = [];
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    this.spans.push(span);
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}

  take(): ReadableSpan[] {
    const out = this.spans;
    this.spans = [];
    return out;
  }
}

export function send(exporter: SpanExporter, spans: ReadableSpan[]): Promise<void> {
  if (!spans.length) return Promise.resolve();
  return new Promise((resolve, reject) => exporter.export(spans, (r) => (r.code === ExportResultCode.SUCCESS ? resolve() : reject(r.error ?? new Error('the OTLP export failed')))));
}
