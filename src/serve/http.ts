import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/server';
import type { AgentChannel } from '../agent/channel.ts';
import { processSecrets } from '../run/secrets.ts';

/** Larger requests are refused before they are read: a hostile client must not fill memory. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** A request body as text, or undefined once it passes `max` bytes (the rest is not read). */
function readLimited(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        resolve(undefined);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

export interface McpHttpEndpoint {
  /** http://127.0.0.1:<port>/mcp */
  url: string;
  /** Clients send it as `Authorization: Bearer <token>`. Registered as a secret: never written anywhere. */
  token: string;
  /** The MCP server behind it (to learn when the client has initialized, and its name). */
  server: Server;
  close(): Promise<void>;
}

export interface McpHttpOptions {
  channel: AgentChannel;
  port?: number;
  /** Where the token is registered as a secret (the run's registry; default: the process's). */
  secrets?: { add(value: unknown): void };
  /** Called once when the client ends its session (DELETE) or the connection to it is closed for good. */
  onSessionClosed?: () => void;
}

function deny(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

function authorized(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * One episode's Streamable HTTP MCP endpoint, on loopback only, behind a per-episode bearer token.
 * It takes one session: the transport refuses a second `initialize` with a clear error, and the
 * episode goes on with the first.
 */
export async function serveMcpHttp(o: McpHttpOptions): Promise<McpHttpEndpoint> {
  const token = randomBytes(24).toString('base64url');
  (o.secrets ?? processSecrets).add(token);
  // The MCP SDK is loaded when an endpoint opens: the public entry exports this, and every command loads that.
  const [{ localhostHostValidation, localhostOriginValidation, NodeStreamableHTTPServerTransport }, { episodeServer }] = await Promise.all([
    import('@modelcontextprotocol/node'), import('./mcpServer.ts'),
  ]);
  const transport = new NodeStreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  const server = episodeServer(o.channel);
  let closed = false;
  server.onclose = () => {
    if (closed) return;
    closed = true;
    o.onSessionClosed?.();
  };
  await server.connect(transport);
  const validHost = localhostHostValidation();
  const validOrigin = localhostOriginValidation();
  const http = createServer((req, res) => {
    if (!validHost(req, res) || !validOrigin(req, res)) return; // DNS rebinding: answered 403 by the guards
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/mcp') return deny(res, 404, 'not found; the MCP endpoint is /mcp');
    if (!authorized(req, token)) return deny(res, 401, 'missing or wrong bearer token (TRIPWIRE_MCP_TOKEN)', { 'www-authenticate': 'Bearer' });
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return deny(res, 413, `request larger than ${MAX_REQUEST_BYTES} bytes`, { connection: 'close' });
    const handle = (parsed?: unknown) =>
      transport.handleRequest(req, res, parsed).catch((e: unknown) => {
        if (!res.headersSent) deny(res, 500, `internal error: ${(e as Error).message}`);
      });
    if (req.method !== 'POST') return void handle();
    // Read here, counted as it arrives: a chunked body has no length to check beforehand.
    void readLimited(req, MAX_REQUEST_BYTES).then((text) => {
      if (text === undefined) return deny(res, 413, `request larger than ${MAX_REQUEST_BYTES} bytes`, { connection: 'close' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'parse error: the body is not JSON' }, id: null }));
      }
      void handle(parsed);
    });
  });
  http.maxRequestsPerSocket = 0;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    token,
    server,
    async close() {
      closed = true; // our own closing is not the client going away
      await server.close().catch(() => {});
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
