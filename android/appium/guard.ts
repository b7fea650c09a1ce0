import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowedHosts } from '../../src/public/index.ts';

/** Larger than any WebDriver command a client sends (text, actions); Appium's own limit is 1 GB. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

interface RequestServer {
  listeners(event: 'request'): ((req: IncomingMessage, res: ServerResponse) => void)[];
  removeAllListeners(event: 'request'): unknown;
  on(event: 'request', listener: (req: IncomingMessage, res: ServerResponse) => void): unknown;
}

/** What is wrong with a request before Appium reads it: a status and a W3C error, or nothing. */
export function refusal(req: IncomingMessage, hosts: ReadonlySet<string>): { status: number; error: string; message: string } | undefined {
  // A page whose DNS name was rebound to this address names its own host; any local client names ours.
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return { status: 403, error: 'unknown error', message: `Host "${req.headers.host ?? ''}" is not this server's` };
  // WebDriver clients send no Origin; a page in a browser does, and no page is this server's.
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(origin.toLowerCase().replace(/^https?:\/\//, ''))) return { status: 403, error: 'unknown error', message: `requests from web pages (Origin ${origin}) are refused` };
  const length = req.headers['content-length'];
  if (length === undefined && req.headers['transfer-encoding'] !== undefined) return { status: 411, error: 'invalid argument', message: 'send the body with a Content-Length' };
  if (length !== undefined && !(Number(length) <= MAX_BODY_BYTES)) return { status: 413, error: 'invalid argument', message: `the body is over ${MAX_BODY_BYTES} bytes` };
  return undefined;
}

/**
 * The door of a Tripwire Appium server, in front of Appium's own request handler: the viewer's Host
 * and Origin checks, and a body limit checked before a byte of the body is read.
 */
export function guard(server: RequestServer, bound: string, port: number): void {
  const hosts = allowedHosts(bound, port);
  const handlers = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const refused = refusal(req, hosts);
    if (!refused) {
      for (const h of handlers) h(req, res);
      return;
    }
    // The body is never read: the connection closes after the answer.
    res.writeHead(refused.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(JSON.stringify({ value: { error: refused.error, message: refused.message, stacktrace: '' } }));
  });
}
