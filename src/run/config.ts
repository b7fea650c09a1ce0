import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { processSecrets, type Secrets } from './secrets.ts';
import { JudgeConfig } from './judge.ts';
import { describeIssues } from '../engine/validation.ts';
import { TripwireError } from '../engine/errors.ts';
import { importModule } from '../scenario/modules.ts';

/** A named agent: which provider makes it, and that provider's settings (model, baseURL, ...). */
export const AgentConfig = z.looseObject({ provider: z.string().min(1) });

export const TripwireConfig = z.strictObject({
  agents: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/, 'agent names use letters, digits, . _ -'), AgentConfig).default({}),
  /** Per-episode limits on top of each scenario's step limit. */
  limits: z.strictObject({ tokens: z.number().int().positive().optional(), wallMs: z.number().int().positive().optional() }).default({}),
  /** Settings per device kind (`devices.appium`: server capabilities), passed to its provider. */
  devices: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Response cache for model agents: true for .tripwire-cache, or a folder. */
  cache: z.union([z.boolean(), z.string()]).optional(),
  /** A judge model for scenarios with a rubric (`judge.rubric`); `--judge <agent>` uses a named agent's settings. */
  judge: JudgeConfig.optional(),
  /**
   * Plug-ins of the user's own (src/registry/): modules whose default export is a plug-in or an array
   * of them (an agent provider, a reporter, a metric, an environment, ...), or folders searched by
   * the discovery rule; paths relative to the config file.
   */
  plugins: z.array(z.string().min(1)).optional(),
  /** Settings per defense (`defenses.spotlight: { mode: delimit }`), given to it for every episode it wraps. */
  defenses: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type TripwireConfig = z.output<typeof TripwireConfig>;
export type TripwireConfigInput = z.input<typeof TripwireConfig>;

/** Typed helper for tripwire.config.ts. */
export function defineConfig(config: TripwireConfigInput): TripwireConfigInput {
  return config;
}

const NAMES = ['tripwire.config.ts', 'tripwire.config.js', 'tripwire.config.json'];

/**
 * Loads the config file (given, or the first of NAMES in the working folder); none is fine. Its
 * secrets (and those of the variables it names through `apiKeyEnv`) go into `secrets`. Every
 * failure is a TripwireError with code `config` naming the file (and the field, when one is wrong).
 */
export async function loadConfig(file?: string, secrets: Secrets = processSecrets): Promise<{ config: TripwireConfig; file?: string }> {
  const path = file ? resolve(file) : NAMES.map((n) => resolve(n)).find((p) => existsSync(p));
  if (!path) return { config: TripwireConfig.parse({}) };
  if (!existsSync(path)) throw new TripwireError('config', `config file ${file} does not exist`);
  let raw: unknown;
  try {
    raw = path.endsWith('.json')
      ? JSON.parse(readFileSync(path, 'utf8'))
      : ((await importModule(path)) as { default?: unknown }).default;
  } catch (e) {
    throw new TripwireError('config', `${path}: cannot be read: ${(e as Error).message}`, { cause: e });
  }
  // Registered before validation, so even a rejected config cannot leak a key into an error message.
  secrets.addFromConfig(raw);
  const parsed = TripwireConfig.safeParse(raw);
  if (!parsed.success) throw new TripwireError('config', `${path}: ${describeIssues(parsed.error)}`);
  if (parsed.data.plugins) parsed.data.plugins = parsed.data.plugins.map((p) => resolve(dirname(path), p));
  return { config: parsed.data, file: path };
}
