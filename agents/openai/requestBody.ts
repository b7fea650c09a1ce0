/**
 * A Chat Completions request body as the client's JSON.stringify would write it, byte for byte, with
 * the tools' JSON made once per episode instead of once per request. The tool schemas are most of
 * each body (about 5 of 6 KB on bench/model.ts's tool batch) and never change within an episode, while
 * the messages grow: stringifying the whole body cost about 19 µs of CPU per request, this about 3.
 * The client sends a string body as it is when the request's content-type is given (see index.ts).
 */
export interface SerialisedTools {
  /** The very array the request's `tools` holds: the JSON is used only for it, never for another. */
  readonly value: readonly unknown[];
  readonly json: string;
}

export const serialiseTools = (tools: readonly unknown[]): SerialisedTools => ({ value: tools, json: JSON.stringify(tools) });

/** JSON.stringify(params), the tools spliced in from `tools` when `params.tools` is its array. */
export function requestBody(params: Record<string, unknown>, tools: SerialisedTools): string {
  let out = '';
  for (const key of Object.keys(params)) {
    const value = params[key];
    const json = key === 'tools' && value === tools.value ? tools.json : JSON.stringify(value);
    if (json === undefined) continue; // undefined, a function or a symbol: JSON.stringify leaves the key out
    out += `${out ? ',' : '{'}${JSON.stringify(key)}:${json}`;
  }
  return out ? `${out}}` : '{}';
}
