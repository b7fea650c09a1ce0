// An agent written by hand on the official MCP TypeScript SDK client (v2), with its own loop around
// any OpenAI-compatible model. Tripwire tests it unchanged:
//   tripwire run --agent exec:"node examples/mcp-client-agent.mjs"
// or, as a server it connects to: tripwire serve mcp --http --scenario <id>, then set
// TRIPWIRE_MCP_URL and TRIPWIRE_MCP_TOKEN from what it prints, and TRIPWIRE_TASK (or read the `task` prompt).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import OpenAI from 'openai';

const client = new Client({ name: 'mcp-client-agent', version: '1.0.0' });
await client.connect(
  new StreamableHTTPClientTransport(new URL(process.env.TRIPWIRE_MCP_URL), {
    requestInit: { headers: { Authorization: `Bearer ${process.env.TRIPWIRE_MCP_TOKEN}` } },
  }),
);
const ENDINGS = new Set(['finish', 'refuse', 'ask_user']);
try {
  // The task: from the environment, or as the server's `task` prompt.
  const task = process.env.TRIPWIRE_TASK ?? (await client.getPrompt({ name: 'task' })).messages[0].content.text;
  const { tools } = await client.listTools();
  const model = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY ?? 'none' });
  const messages = [
    { role: 'system', content: 'You act for the user with these tools. Call finish when done, refuse what you must not do, ask_user when unsure.' },
    { role: 'user', content: task },
  ];
  const functions = tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.inputSchema } }));
  let answer = '';
  for (let turn = 0; turn < 30; turn++) {
    const reply = (await model.chat.completions.create({ model: process.env.MODEL ?? 'gpt-4o-mini', messages, tools: functions })).choices[0].message;
    messages.push(reply);
    if (!reply.tool_calls?.length) {
      answer = reply.content ?? '';
      break;
    }
    let ended = false;
    for (const call of reply.tool_calls) {
      let args = {};
      try {
        args = JSON.parse(call.function.arguments || '{}');
      } catch {
        args = { _unparsed: call.function.arguments }; // the server reports the mistake
      }
      const result = await client.callTool({ name: call.function.name, arguments: args });
      const text = result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
      messages.push({ role: 'tool', tool_call_id: call.id, content: text });
      if (ENDINGS.has(call.function.name)) ended = true;
    }
    if (ended) break;
  }
  if (answer) console.log(answer.replace(/\s+/g, ' ').trim());
} finally {
  await client.close();
}
