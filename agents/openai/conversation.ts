import type { ChatCompletionMessage, ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { argumentsText, fromStrictArguments, resultText, strictSchema, type Brief, type Observation } from '../../src/public/index.ts';
import { ASK_TOOL, REFUSE_TOOL } from './prompts.ts';

/**
 * The engine's tools as OpenAI function tools, plus `refuse` and `ask_user`. With `strict`, each tool
 * whose schema fits strict mode is sent as a strict function (the others as before).
 */
export function toolsFor(brief: Brief, strict = false): ChatCompletionTool[] {
  const text = (name: string, description: string) => ({
    type: 'object', properties: { [name]: { type: 'string', description } }, required: [name], additionalProperties: false,
  });
  return [
    ...brief.tools.map((t) => {
      const strictParameters = strict ? strictSchema(t.parameters) : undefined;
      const parameters = strictParameters ?? t.parameters;
      return { type: 'function' as const, function: { name: t.name, description: t.description, parameters, ...(strictParameters ? { strict: true } : {}) } };
    }),
    { type: 'function', function: { name: REFUSE_TOOL, description: 'Refuse the task, ending it. Use when you will not or cannot do it.', parameters: text('reason', 'Why you refuse'), ...(strict ? { strict: true } : {}) } },
    { type: 'function', function: { name: ASK_TOOL, description: 'Ask the user a question or for consent, ending your turn until they answer.', parameters: text('question', 'The question for the user'), ...(strict ? { strict: true } : {}) } },
  ];
}

/** Reads one string field from a model's arguments, tolerating bad JSON: a refusal is a refusal. */
function field(args: string, name: string): string {
  try {
    const parsed = JSON.parse(args) as Record<string, unknown>;
    return typeof parsed?.[name] === 'string' ? parsed[name] : args;
  } catch {
    return args;
  }
}

function describe(o: Observation): string {
  if (o.kind === 'error') return `ERROR (${o.error?.code}): ${o.error?.message}`;
  return typeof o.content === 'string' ? o.content : JSON.stringify(o.content);
}

/**
 * The conversation a scenario's history holds, as the chat messages it was: the user's and the
 * assistant's words, the assistant's tool calls (arguments as JSON text) and one tool message per
 * call, so the model continues a dialog it appears to have had.
 */
export function priorMessages(history: NonNullable<Brief['history']>): ChatCompletionMessageParam[] {
  return history.map((m): ChatCompletionMessageParam => {
    if (m.role === 'user') return { role: 'user', content: m.text };
    if (m.role === 'tool') return { role: 'tool', tool_call_id: m.id, content: resultText(m.result) };
    const calls = (m.calls ?? []).map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.tool, arguments: argumentsText(c) } }));
    return { role: 'assistant', content: m.text ?? null, ...(calls.length ? { tool_calls: calls } : {}) };
  });
}

/**
 * The chat history of one episode and the mapping between the model's tool calls and the engine's
 * actions and observations. Every tool call id gets exactly one tool message back, as the protocol
 * requires, including calls that were not executed under the first-only policy.
 */
export class Conversation {
  readonly messages: ChatCompletionMessageParam[];
  /** Tool call ids of the last assistant message, and whether each became an action. */
  #calls: { id: string; executed: boolean }[] = [];

  /** Tools sent in strict mode, by name, with their own schema: their nulls mean "not given". */
  readonly #strict: Map<string, Record<string, unknown>>;

  constructor(system: string, instruction: string, strictTools: Brief['tools'] = [], history: Brief['history'] = []) {
    this.messages = [{ role: 'system', content: system }, { role: 'user', content: instruction }, ...priorMessages(history)];
    this.#strict = new Map(strictTools.filter((t) => strictSchema(t.parameters)).map((t) => [t.name, t.parameters]));
  }

  #args(name: string, raw: string): unknown {
    const schema = this.#strict.get(name);
    if (!schema) return raw; // raw: the engine parses and validates
    try {
      return fromStrictArguments(JSON.parse(raw), schema);
    } catch {
      return raw; // not JSON after all: the engine says so
    }
  }

  /** Answers the previous turn's tool calls with the engine's observations, in order. */
  observe(observations: Observation[]): void {
    // What a device shows before any action (step 0) answers no tool call: the user shows it.
    const views = observations.filter((o) => o.step === 0);
    if (views.length) this.messages.push({ role: 'user', content: `The screen now:\n${views.map(describe).join('\n')}` });
    const queue = observations.filter((o) => o.step !== 0);
    for (const call of this.#calls) {
      const o = call.executed ? queue.shift() : undefined;
      const content = o ? describe(o) : 'Not executed: only the first tool call of each turn is executed. Call it again if you still need it.';
      this.messages.push({ role: 'tool', tool_call_id: call.id, content });
    }
    this.#calls = [];
    // Tool messages carry text only: a screenshot comes as the user's image after them.
    const image = [...observations].reverse().find((o) => o.image)?.image;
    if (image) this.messages.push({ role: 'user', content: [{ type: 'text', text: 'A screenshot of the screen now:' }, { type: 'image_url', image_url: { url: image } }] });
  }

  /** Turns the model's reply into actions, and records it in the history. */
  reply(message: ChatCompletionMessage, firstOnly: boolean): { actions: unknown[]; text?: string } {
    const calls = message.tool_calls ?? [];
    this.messages.push({ role: 'assistant', content: message.content ?? null, ...(calls.length ? { tool_calls: calls } : {}) } as ChatCompletionMessageParam);
    if (message.refusal) return { actions: [{ type: 'refuse', reason: message.refusal }] };
    if (calls.length === 0) return { actions: [{ type: 'finish', answer: message.content ?? '' }] };

    const actions: unknown[] = [];
    calls.forEach((call, i) => {
      const executed = !firstOnly || i === 0;
      this.#calls.push({ id: call.id, executed });
      if (!executed) return;
      const [name, args] = call.type === 'function' ? [call.function.name, call.function.arguments] : [call.custom.name, call.custom.input];
      if (name === REFUSE_TOOL) actions.push({ type: 'refuse', reason: field(args, 'reason') });
      else if (name === ASK_TOOL) actions.push({ type: 'ask', question: field(args, 'question') });
      else actions.push({ type: 'tool', tool: name, args: this.#args(name, args) });
    });
    return { actions, ...(message.content ? { text: message.content } : {}) };
  }
}
