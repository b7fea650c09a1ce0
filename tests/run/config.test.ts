import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/run/config.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { resolveAgents } from '../../src/agent/resolveAgent.ts';
import { redact } from '../../src/run/secrets.ts';
import { TripwireError } from '../../src/engine/errors.ts';
import { tempDir } from '../support/helpers.ts';

const providers = await discoverAgentProviders();

describe('config file', () => {
  it('loads a TS config written with defineConfig; its named agents resolve to providers with their options', async () => {
    const file = join(tempDir(), 'tripwire.config.ts');
    writeFileSync(file, `import { defineConfig } from '${process.cwd()}/src/public/index.ts';
export default defineConfig({
  agents: { 'local-qwen': { provider: 'openai', model: 'qwen2.5:7b', baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'cfg-secret-abcdef123456', promptMode: 'scot' } },
  limits: { tokens: 1000 },
  cache: true,
});
`);
    const { config } = await loadConfig(file);
    expect(config.limits).toEqual({ tokens: 1000 });
    const [agent] = await resolveAgents(['local-qwen'], providers, config);
    expect(agent).toMatchObject({ name: 'local-qwen', spec: '', options: { model: 'qwen2.5:7b', promptMode: 'scot', cache: '.tripwire-cache' } });
    expect(agent!.provider.name).toBe('openai');
    expect(redact('key cfg-secret-abcdef123456')).toBe('key [redacted]');
  });

  it('names the file and field of a bad config, and rejects bad agent settings before any episode', async () => {
    const file = join(tempDir(), 'tripwire.config.json');
    writeFileSync(file, JSON.stringify({ agents: { m: { model: 'x' } }, limts: {} }));
    await expect(loadConfig(file)).rejects.toThrow(/tripwire\.config\.json: agents\.m\.provider: .*; \(root\): Unrecognized key: "limts"|tripwire\.config\.json: .*agents\.m\.provider/);
    await expect(loadConfig(file)).rejects.toMatchObject({ code: 'config' });
    const ok = join(tempDir(), 'tripwire.config.json');
    writeFileSync(ok, JSON.stringify({ agents: { m: { provider: 'openai', model: 'x', promptMode: 'paranoid', baseURL: 'http://127.0.0.1:1/v1' } } }));
    const { config } = await loadConfig(ok);
    await expect(resolveAgents(['m'], providers, config)).rejects.toThrow(/^config agents\.m: openai agent: promptMode: /);
    await expect(resolveAgents(['m'], providers, config)).rejects.toMatchObject({ code: 'provider', name: 'TripwireError' });
    await expect(resolveAgents(['nobody'], providers, config)).rejects.toThrow(/unknown agent "nobody"; known: .*openai:…, .*m/);
    await expect(resolveAgents(['nobody'], providers, config)).rejects.toMatchObject({ code: 'provider' });
  });

  it('fails with code config, naming the file, when the file is missing or not JSON', async () => {
    const broken = join(tempDir(), 'tripwire.config.json');
    writeFileSync(broken, '{"agents": {');
    const missing = join(tempDir(), 'nowhere.config.json');
    for (const file of [broken, missing]) {
      const error = await loadConfig(file).catch((e: unknown) => e);
      expect(TripwireError.is(error, 'config'), String(error)).toBe(true);
      expect((error as Error).message).toContain(file === broken ? broken : 'nowhere.config.json');
    }
  });
});

describe('scripted agents', () => {
  it('reject a script file that is not JSON or YAML before any episode, naming it', async () => {
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, '[{"type": "finish"');
    await expect(resolveAgents([`scripted:${file}`], providers)).rejects.toThrow(/JSON/);
    await expect(resolveAgents(['scripted:/no/such/script.json'], providers)).rejects.toThrow(/no such file/);
    await expect(resolveAgents(['scripted:/no/such/script.json'], providers)).rejects.toMatchObject({ code: 'provider' });
  });
});
