import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { urlToHttpOptions } from 'node:url';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * The `fetch` the OpenAI client is given: node:http with keep-alive agents instead of the global
 * fetch (undici). Measured on bench/model.ts's tool batch, the client over undici cost about 2.2 ms
 * of CPU per request and over this about 0.9 ms: at 64 episodes in flight that CPU is what keeps a
 * batch from the ideal. The client stays the real `openai` package (retries, errors, streaming); only
 * its transport changes. What this does not handle as cheaply (a Request as input, streamed or form
 * bodies, protocols other than http and https, redirects) goes to the global fetch, which is correct
 * for everything. It logs nothing: the request's headers (the API key) are never printed or kept.
 */

// Shared by every client of the process; idle sockets are unref'd by Node, so they never hold it open.
// Idle sockets are closed after 4 s, before the 5 s that Node servers (and many proxies) keep them.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, timeout: 4_000 }),
  'https:': new HttpsAgent({ keepAlive: true, timeout: 4_000 }),
};
const requests = { 'http:': httpRequest, 'https:': httpsRequest };

/** Statuses whose response has no body, which Response refuses one for. */
const NO_BODY = new Set([101, 204, 205, 304]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** How writing to or reading from a socket the server has closed fails. */
const STALE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** As fetch fails (a TypeError), with what went wrong in the message: it reaches the trace as the episode's reason. */
const failed = (cause: Error) => new TypeError(`fetch failed: ${cause.message}`, { cause });

const abortError = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

function plainHeaders(given: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!given) return out;
  if (given instanceof Headers) given.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(given)) for (const [k, v] of given) out[k!.toLowerCase()] = v!;
  else for (const [k, v] of Object.entries(given)) out[k.toLowerCase()] = v;
  return out;
}

/** The response's headers as name-value pairs, for the Response to take in one go (a Headers made first would be copied). */
function responseHeaders(res: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/** As fetch decodes a text body: UTF-8, bad bytes replaced, a leading byte order mark dropped. */
function utf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A Response whose body is one buffer, read whole before it was made (the client's JSON answers):
 * `json()` and `text()` decode the buffer at once. undici's Response wraps a byte body in a
 * ReadableStream and reads it back through the stream machinery: on bench/model.ts's tool batch that
 * cost about 25 µs of CPU per request, this 5 (a microbenchmark of make-and-parse; the engine's whole
 * budget is 1 ms). Status, headers, `ok` and the rest are the real Response's; what is rarely used
 * (`body`, `blob()`, `formData()`) is a real Response made on first use, so it behaves as fetch's would.
 * A body is read once, as fetch's is: a second read fails, `bodyUsed` tells, `clone()` before it works.
 */
class BufferedResponse extends Response {
  readonly #bytes: Buffer;
  readonly #url: string;
  #used = false;
  /** The real Response, once `body`, `blob()` or `formData()` asked for one: from then on it owns the body. */
  #real: Response | undefined;

  constructor(bytes: Buffer, init: ResponseInit, url: string) {
    super(null, init);
    this.#bytes = bytes;
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#whole().body;
  }

  #whole(): Response {
    if (!this.#real) {
      this.#real = new Response(this.#bytes as Uint8Array<ArrayBuffer>, { status: this.status, statusText: this.statusText, headers: this.headers });
      // Read already: its stream is as used as ours.
      if (this.#used) void this.#real.arrayBuffer();
    }
    return this.#real;
  }

  /** The bytes, once; the second time fails as fetch's does. */
  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }

  override json(): Promise<any> {
    if (this.#real) return this.#real.json();
    try {
      return Promise.resolve(JSON.parse(utf8(this.#take())));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  override text(): Promise<string> {
    if (this.#real) return this.#real.text();
    try {
      return Promise.resolve(utf8(this.#take()));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#real) return this.#real.arrayBuffer();
    try {
      const b = this.#take();
      return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#real) return this.#real.bytes();
    try {
      return Promise.resolve(new Uint8Array(this.#take()));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  override blob(): Promise<Blob> {
    return this.#whole().blob();
  }

  override formData(): Promise<FormData> {
    return this.#whole().formData();
  }

  override clone(): Response {
    if (this.#real) return this.#real.clone();
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers }, this.#url);
  }
}

/** The body as sent, decoded as fetch decodes it (the request asks for none, but a server may send it). */
function decoded(res: IncomingMessage): Readable {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** The whole body, read before the Response is made: a JSON answer is parsed from one buffer. */
function collect(body: Readable, signal: AbortSignal | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (c: Buffer) => chunks.push(c));
    body.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    body.on('error', (e) => reject(signal?.aborted ? abortError(signal) : failed(e)));
    body.once('close', () => {
      if (!body.readableEnded) reject(signal?.aborted ? abortError(signal) : failed(new Error('the connection closed before the response ended')));
    });
  });
}

/** A URL, and the request options node:http makes of it (as `request(url, options)` does each time). */
interface Target {
  readonly url: URL;
  readonly options: RequestOptions;
}

export interface HttpFetchOptions {
  /** What cannot go over node:http; default: the global fetch. */
  fallback?: typeof fetch;
}

export function httpFetch({ fallback = (...args) => fetch(...args) }: HttpFetchOptions = {}): typeof fetch {
  const send = (target: Target, init: RequestInit, headers: Record<string, string>, body: string | Uint8Array | undefined, fresh: boolean): Promise<Response> =>
    new Promise((resolve, reject) => {
      const { url } = target;
      const { signal } = init;
      if (signal?.aborted) return reject(abortError(signal));
      const protocol = url.protocol as keyof typeof agents;
      // `agent: false`: a connection of its own, never a kept-alive one that may be stale.
      const req = requests[protocol]({ ...target.options, method: init.method ?? 'GET', headers, agent: fresh ? false : agents[protocol] });
      let answered = false;
      const onAbort = () => req.destroy(abortError(signal!) as Error);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      req.on('error', (e) => {
        if (answered) return; // the body's own stream reports it
        done();
        if (signal?.aborted) return reject(abortError(signal));
        // A kept-alive socket the server closed as we reused it (a busy process may see the close late):
        // nothing was answered; send it again, once, on a new connection.
        if (req.reusedSocket && !fresh && STALE.has((e as NodeJS.ErrnoException).code ?? '')) return resolve(send(target, init, headers, body, true));
        reject(failed(e));
      });
      req.once('response', (res) => {
        answered = true;
        const status = res.statusCode ?? 0;
        if (REDIRECT.has(status) && res.headers.location) {
          // Rare with model servers; the global fetch follows redirects as the standard says.
          done();
          res.resume();
          return resolve(fallback(url, init));
        }
        const meta = { status, statusText: res.statusMessage ?? '', headers: responseHeaders(res) };
        const respond = (payload: ReadableStream | null) => {
          const response = new Response(payload, meta);
          Object.defineProperty(response, 'url', { value: url.href });
          return response;
        };
        if (NO_BODY.has(status) || init.method === 'HEAD') {
          done();
          res.resume();
          return resolve(respond(null));
        }
        const stream = decoded(res);
        if (stream !== res) res.on('error', (e) => stream.destroy(e));
        if (res.headers['content-type']?.includes('text/event-stream')) {
          // Streamed as it arrives; an abort later ends the stream with the abort's error.
          res.once('close', done);
          return resolve(respond(Readable.toWeb(stream) as ReadableStream));
        }
        collect(stream, signal ?? undefined).then(
          (buffer) => (done(), resolve(new BufferedResponse(buffer, meta, url.href))),
          (e) => (done(), reject(e)),
        );
      });
      req.end(body);
    });

  /** The client asks for the same URL each time: parsed once, with what node:http makes of it. */
  const targets = new Map<string, Target>();
  const targetOf = (input: string): Target => {
    let target = targets.get(input);
    if (!target) {
      if (targets.size >= 64) targets.clear();
      const url = new URL(input);
      targets.set(input, (target = { url, options: urlToHttpOptions(url) }));
    }
    return target;
  };

  return async (input, init = {}) => {
    const target = typeof input === 'string' ? targetOf(input) : input instanceof URL ? { url: input, options: urlToHttpOptions(input) } : undefined;
    const body = init.body;
    const simpleBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    if (!target || !(target.url.protocol in agents) || !simpleBody) return fallback(input, init);
    const headers = plainHeaders(init.headers);
    if (body != null) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    return send(target, init, headers, body ?? undefined, false);
  };
}
