import type OpenAI from 'openai';
import { addSecret, defineAgentProvider, redact, type Agent, TripwireError } from '../../src/public/index.ts';
import { cachedFetch } from './cache.ts';
import { JSON_BODY_HEADERS, leanClientClass } from './client.ts';
import { Conversation, toolsFor } from './conversation.ts';
import { limiterFor } from './limiter.ts';
import { OPENAI_DEFAULT_BASE_URL, OpenAIOptions } from './options.ts';
import { systemPrompt } from './prompts.ts';
import { requestBody, serialiseTools, type SerialisedTools } from './requestBody.ts';
import { httpFetch } from './transport.ts';

/** Options parsed once per options object: a batch creates an agent per episode from the same options. */
const parsedOptions = new WeakMap<Record<string, unknown>, ReturnType<typeof OpenAIOptions.safeParse>>();

function settings(spec: string, options: Record<string, unknown>) {
  let parsed = parsedOptions.get(options);
  if (!parsed) parsedOptions.set(options, (parsed = OpenAIOptions.safeParse(options)));
  if (!parsed.success) throw new TripwireError('provider', `openai agent: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const o = parsed.data;
  const model = o.model ?? spec;
  if (!model) throw new TripwireError('usage', 'openai agent: no model; use openai:<model> or set `model` in the config');
  const baseURL = o.baseURL ?? process.env.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL;
  const apiKey = o.apiKey ?? process.env[o.apiKeyEnv];
  return { ...o, model, baseURL, apiKey };
}

/**
 * One client per connection settings, shared by the episodes of a process: a client per episode
 * cost a batch of thousands of episodes its construction each time.
 * A response cache is per trial, so a client with one is made per episode.
 */
const clients = new Map<string, Promise<OpenAI>>();
/** node:http under the client instead of undici: a third of the CPU per request (see transport.ts). */
const transport = httpFetch();
/** The client's library (a few hundred modules) is loaded at the first client: a run of other agents never loads it. */
let lean: Promise<typeof OpenAI> | undefined;
function clientFor(s: ReturnType<typeof settings>, own?: { fetch: typeof fetch }): Promise<OpenAI> {
  const make = () =>
    (lean ??= import('openai').then(({ default: OpenAI }) => leanClientClass(OpenAI))).then((OpenAI) => new OpenAI({
      apiKey: s.apiKey ?? 'none', // local servers ignore it; the client insists on one
      baseURL: s.baseURL,
      timeout: s.timeoutMs,
      maxRetries: s.maxRetries,
      logLevel: 'off', // failures reach the trace as the episode's error; nothing else is printed
      fetch: transport,
      ...own,
    }));
  if (own) return make();
  const key = JSON.stringify([s.apiKey, s.baseURL, s.timeoutMs, s.maxRetries]);
  let client = clients.get(key);
  if (!client) clients.set(key, (client = make()));
  return client;
}

/**
 * `openai:<model>` or a named agent with `provider: openai`: any server that speaks the OpenAI
 * Chat Completions protocol with tool calling (OpenAI, vLLM, Ollama, llama.cpp, OpenRouter).
 */
export default defineAgentProvider({
  name: 'openai',
  description: 'a model behind an OpenAI-compatible Chat Completions API: openai:<model>',
  check(spec, options) {
    const s = settings(spec, options);
    if (!s.apiKey && s.baseURL === OPENAI_DEFAULT_BASE_URL) throw new TripwireError('config', `openai agent: set ${s.apiKeyEnv} (or OPENAI_BASE_URL for a local server)`);
  },
  create(spec, { trial, options, secrets }): Agent {
    const s = settings(spec, options);
    // The run's registry has it already when it came from the config or a *_KEY variable; not always.
    (secrets ?? { add: addSecret }).add(s.apiKey);
    let client: Promise<OpenAI> | undefined;
    const openai = () => (client ??= clientFor(s, s.cache ? { fetch: cachedFetch(s.cache, trial, secrets ?? { redact }, transport) } : undefined));
    const limiter = limiterFor(s.baseURL, s.maxConcurrency);
    let conversation: Conversation;
    let tools: ReturnType<typeof toolsFor>;
    /** The tools' JSON, made once per episode (see requestBody.ts). */
    let toolsJSON: SerialisedTools;
    let firstOnly = s.toolCalls === 'first-only';
    return {
      screenshots: s.screenshots,
      start(brief) {
        conversation = new Conversation(systemPrompt(s.promptMode, s.systemPromptFile), brief.instruction, s.strict ? brief.tools : [], brief.history);
        tools = toolsFor(brief, s.strict);
        toolsJSON = serialiseTools(tools);
        firstOnly = (s.toolCalls ?? (brief.device ? 'first-only' : 'all')) === 'first-only';
      },
      async act(observations, { signal }) {
        conversation.observe(observations);
        const params = {
          model: s.model,
          messages: conversation.messages,
          tools,
          ...(s.temperature !== undefined ? { temperature: s.temperature } : {}),
          ...(s.maxTokens !== undefined ? { [s.maxTokensField]: s.maxTokens } : {}),
        };
        // The body serialised here, the client's own way: a string body with its content-type is sent as it is.
        const body = requestBody(params, toolsJSON);
        const completion = await limiter.run(async () =>
          (await openai()).chat.completions.create(params, { signal, body, headers: JSON_BODY_HEADERS }),
        );
        const message = completion.choices?.[0]?.message;
        if (!message) throw new TripwireError('provider', `model response without a message: ${JSON.stringify(completion).slice(0, 200)}`);
        const promptTokens = completion.usage?.prompt_tokens ?? 0;
        const completionTokens = completion.usage?.completion_tokens ?? 0;
        const cost = s.price ? (promptTokens * s.price.prompt + completionTokens * s.price.completion) / 1e6 : undefined;
        return {
          ...conversation.reply(message, firstOnly),
          usage: {
            promptTokens, completionTokens, ...(cost !== undefined ? { cost } : {}),
            model: completion.model || s.model, ...(completion.choices[0]?.finish_reason ? { finishReason: completion.choices[0].finish_reason } : {}),
          },
        };
      },
    };
  },
});
