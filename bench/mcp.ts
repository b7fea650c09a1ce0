/**
 * What Tripwire's MCP proxy adds to a tool call, on the reference filesystem server: the median of
 * the same call (read_text_file) made (a) straight with the MCP client, (b) through the external
 * environment (path mapping, output limit), and (c) through World.apply, as an episode makes it
 * (argument validation against the server's schema, the call, and the state read for predicates:
 * the workspace walked, named reads). Calls alternate between the three so a busy machine slows
 * each alike. `npx tsx bench/mcp.ts` (BENCH_MCP_CALLS, default 300).
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { createClock } from '../src/engine/clock.ts';
import { World } from '../src/engine/world.ts';
import { McpServer } from '../src/mcp/server.ts';
import { Workspace } from '../src/mcp/workspace.ts';
import { PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { McpServer as Spec, setServerBase } from '../src/scenario/servers.ts';

const CALLS = Number(process.env.BENCH_MCP_CALLS ?? 300);
const FIXTURE = join(PACKAGE_ROOT, 'scenarios/mcp/_fixtures/app-config');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const spec = Spec.parse({ command: 'mcp-server-filesystem', args: ['{workspace}'], workspace: FIXTURE });
setServerBase(spec, PACKAGE_ROOT);
const proxied = await McpServer.start(spec);
const world = new World([], {}, createClock('2026-01-05T09:00:00Z'));
await world.useExternal('fs', proxied);

const ws = new Workspace(FIXTURE);
const direct = new Client({ name: 'bench', version: '1' });
await direct.connect(new StdioClientTransport({ command: join(PACKAGE_ROOT, 'node_modules/.bin/mcp-server-filesystem'), args: [ws.dir], cwd: ws.dir, stderr: 'ignore' }));

const args = { path: 'config/app.json' };
const times = { direct: [] as number[], call: [] as number[], apply: [] as number[] };
for (let i = 0; i < CALLS + 10; i++) {
  const t0 = performance.now();
  await direct.callTool({ name: 'read_text_file', arguments: args });
  const t1 = performance.now();
  await proxied.call('read_text_file', args);
  const t2 = performance.now();
  const out = await world.apply({ type: 'tool', tool: 'read_text_file', args });
  const t3 = performance.now();
  if (!out.ok) throw new Error(`the call failed: ${out.message}`);
  if (i < 10) continue; // warm-up
  times.direct.push(t1 - t0);
  times.call.push(t2 - t1);
  times.apply.push(t3 - t2);
}
await direct.close();
await proxied.close();
ws.remove();

const [d, c, a] = [median(times.direct), median(times.call), median(times.apply)];
console.log(`MCP proxy, ${CALLS} calls of read_text_file on the filesystem server (medians):`);
console.log(`  direct MCP client call        ${d.toFixed(3)} ms`);
console.log(`  through the external env      ${c.toFixed(3)} ms  (+${(c - d).toFixed(3)} ms)`);
console.log(`  through World.apply (a step)  ${a.toFixed(3)} ms  (+${(a - d).toFixed(3)} ms: validation, call, state read)`);
