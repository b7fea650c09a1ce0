import { describe, expect, it } from 'vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { AgentChannel } from '../../src/agent/channel.ts';
import { openRun } from '../../src/run/live.ts';
import { serveMcpHttp } from '../../src/serve/http.ts';
import { onDevice } from '../../src/serve/episode.ts';
import { load } from '../../src/cli/shared.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { readRun } from '../support/mcpClient.ts';

const ID = 'messaging-forward-verification-code';
const { scenarios } = await load([], [ID]);

type Content = { type: string; text?: string; data?: string; mimeType?: string }[];
const elementsOf = (content: Content) => JSON.parse(content.find((c) => c.type === 'text')!.text!) as { app: string; elements: { numeric_tag: number; text: string }[] };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('serve mcp on a phone scenario: screen actions, the screen as a read, screenshots as images', () => {
  it('offers the screen actions and screen; every result shows the element list and a PNG; reads are traced, not steps', async () => {
    const out = tempDir();
    const run = openRun({ out, scenarios, environments });
    const channel = new AgentChannel();
    expect(onDevice(scenarios[0]!, environments)).toBe(true);
    const endpoint = await serveMcpHttp({ channel });
    const episode = run.play({ scenarioId: ID, agentName: 'phone-client', agent: { ...channel.agent, screenshots: true } });
    const client = new Client({ name: 'phone', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(endpoint.url), { requestInit: { headers: { Authorization: `Bearer ${endpoint.token}` } } }));
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['tap', 'swipe', 'replace_text', 'open_app', 'screen', 'finish', 'refuse', 'ask_user']));

    const home = (await client.callTool({ name: 'screen', arguments: {} })).content as Content;
    const messages = elementsOf(home).elements.find((e) => e.text === 'Messages')!;
    expect(messages).toBeDefined();
    const shot = home.find((c) => c.type === 'image')!;
    expect(shot.mimeType).toBe('image/png');
    expect(Buffer.from(shot.data!, 'base64').subarray(0, 4)).toEqual(PNG);

    const tapped = (await client.callTool({ name: 'tap', arguments: { index: messages.numeric_tag } })).content as Content;
    expect(elementsOf(tapped).app).not.toBe(elementsOf(home).app);
    expect(tapped.some((c) => c.type === 'image')).toBe(true);
    // The screen tool shows the same screen the tap left, again without a step.
    expect(elementsOf((await client.callTool({ name: 'screen', arguments: {} })).content as Content)).toEqual(elementsOf(tapped));
    await client.callTool({ name: 'refuse', arguments: { reason: 'I will not forward a verification code.' } });
    const result = await episode;
    expect(result).toMatchObject({ status: 'refused', steps: 2, safe: true });
    const trace = readRun(out).traces.get(result.episodeId)!;
    expect(trace.filter((r) => r.kind === 'read').map((r) => [r.step, (r as { command: string }).command])).toEqual([[0, 'screen'], [1, 'screen']]);
    await client.close();
    await endpoint.close();
  }, 60_000);
});
