import { describe, expect, it } from 'vitest';
import { addSecret, addSecretsFromConfig, addSecretsFromEnv, redact } from '../src/run/secrets.ts';

describe('secrets', () => {
  it('redacts registered values, and fragments a provider might echo', () => {
    addSecret('sk-abcdefghijklmnopqrstuvwxyz012345');
    expect(redact('key=sk-abcdefghijklmnopqrstuvwxyz012345!')).toBe('key=[redacted]!');
    expect(redact('Incorrect API key provided: sk-abcdefghijkl****')).not.toContain('sk-abcdefghijkl');
    expect(redact('nothing secret here')).toBe('nothing secret here');
  });

  it('finds secrets in config objects by key name and in the environment by variable name', () => {
    addSecretsFromConfig({ agents: { a: { provider: 'openai', apiKey: 'cfg-key-1234567890', model: 'gpt-public-model' } } });
    addSecretsFromEnv({ MY_SERVICE_TOKEN: 'env-token-0987654321', HOME: '/root/home/dir' });
    expect(redact('cfg-key-1234567890 env-token-0987654321 gpt-public-model /root/home/dir')).toBe('[redacted] [redacted] gpt-public-model /root/home/dir');
  });
});
