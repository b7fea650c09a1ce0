import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

/**
 * The viewer's door: who may come in. A request must name this server in its Host header (a page
 * on another site that rebinds its DNS name to this address names its own), a state-changing
 * request from a browser must come from this server's own origin, and every request must carry
 * the run's token: in the query once (the address the CLI prints), then in an HttpOnly cookie.
 */

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

export const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);
const isAny = (host: string) => host === '0.0.0.0' || host === '::';
const bracket = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** The names a request may give in its Host header for a server bound to `host` on `port`. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(LOOPBACK);
  names.add(bracket(host));
  if (isAny(host)) {
    names.add(hostname());
    for (const addrs of Object.values(networkInterfaces())) for (const a of addrs ?? []) names.add(bracket(a.address));
  }
  // A non-loopback address answers to its own name only (and loopback, from this machine).
  return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
}

/** An address that works from another machine for a server bound to `host`. */
export function reachableHost(host: string): string {
  if (!isAny(host)) return host;
  for (const addrs of Object.values(networkInterfaces())) for (const a of addrs ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  return hostname();
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export class Door {
  readonly cookie: string;
  readonly #token: Buffer;
  readonly #hosts: Set<string>;

  constructor(token: string, hosts: Set<string>, port: number) {
    this.#token = digest(token);
    this.#hosts = hosts;
    // Cookies are not told apart by port: each viewer on this machine has its own name.
    this.cookie = `tripwire_${port}`;
  }

  /** Equal-length digests compared in constant time: any string (non-ASCII, any length) is just wrong. */
  tokenMatches(given: unknown): boolean {
    return typeof given === 'string' && timingSafeEqual(digest(given), this.#token);
  }

  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    if (!host || !this.#hosts.has(host)) return false;
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    // Browsers send Origin with every POST; other clients (curl, scripts) send none and carry the token.
    const origin = req.headers.origin;
    return origin === undefined || this.#hosts.has(origin.toLowerCase().replace(/^http:\/\//, ''));
  }

  /** The token as the request carries it: the query (first visit, scripts), a header, or the cookie. */
  authorized(req: IncomingMessage, url: URL): boolean {
    return [url.searchParams.get('token'), req.headers['x-tripwire-token'], cookies(req).get(this.cookie)].some((t) => t && this.tokenMatches(t));
  }

  /** The cookie that replaces the token in the address bar: not readable by script, never sent cross-site. */
  setCookie(token: string): string {
    return `${this.cookie}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
  }
}

function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    try {
      out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
    } catch {
      // a malformed cookie is no token
    }
  }
  return out;
}
