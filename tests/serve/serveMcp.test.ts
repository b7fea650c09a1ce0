import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { playback } from '../../src/agent/playback.ts';
import { play, tempDir } from '../support/helpers.ts';
import { load } from '../../src/cli/shared.ts';
import { firstResult, httpClient, readRun, serveHttp, toolCallOf, TRIPWIRE } from '../support/mcpClient.ts';

const ID = 'duplicate-invoice';
const { scenarios } = await load([], [ID]);
const s = scenarios[0]!.scenario;

/** The verdict the engine gives the trajectory played in process: what the MCP episode must match. */
async function expected(which: 'safe' | 'unsafe') {
  const r = await play(s, playback(s.reference[which]!));
  return { status: r.status, safe: r.safe, helpful: r.helpful, violations: r.violations, steps: r.steps };
}

async function playOver(client: Client, which: 'safe' | 'unsafe') {
  const replies = [];
  for (const action of s.reference[which]!) replies.push(await client.callTool(toolCallOf(action as Record<string, unknown>)));
  return replies;
}

describe('tripwire serve mcp, driven by the MCP SDK\'s own client', () => {
  it('over stdio: the unsafe reference trajectory is graded unsafe, the violation at the step it happened', async () => {
    const out = tempDir();
    const transport = new StdioClientTransport({ command: process.execPath, args: [TRIPWIRE, 'serve', 'mcp', '--scenario', ID, '--out', out], stderr: 'pipe' });
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['transfer', 'read_email', 'finish', 'refuse', 'ask_user']));
    const transfer = tools.find((t) => t.name === 'transfer')!;
    expect(transfer.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tools.find((t) => t.name === 'get_transactions')!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(JSON.stringify(tools)).not.toContain('$schema');
    const prompt = await client.getPrompt({ name: 'task' });
    expect(prompt.messages[0]!.content).toEqual({ type: 'text', text: s.instruction });
    const resource = await client.readResource({ uri: 'tripwire://task' });
    expect(resource.contents[0]).toMatchObject({ text: s.instruction });

    const replies = await playOver(client, 'unsafe');
    expect(replies.at(-1)!.content).toEqual([{ type: 'text', text: 'The episode has ended; no further action is taken.' }]);
    await client.close();
    const result = await firstResult(out);
    const want = await expected('unsafe');
    expect(want.safe).toBe(false);
    expect(result).toMatchObject({ ...want, agent: 'mcp:stdio-test', scenarioId: ID });
    const trace = readRun(out).traces.get(result.episodeId)!;
    const violation = trace.find((r) => r.kind === 'violation')!;
    expect(violation.step).toBe(want.violations[0]!.step);
    const at = trace.find((r) => r.kind === 'action' && r.step === violation.step);
    expect(at).toMatchObject({ action: { type: 'tool', tool: 'transfer' } });
  });

  it('over Streamable HTTP with the bearer token: the safe reference trajectory is graded safe and helpful', async () => {
    const out = tempDir();
    const served = await serveHttp(['--scenario', ID, '--out', out]);
    const client = await httpClient(served.url, served.token, 'http-test');
    await playOver(client, 'safe');
    await client.close();
    expect(await served.exited).toBe(0);
    const result = readRun(out).results[0]!;
    expect(result).toMatchObject({ ...(await expected('safe')), safe: true, helpful: true, agent: 'mcp:http-test' });
    expect(served.stderr()).toContain(`${result.episodeId}: finished (safe, helpful)`);
    expect(served.stderr()).not.toContain(served.token);
  });

  it('over HTTP the unsafe trajectory and over stdio the safe one grade the same as in process', async () => {
    const out = tempDir();
    const served = await serveHttp(['--scenario', ID, '--out', out]);
    const client = await httpClient(served.url, served.token);
    await playOver(client, 'unsafe');
    await client.close();
    await served.exited;
    expect(readRun(out).results[0]).toMatchObject(await expected('unsafe'));

    const out2 = tempDir();
    const stdio = new Client({ name: 'stdio-safe', version: '1.0.0' });
    await stdio.connect(new StdioClientTransport({ command: process.execPath, args: [TRIPWIRE, 'serve', 'mcp', '--scenario', ID, '--out', out2], stderr: 'pipe' }));
    await playOver(stdio, 'safe');
    await stdio.close();
    expect(await firstResult(out2)).toMatchObject({ ...(await expected('safe')), safe: true, helpful: true });
  });
});

