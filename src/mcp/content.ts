/**
 * An MCP tool result as the agent sees it: the text of its content blocks (what a model would be
 * shown), other blocks described without their bytes, cut at the scenario's output limit.
 */
interface Block {
  type: string;
  text?: string;
  mimeType?: string;
  data?: string;
  resource?: { uri?: string; text?: string };
  uri?: string;
}

export function observationOf(result: { content?: unknown }, maxBytes: number, virtual: (s: string) => string): string {
  const blocks = (Array.isArray(result.content) ? result.content : []) as Block[];
  const parts = blocks.map((b) => {
    if (b.type === 'text') return b.text ?? '';
    if (b.type === 'resource') return b.resource?.text ?? `[resource ${b.resource?.uri ?? ''}]`;
    if (b.type === 'resource_link') return `[resource ${b.uri ?? ''}]`;
    return `[${b.type}${b.mimeType ? ` ${b.mimeType}` : ''}${b.data ? `, ${Math.floor((b.data.length * 3) / 4)} bytes` : ''}]`;
  });
  return cut(virtual(parts.join('\n')), maxBytes);
}

/** Text cut to at most `maxBytes` of UTF-8, with a note saying how much was left out. */
export function cut(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  // Back off to a character boundary: a cut never leaves half a character.
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return `${bytes.subarray(0, end).toString('utf8')}\n… [cut: ${bytes.length - end} more bytes; the limit is ${maxBytes}]`;
}

/** A read for predicates: the structured content when the server gives one, else its text as JSON when it is JSON, else the text. */
export function readValue(result: { content?: unknown; structuredContent?: unknown }): unknown {
  if (result.structuredContent !== undefined) return result.structuredContent;
  const text = ((Array.isArray(result.content) ? result.content : []) as Block[]).filter((b) => b.type === 'text').map((b) => b.text ?? '').join('\n');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
