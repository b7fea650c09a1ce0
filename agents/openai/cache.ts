import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A fetch that answers from an on-disk cache of successful responses, keyed by the URL (base URL
 * and path), the request body (model, messages, tools, parameters) and the trial number, so that
 * a re-run costs nothing and replays exactly while trials stay independent samples. Headers (and
 * so the API key) are not part of the key and are never stored. Secrets are redacted from the
 * stored response, and from the body before it is hashed: a conversation that carried a secret
 * the first time carries `[redacted]` on replay, and must find the same entry.
 */
let writes = 0;

/** Redacted as JSON values where it parses (escaping cannot hide a secret), as text otherwise. */
function scrubbed(text: string, secrets: { redact(text: string): string }): string {
  try {
    return secrets.redact(JSON.stringify(JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? secrets.redact(value) : value))));
  } catch {
    return secrets.redact(text);
  }
}

export function cachedFetch(dir: string, trial: number, secrets: { redact(text: string): string }, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : undefined;
    if (body === undefined || (init?.method ?? 'GET').toUpperCase() !== 'POST') return inner(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const key = createHash('sha256').update(JSON.stringify({ url: secrets.redact(url), body: secrets.redact(body), trial })).digest('hex');
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    if (existsSync(file)) {
      return new Response(readFileSync(file), { status: 200, headers: { 'content-type': 'application/json', 'x-tripwire-cache': 'hit' } });
    }
    const response = await inner(input, init);
    if (response.ok) {
      const text = await response.clone().text();
      mkdirSync(dirname(file), { recursive: true });
      // Written aside and renamed: a concurrent reader never sees half a response.
      const tmp = `${file}.${process.pid}.${++writes}.tmp`;
      writeFileSync(tmp, scrubbed(text, secrets));
      renameSync(tmp, file);
    }
    return response;
  };
}
