// A small MCP server over stdio (JSON-RPC lines, no SDK) that implements `tripwire/reset`, for the
// server pool's tests: it counts what it served, so a test sees whether a process was reused, reset
// or replaced. `setup` of a reset: { name } (echoed), { failIfUsed: true } (the reset fails when
// this process has already served an episode). Tools: `whoami` (pid, the setup, how many episodes
// and calls this process has served, and a counter the reset clears), `bump` (adds to the counter),
// `die` (exits), `hang` (never answers).
import { createInterface } from 'node:readline';

let setup = null;
let counter = 0;
let resets = 0;
let calls = 0;

const tools = [
  { name: 'whoami', description: 'What this process is and has served', inputSchema: { type: 'object', properties: {} } },
  { name: 'bump', description: 'Adds one to the counter', inputSchema: { type: 'object', properties: {} } },
  { name: 'die', description: 'Exits the server', inputSchema: { type: 'object', properties: {} } },
  { name: 'hang', description: 'Never answers', inputSchema: { type: 'object', properties: {} } },
];

const send = (msg) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...msg })}\n`);
const text = (value) => ({ content: [{ type: 'text', text: JSON.stringify(value) }] });

createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const { id, method, params = {} } = JSON.parse(line);
  if (id === undefined) return;
  if (method === 'initialize') return send({ id, result: { protocolVersion: params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'resettable', version: '1' } } });
  if (method === 'tripwire/reset') {
    if (params.setup?.failIfUsed && resets > 0) return send({ id, error: { code: -32603, message: 'this process has served before' } });
    resets++;
    setup = params.setup ?? null;
    counter = 0;
    return send({ id, result: {} });
  }
  if (method === 'tools/list') return send({ id, result: { tools } });
  if (method === 'tools/call') {
    calls++;
    if (params.name === 'die') process.exit(3);
    if (params.name === 'hang') return;
    if (params.name === 'bump') return send({ id, result: text({ counter: ++counter }) });
    return send({ id, result: text({ pid: process.pid, setup, episodes: resets, calls, counter }) });
  }
  send({ id, error: { code: -32601, message: `method not found: ${method}` } });
});
