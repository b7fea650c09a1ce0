/**
 * Secrets (API keys, tokens, passwords) are kept in a registry and scrubbed from everything Tripwire
 * writes: traces, results, reports, cache files, the terminal, the viewer. Each run has its own
 * registry (`runSecrets`), filled where the run starts; the process registry behind `addSecret` and
 * `redact` is only the parent every run registry also consults.
 */

export const REDACTED = '[redacted]';
/**
 * A name holds a secret when one of its words (split at `_`, `-`, `.` and camel humps) is one of these:
 * OPENAI_API_KEY, GITHUB_TOKEN, DB_PASSWORD, GH_PAT, SENTRY_DSN, SLACK_WEBHOOK_URL, MY_CREDS, apiKey.
 */
const SECRET_WORDS = new Set(['KEY', 'TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'PASSPHRASE', 'PAT', 'CREDS', 'CREDENTIALS', 'DSN', 'WEBHOOK']);
/** ...or ends with one of these (APIKEY, ACCESSTOKEN, CLIENTSECRET); not TOKENIZER, not SECRETS_DIR. */
const SECRET_ENDINGS = ['KEY', 'TOKEN', 'SECRET', 'PASSWORD'];
/** A URL that carries a password: postgres://app:hunter22@db/app. */
export const URL_WITH_PASSWORD = /[a-z][\w+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
/** Shorter values are too likely to be ordinary words. */
const MIN_LENGTH = 8;
/** A shorter echo of a key (a provider quoting part of it) is still redacted from this length on. */
const FRAGMENT = 12;

/** What a writer needs: scrub a text, or every string (and key) of a JSON value before it is encoded. */
export interface Redactor {
  redact(text: string): string;
  redactValue<T>(value: T): T;
  /** True when, for now, redact and redactValue change nothing (no secret is registered): a writer may skip them. */
  inert?(): boolean;
}

/** Is an environment variable with this name a secret? */
export function isSecretName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[^A-Z0-9]+/);
  return words.some((w) => SECRET_WORDS.has(w) || SECRET_ENDINGS.some((e) => w.endsWith(e)));
}

/** A config field naming the environment variable that holds a secret: `apiKeyEnv`, `tokenEnv`, `dsnEnv`. */
function isSecretEnvField(field: string): boolean {
  return /Env$/.test(field) && isSecretName(field.slice(0, -3));
}

/**
 * The ways a value appears in what Tripwire writes: raw, JSON-escaped (once, and again for JSON
 * inside a JSON string, as in an error body quoted in a message) and URL-encoded.
 */
function encodings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const forms = [value, json, JSON.stringify(json).slice(1, -1), encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)];
  return [...new Set(forms)];
}

/** Bumped on every registration anywhere, so a child registry notices its parent changed. */
let generation = 0;

export class Secrets implements Redactor {
  readonly #values = new Set<string>();
  readonly #parent: Secrets | undefined;
  #compiled: { generation: number; short: string[]; fragments: Set<string>; seen: Uint8Array } | undefined;

  constructor(parent?: Secrets) {
    this.#parent = parent;
  }

  add(value: unknown): this {
    if (typeof value === 'string' && value.length >= MIN_LENGTH && !this.#values.has(value)) {
      this.#values.add(value);
      generation++;
    }
    return this;
  }

  /** Registers the values of environment variables whose names say they are secrets, and URLs with a password. */
  addFromEnv(env: NodeJS.ProcessEnv = process.env): this {
    for (const [name, value] of Object.entries(env)) if (isSecretName(name) || (value && URL_WITH_PASSWORD.test(value))) this.add(value);
    return this;
  }

  /**
   * Registers every string a config holds under a secret-looking field (`apiKey`, `token`), and the
   * value of every environment variable a config names through `apiKeyEnv` (or `tokenEnv`, ...).
   */
  addFromConfig(value: unknown, env: NodeJS.ProcessEnv = process.env, field = ''): this {
    if (typeof value === 'string') {
      if (isSecretEnvField(field)) this.add(env[value]);
      else if (isSecretName(field) || URL_WITH_PASSWORD.test(value)) this.add(value);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.addFromConfig(v, env, k);
    }
    return this;
  }

  #all(): string[] {
    return [...(this.#parent ? this.#parent.#all() : []), ...this.#values];
  }

  #compile() {
    if (this.#compiled?.generation === generation) return this.#compiled;
    const short: string[] = [];
    const fragments = new Set<string>();
    for (const secret of this.#all()) {
      for (const form of encodings(secret)) {
        // A form at least FRAGMENT long is covered by its windows; shorter ones are matched whole.
        if (form.length < FRAGMENT) short.push(form);
        // No window starts inside an escape: `"ss\\word` from `a\"ss\\word` would match a string's own opening quote.
        for (let i = 0; i + FRAGMENT <= form.length; i++) if (backslashesBefore(form, i) % 2 === 0) fragments.add(form.slice(i, i + FRAGMENT));
      }
    }
    short.sort((a, b) => b.length - a.length);
    // Which window hashes (folded to 16 bits) belong to a fragment: most windows are rejected here.
    const seen = new Uint8Array(1 << 16);
    for (const f of fragments) seen[fold(windowHash(f))] = 1;
    this.#compiled = { generation, short, fragments, seen };
    return this.#compiled;
  }

  inert(): boolean {
    const { short, fragments } = this.#compile();
    return short.length === 0 && fragments.size === 0;
  }

  redact(text: string): string {
    const { short, fragments, seen } = this.#compile();
    if ((short.length === 0 && fragments.size === 0) || text.length < MIN_LENGTH) return text;
    const ranges: [number, number][] = [];
    if (fragments.size && text.length >= FRAGMENT) {
      // A rolling hash finds candidate windows without slicing at every position (traces are written per action).
      let h = 0;
      for (let i = 0; i < text.length; i++) {
        h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
        if (i >= FRAGMENT) h = (h - Math.imul(text.charCodeAt(i - FRAGMENT), BASE_POW)) | 0;
        if (i >= FRAGMENT - 1 && seen[fold(h)] === 1 && fragments.has(text.slice(i - FRAGMENT + 1, i + 1))) ranges.push([i - FRAGMENT + 1, i + 1]);
      }
    }
    for (const form of short) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) ranges.push([i, i + form.length]);
    }
    if (ranges.length === 0) return text;
    return replaceRanges(text, ranges);
  }

  /** A copy of a JSON value with every string and key redacted: run before encoding, so escaping cannot hide a secret. */
  redactValue<T>(value: T): T {
    const { short, fragments } = this.#compile();
    if (short.length === 0 && fragments.size === 0) return value;
    return this.#walk(value) as T;
  }

  #walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object') return value;
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return this.#walk(json.call(value));
    if (Array.isArray(value)) return value.map((v) => this.#walk(v));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = this.redact(k);
      // A key "__proto__" (JSON.parse makes one) must stay a key, not set the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: this.#walk(v), enumerable: true, writable: true, configurable: true });
      else out[key] = this.#walk(v);
    }
    return out;
  }
}

/**
 * Replaces the merged ranges by REDACTED. A range is widened so it never cuts a backslash escape in
 * two: half an escape left behind would make a JSON line unreadable or end its string early.
 */
function replaceRanges(text: string, ranges: [number, number][]): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  let i = 0;
  while (i < ranges.length) {
    let [start, end] = ranges[i]!;
    for (i++; i < ranges.length && ranges[i]![0] <= end; i++) end = Math.max(end, ranges[i]![1]);
    if (backslashesBefore(text, start) % 2 === 1) start--;
    if (backslashesBefore(text, end) % 2 === 1 && end < text.length) end += text[end] === 'u' ? 5 : 1;
    end = Math.min(end, text.length);
    while (i < ranges.length && ranges[i]![0] <= end) end = Math.max(end, ranges[i++]![1]);
    out += text.slice(at, Math.max(at, start)) + REDACTED;
    at = end;
  }
  return out + text.slice(at);
}

const BASE = 0x01000193;
const BASE_POW = Array.from({ length: FRAGMENT }).reduce<number>((p) => Math.imul(p, BASE), 1);

/** The rolling hash `redact` computes for a window of FRAGMENT characters. */
function windowHash(window: string): number {
  let h = 0;
  for (let i = 0; i < FRAGMENT; i++) h = (Math.imul(h, BASE) + window.charCodeAt(i)) | 0;
  return h;
}

const fold = (h: number) => (h ^ (h >>> 16)) & 0xffff;

function backslashesBefore(text: string, index: number): number {
  let n = 0;
  while (index - n - 1 >= 0 && text[index - n - 1] === '\\') n++;
  return n;
}

/** The process registry: what `addSecret` fills and every run registry consults. */
export const processSecrets = new Secrets();

/** A run's registry: the environment's secrets and the config's, on top of the process registry. */
export function runSecrets(config?: unknown, env: NodeJS.ProcessEnv = process.env): Secrets {
  return new Secrets(processSecrets).addFromEnv(env).addFromConfig(config, env);
}

export function addSecret(value: unknown): void {
  processSecrets.add(value);
}

export function addSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  processSecrets.addFromEnv(env);
}

export function redact(text: string): string {
  return processSecrets.redact(text);
}
