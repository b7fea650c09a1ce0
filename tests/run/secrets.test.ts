import { describe, expect, it } from 'vitest';
import { addSecret, isSecretName, redact, Secrets } from '../../src/run/secrets.ts';
import { createRandom } from '../../src/engine/random.ts';

const QUOTED = 'pa"ss\\word/with spaces&more-9f8e7d';

describe('secrets', () => {
  it('redacts registered values, and fragments a provider might echo', () => {
    const secrets = new Secrets().add('sk-abcdefghijklmnopqrstuvwxyz012345');
    expect(secrets.redact('key=sk-abcdefghijklmnopqrstuvwxyz012345!')).toBe('key=[redacted]!');
    expect(secrets.redact('Incorrect API key provided: sk-abcdefghijkl****')).not.toContain('sk-abcdefghijkl');
    expect(secrets.redact('nothing secret here')).toBe('nothing secret here');
  });

  it('treats every variable with a word KEY, TOKEN, SECRET, PASSWORD, PASSPHRASE, PAT, CREDS, DSN or WEBHOOK as a secret, and no other', () => {
    const secret = ['OPENAI_API_KEY', 'AZURE_OPENAI_KEY', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'CLIENT_SECRET', 'DB_PASSWORD', 'hf_token', 'OPENAI_APIKEY', 'apiKey',
      'GH_PAT', 'SLACK_WEBHOOK_URL', 'SENTRY_DSN', 'GPG_PASSPHRASE', 'MY_CREDS', 'GITHUB_TOKEN_FILE', 'GOOGLE_APPLICATION_CREDENTIALS'];
    for (const name of secret) expect(isSecretName(name), name).toBe(true);
    for (const name of ['HOME', 'PATH', 'KEYBOARD_LAYOUT', 'TOKENIZER_PATH', 'SECRETS_DIR', 'OPENAI_BASE_URL', 'PATTERN', 'XDG_DATA_DIRS', 'DSNLESS']) expect(isSecretName(name), name).toBe(false);
    const env = { AZURE_OPENAI_KEY: 'azure-0123456789abcdef', AWS_SECRET_ACCESS_KEY: 'aws/SECRET+0123456789', HOME: '/root/home/dir' };
    const secrets = new Secrets().addFromEnv(env);
    expect(secrets.redact('azure-0123456789abcdef aws/SECRET+0123456789 /root/home/dir')).toBe('[redacted] [redacted] /root/home/dir');
  });

  it('a URL that carries a password is a secret whatever its variable is called', () => {
    const secrets = new Secrets().addFromEnv({ DATABASE_URL: 'postgres://app:hunter22@db.internal/app', DOCS_URL: 'https://example.test/docs' });
    expect(secrets.redact('to postgres://app:hunter22@db.internal/app, see https://example.test/docs')).toBe('to [redacted], see https://example.test/docs');
  });

  it('finds secrets in a config by field name, and in the variables it names through apiKeyEnv', () => {
    const env = { LLM_CREDENTIAL: 'env-named-by-config-42', OTHER_VAR: 'not-named-anywhere-42' };
    const config = { agents: { a: { provider: 'openai', apiKey: 'cfg-key-1234567890', model: 'gpt-public-model' }, b: { provider: 'openai', apiKeyEnv: 'LLM_CREDENTIAL' } } };
    const secrets = new Secrets().addFromConfig(config, env);
    expect(secrets.redact('cfg-key-1234567890 env-named-by-config-42 gpt-public-model not-named-anywhere-42 LLM_CREDENTIAL')).toBe(
      '[redacted] [redacted] gpt-public-model not-named-anywhere-42 LLM_CREDENTIAL',
    );
  });

  it('a secret with quotes and backslashes is redacted after JSON encoding, once or twice, and URL encoding, and the JSON still parses', () => {
    const secrets = new Secrets().add(QUOTED);
    const once = JSON.stringify({ reason: `401: key ${QUOTED} rejected` });
    const twice = JSON.stringify({ reason: `provider said ${once}` });
    const url = `https://example.test/v1?key=${encodeURIComponent(QUOTED)}&form=${new URLSearchParams({ k: QUOTED })}`;
    for (const text of [once, twice, url]) {
      const out = secrets.redact(text);
      expect(out).toContain('[redacted]');
      for (const form of [QUOTED, JSON.stringify(QUOTED).slice(1, -1), encodeURIComponent(QUOTED), 'ss\\word/with', 'ss\\\\word/with']) expect(out).not.toContain(form);
    }
    expect(JSON.parse(secrets.redact(once))).toEqual({ reason: '401: key [redacted] rejected' });
    expect(() => JSON.parse(secrets.redact(twice))).not.toThrow();
    // A partial echo that starts or ends inside an escape must not leave half of it behind.
    const partial = JSON.stringify({ a: QUOTED.slice(1, 16), b: QUOTED.slice(3) });
    expect(() => JSON.parse(secrets.redact(partial))).not.toThrow();
  });

  it('redactValue scrubs every string and key of a value before it is encoded, leaving the original alone', () => {
    const secrets = new Secrets().add(QUOTED);
    const record = { kind: 'action', args: { [QUOTED]: [1, `say ${QUOTED}`], n: 3, ok: true, none: null } };
    const clean = secrets.redactValue(record);
    expect(clean).toEqual({ kind: 'action', args: { '[redacted]': [1, 'say [redacted]'], n: 3, ok: true, none: null } });
    expect(record.args[QUOTED]).toEqual([1, `say ${QUOTED}`]);
    expect(JSON.stringify(clean)).not.toContain('word/with');
    expect(JSON.stringify(secrets.redactValue(JSON.parse('{"__proto__": {"x": 1}}')))).toBe('{"__proto__":{"x":1}}');
  });

  it('finds every window of a secret wherever it lies in a text, as a search of every position would', () => {
    // Keys of characters no encoding changes: their fragments are their own 12-character windows, so
    // what a search of every position finds is known here without the registry's internals.
    const keys = ['sk-proj-4f9a_Zq81.Lm0x-77Pq', 'abcdefghijklmnopqrstuv', '000000000000000000000'];
    const random = createRandom('redact windows');
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    // Characters of the keys, and characters that break a run of them (a space, a quote, unicode, a letter no key has).
    const filler = ['a', 'b', 'q', 'Z', '0', '7', '-', '_', '.', ' ', '"', 'é', '中', 'W', '\n'];
    for (const key of keys) {
      const secrets = new Secrets().add(key);
      const windows = new Set(Array.from({ length: key.length - 11 }, (_, i) => key.slice(i, i + 12)));
      for (let n = 0; n < 400; n++) {
        let text = '';
        while (text.length < 200) {
          const r = random();
          text += r < 0.1 ? key : r < 0.3 ? key.slice(Math.floor(random() * (key.length - 12)), Math.floor(random() * (key.length - 12)) + 12 + Math.floor(random() * 4)) : pick(filler);
        }
        const ranges: [number, number][] = [];
        for (let i = 0; i + 12 <= text.length; i++) if (windows.has(text.slice(i, i + 12))) ranges.push([i, i + 12]);
        let expected = '';
        let at = 0;
        for (let i = 0; i < ranges.length;) {
          const start = ranges[i]![0];
          let end = ranges[i]![1];
          for (i++; i < ranges.length && ranges[i]![0] <= end; i++) end = Math.max(end, ranges[i]![1]);
          expected += `${text.slice(at, start)}[redacted]`;
          at = end;
        }
        expected += text.slice(at);
        expect(secrets.redact(text)).toBe(expected);
      }
    }
  });

  it('each run has its own registry; all of them see the process registry behind addSecret', () => {
    const parent = new Secrets();
    const runA = new Secrets(parent).add('only-in-run-a-123456');
    const runB = new Secrets(parent);
    parent.add('shared-by-all-runs-987');
    expect(runB.redact('only-in-run-a-123456')).toBe('only-in-run-a-123456');
    expect(runA.redact('only-in-run-a-123456 shared-by-all-runs-987')).toBe('[redacted] [redacted]');
    expect(runB.redact('shared-by-all-runs-987')).toBe('[redacted]');

    addSecret('public-api-secret-000111');
    expect(redact('x public-api-secret-000111 y')).toBe('x [redacted] y');
  });
});
