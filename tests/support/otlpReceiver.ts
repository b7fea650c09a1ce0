import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in OTLP/HTTP collector: keeps every JSON export request POSTed to /v1/traces. */
export interface OtlpReceiver {
  url: string;
  requests: { path: string; contentType: string; body: unknown }[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const requests: OtlpReceiver['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const contentType = String(req.headers['content-type'] ?? '');
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ path: req.url ?? '', contentType, body: contentType.includes('json') ? JSON.parse(text) : text });
      res.writeHead(req.url === '/v1/traces' ? 200 : 404, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: Record<string, unknown> }[];
  events?: { name: string; attributes: { key: string; value: Record<string, unknown> }[] }[];
  status?: { code?: number; message?: string };
}

/** Every span of a list of OTLP JSON export requests. */
export function spansOf(bodies: unknown[]): OtlpSpan[] {
  return bodies.flatMap((b) => (b as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
}

/** An OTLP attribute list as a plain object (string, int, bool, double and string arrays). */
export function attrs(list: { key: string; value: Record<string, unknown> }[] = []): Record<string, unknown> {
  const plain = (v: Record<string, unknown>): unknown =>
    'stringValue' in v ? v.stringValue : 'intValue' in v ? Number(v.intValue) : 'boolValue' in v ? v.boolValue : 'doubleValue' in v ? v.doubleValue
      : 'arrayValue' in v ? ((v.arrayValue as { values?: Record<string, unknown>[] }).values ?? []).map(plain) : v;
  return Object.fromEntries(list.map((a) => [a.key, plain(a.value)]));
}
