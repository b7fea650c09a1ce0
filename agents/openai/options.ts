import { z } from 'zod';

/**
 * Settings of an OpenAI-compatible agent: from the config file (`agents.<name>`), or none at all for
 * `openai:<model>`. Prices are per million tokens.
 */
export const OpenAIOptions = z.strictObject({
  model: z.string().min(1).optional(),
  /** Default: OPENAI_BASE_URL, else OpenAI's own API. */
  baseURL: z.url().optional(),
  /** Prefer apiKeyEnv: a key in a config file is easy to commit by mistake. Either way it is redacted. */
  apiKey: z.string().optional(),
  apiKeyEnv: z.string().default('OPENAI_API_KEY'),
  temperature: z.number().min(0).max(2).optional(),
  /** Per response. */
  maxTokens: z.number().int().positive().optional(),
  /** Newer OpenAI models want max_completion_tokens; local servers know max_tokens. */
  maxTokensField: z.enum(['max_tokens', 'max_completion_tokens']).default('max_tokens'),
  promptMode: z.enum(['basic', 'safety', 'scot']).default('basic'),
  /** A file whose text replaces the mode's system prompt. */
  systemPromptFile: z.string().optional(),
  /**
   * `first-only` executes just the first tool call of a turn, as Agent-SafetyBench does. Default:
   * `all`, but `first-only` on a device, where every action changes the screen the next one reads.
   */
  toolCalls: z.enum(['all', 'first-only']).optional(),
  price: z.strictObject({ prompt: z.number().nonnegative(), completion: z.number().nonnegative() }).optional(),
  timeoutMs: z.number().int().positive().default(60_000),
  /** Retries on 408/409/429/5xx, timeouts and dropped connections, with backoff; Retry-After honoured. */
  maxRetries: z.number().int().min(0).default(4),
  /** Requests in flight at once to one base URL, across all episodes of a run. */
  maxConcurrency: z.number().int().positive().default(4),
  /**
   * On a device, also send a screenshot of the screen after every action (vision models): `true`
   * or `model` at the size vision models take by default (540x1200 for the phone), `full` at the
   * device's own resolution.
   */
  screenshots: z.union([z.boolean(), z.enum(['model', 'full'])]).default(false),
  /** A folder for the response cache (set by --cache or the config's `cache`). */
  cache: z.union([z.string(), z.literal(false)]).optional(),
});
export type OpenAIOptions = z.output<typeof OpenAIOptions>;

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
