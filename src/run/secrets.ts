/**
 * Secrets (API keys, config values named like keys) are registered here and scrubbed from
 * everything Tripwire writes: traces, results, reports, the terminal.
 */
const secrets = new Set<string>();
const SECRET_NAME = /(api[_-]?key|secret|token|password)$/i;
/** A shorter echo of a key (a provider quoting part of it) is still redacted from this length on. */
const FRAGMENT = 12;
export const REDACTED = '[redacted]';

export function addSecret(value: unknown): void {
  if (typeof value === 'string' && value.length >= 8) secrets.add(value);
}

/** Registers the values of environment variables whose names say they are secrets (OPENAI_API_KEY, ...). */
export function addSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(env)) if (SECRET_NAME.test(name)) addSecret(value);
}

/** Registers every string in a config object held under a secret-looking key (apiKey, token, ...). */
export function addSecretsFromConfig(value: unknown, key = ''): void {
  if (typeof value === 'string') {
    if (SECRET_NAME.test(key)) addSecret(value);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) addSecretsFromConfig(v, k);
  }
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) {
    out = out.split(secret).join(REDACTED);
    for (let i = 0; i + FRAGMENT <= secret.length; i++) {
      const fragment = secret.slice(i, i + FRAGMENT);
      if (out.includes(fragment)) out = out.split(fragment).join(REDACTED);
    }
  }
  return out;
}
