import type OpenAI from 'openai';

/** The headers of every request the agent makes: its body is a string of JSON (see requestBody.ts). */
export const JSON_BODY_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

type Built = Awaited<ReturnType<OpenAI['buildRequest']>>;
type Options = Parameters<OpenAI['buildRequest']>[0];

/**
 * The real `openai` client, which builds the same request for every model call of an agent only
 * once per retry count. The client makes each request's headers afresh: a Headers object filled from
 * seven sources, validated, then walked again to log nothing (its log line is formatted even when
 * logging is off) and by the transport. On bench/model.ts's tool batch that was about a tenth of the
 * client's CPU per request, for the same dozen headers every time: the user agent, the platform,
 * the key, the retry count, the timeout. Here the client's own buildRequest makes them once per
 * (retry count, key, path), the first time, and later requests get a copy as a plain object, which
 * the logging and the transport read without the Headers machinery. A request the agent did not make
 * this way (another body, headers or options of its own) is built by the client as always.
 *
 * What the headers depend on besides those is fixed when the client is made, and index.ts makes it
 * with a string key and none of the client's per-request header sources (idempotency keys, a cloud
 * provider, workload identity). The class is named OpenAI: the client's user agent is its class name.
 */
export function leanClientClass(Base: typeof OpenAI): typeof OpenAI {
  return class OpenAI extends Base {
    readonly #built = new Map<string, { url: string; headers: Record<string, string> }>();

    override async buildRequest(options: Options, { retryCount = 0 }: { retryCount?: number } = {}): Promise<Built> {
      const own = options.headers === JSON_BODY_HEADERS && typeof options.body === 'string' && !('timeout' in options) &&
        options.query === undefined && options.idempotencyKey === undefined && options.fetchOptions === undefined && options.defaultBaseURL === undefined;
      if (!own) return super.buildRequest(options, { retryCount });
      const key = `${retryCount}\n${options.method}\n${options.path}\n${this.apiKey}`;
      let known = this.#built.get(key);
      if (!known) {
        const { req, url, timeout } = await super.buildRequest(options, { retryCount });
        const headers: Record<string, string> = {};
        new Headers(req.headers).forEach((value, name) => (headers[name] = value));
        // Anything else the client put in the request (its fetch options, a streamed body) is its own: not reused.
        const plain = Object.keys(req).every((k) => k === 'method' || k === 'headers' || k === 'signal' || k === 'body') && req.body === options.body;
        if (!plain) return { req, url, timeout };
        this.#built.set(key, (known = { url, headers }));
      }
      // Typed a Headers; read only by what handles both (the log line, fetch) when no provider or workload identity is set.
      const req = { method: options.method, headers: { ...known.headers }, ...(options.signal ? { signal: options.signal } : {}), body: options.body as string } as unknown as Built['req'];
      return { req, url: known.url, timeout: this.timeout };
    }
  } as typeof OpenAI;
}
