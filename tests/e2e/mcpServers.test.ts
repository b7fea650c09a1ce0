import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playback } from '../../src/agent/playback.ts';
import type { TraceRecord } from '../../src/grading/trace.ts';
import { setServerBase } from '../../src/scenario/servers.ts';
import type { ScenarioInput } from '../../src/scenario/scenario.ts';
import { play, scenario, tempDir } from '../support/helpers.ts';

/**
 * MCP servers as environments, on real servers started as real processes: the reference filesystem
 * server from the npm registry, and a small server of "a user's own" (programs/probeMcpServer.mjs)
 * over stdio and over Streamable HTTP.
 */
const PROBE = join(import.meta.dirname, 'programs/probeMcpServer.mjs');
// Every workspace this file's episodes make goes under here: after them, nothing is left.
const TMP = tempDir('tripwire-mcp-e2e-');
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = TMP;
  process.env.OPENAI_API_KEY = 'sk-host-secret-must-not-leak';
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  delete process.env.OPENAI_API_KEY;
});

function fixture(files: Record<string, string>): string {
  const dir = tempDir('fixture-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function serverScenario(id: string, server: Record<string, unknown>, actions: unknown[], base: string) {
  const input = {
    id, title: id, risk: 'compromise-availability', fulfillable: true, instruction: 'Test.', environments: {},
    servers: { box: server },
    helpfulness: [{ id: 'ends', description: 'ends', check: { type: 'status', is: ['finished'] } }],
    reference: { safe: actions },
  } as unknown as ScenarioInput;
  const s = scenario(input);
  setServerBase(s.servers!.box!, base);
  return s;
}

async function episode(s: ReturnType<typeof serverScenario>, actions: unknown[], onRecord?: (r: TraceRecord) => void) {
  const records: TraceRecord[] = [];
  const result = await (onRecord
    ? (await import('../../src/engine/episode.ts')).runEpisode({ episodeId: `t__${s.id}__t1`, scenario: s, environments: [], agentName: 't', agent: playback(actions), trial: 1, listener: (r) => (records.push(r), onRecord(r)) })
    : (await import('../../src/engine/episode.ts')).runEpisode({ episodeId: `t__${s.id}__t1`, scenario: s, environments: [], agentName: 't', agent: playback(actions), trial: 1, listener: (r) => records.push(r) }));
  return { result, records };
}

const observations = (records: TraceRecord[]) => records.filter((r) => r.kind === 'result' || r.kind === 'error') as Extract<TraceRecord, { kind: 'result' | 'error' }>[];

describe('the filesystem server, sandboxed in the episode workspace', () => {
  it('refuses writes outside the workspace and reads of host files; the host and the fixture are unchanged', async () => {
    const dir = fixture({ 'notes/a.txt': 'alpha' });
    const escape = join(TMP, `escaped-${process.pid}.txt`);
    const actions = [
      { type: 'tool', tool: 'write_file', args: { path: '../outside.txt', content: 'x' } },
      { type: 'tool', tool: 'read_text_file', args: { path: '/etc/hostname' } },
      { type: 'tool', tool: 'write_file', args: { path: escape, content: 'x' } },
      { type: 'tool', tool: 'move_file', args: { source: 'notes/a.txt', destination: '../../moved.txt' } },
      { type: 'tool', tool: 'write_file', args: { path: '/workspace/notes/b.txt', content: 'beta' } },
      { type: 'tool', tool: 'list_allowed_directories', args: {} },
      { type: 'finish', answer: 'done' },
    ];
    const s = serverScenario('mcp-sandbox', { command: 'mcp-server-filesystem', args: ['{workspace}'], workspace: '.' }, actions, dir);
    // While the episode runs: its root is the one folder under TMP, and nothing appears beside the workspace.
    const beside: string[][] = [];
    const { result, records } = await episode(s, actions, (r) => {
      if (r.kind !== 'result' && r.kind !== 'error') return;
      const roots = readdirSync(TMP).filter((n) => /^tripwire-mcp-[A-Za-z0-9]{6}$/.test(n));
      beside.push(roots.flatMap((root) => readdirSync(join(TMP, root))).sort());
    });
    const seen = observations(records);
    expect(seen.slice(0, 4).map((r) => r.kind)).toEqual(['error', 'error', 'error', 'error']);
    for (const r of seen.slice(0, 4)) expect((r as { message: string }).message).toMatch(/Access denied|outside allowed/);
    expect(seen[4]).toMatchObject({ kind: 'result', tool: 'write_file' });
    expect(seen[5]).toMatchObject({ kind: 'result', observation: expect.stringContaining('/workspace') });
    // The host's name never reached the agent or the trace; no temporary path did either.
    const trace = JSON.stringify(records);
    const host = readFileSync('/etc/hostname', 'utf8').trim() || hostname();
    expect(trace).not.toContain(`"${host}"`);
    expect(trace).not.toContain(`${TMP}/tripwire-mcp-`);
    expect(beside.every((names) => names.join() === 'home,workspace')).toBe(true);
    expect(existsSync(escape)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['notes']);
    expect(readdirSync(join(dir, 'notes'))).toEqual(['a.txt']);
    expect(result).toMatchObject({ status: 'finished', invalidActions: 4 });
    // The episode's folders are gone.
    expect(readdirSync(TMP).filter((n) => /^tripwire-mcp-[A-Za-z0-9]{6}$/.test(n))).toEqual([]);
  });
});

describe("a user's own MCP server (stdio)", () => {
  const probe = (over: Record<string, unknown> = {}) => ({ command: 'node', args: [PROBE], workspace: '.', env: { GREETING: 'hi from {workspace}' }, ...over });

  it('starts with a clean environment (no host variables, no API key, a HOME of its own) in its workspace', async () => {
    const dir = fixture({ 'seed.txt': 'seed' });
    const actions = [{ type: 'tool', tool: 'whoami', args: {} }, { type: 'finish', answer: 'ok' }];
    const { records } = await episode(serverScenario('mcp-env', probe(), actions, dir), actions);
    const seen = observations(records)[0] as { observation: string };
    const who = JSON.parse(seen.observation) as { env: Record<string, string>; cwd: string };
    expect(Object.keys(who.env).sort()).toEqual(['GREETING', 'HOME', 'LANG', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'TMPDIR', 'USER']);
    expect(who.env.USER).toBe('user');
    expect(who.env.HOME).toBe('/home/user');
    expect(who.env.GREETING).toBe('hi from /workspace');
    expect(who.cwd).toBe('/workspace');
    expect(JSON.stringify(records)).not.toContain('sk-host-secret');
  });

  it("validates arguments against the server's own JSON Schema before the server sees them", async () => {
    const dir = fixture({});
    const actions = [
      { type: 'tool', tool: 'note', args: { name: 'BAD NAME', text: 'x' } },
      { type: 'tool', tool: 'note', args: { name: 'ok' } },
      { type: 'tool', tool: 'no_such_tool', args: {} },
      { type: 'tool', tool: 'note', args: '{not json' },
      { type: 'tool', tool: 'note', args: { name: 'good', text: 'kept' } },
      { type: 'finish', answer: 'ok' },
    ];
    const { result, records } = await episode(serverScenario('mcp-validate', probe(), actions, dir), actions);
    const seen = observations(records);
    expect(seen.map((r) => (r.kind === 'error' ? r.code : 'ok'))).toEqual(['invalid-arguments', 'invalid-arguments', 'unknown-tool', 'invalid-arguments', 'ok']);
    expect(result.invalidActions).toBe(4);
    // Only the valid call reached the server: one note file in the workspace state.
    const transitions = records.filter((r) => r.kind === 'transition') as Extract<TraceRecord, { kind: 'transition' }>[];
    expect(transitions).toHaveLength(1);
    expect(JSON.stringify(transitions[0]!.changes)).toContain('good.txt');
  });

  it('cuts long output to the limit, and a call that hangs or a server that dies ends the episode as a transport error', async () => {
    const dir = fixture({});
    const cutActions = [{ type: 'tool', tool: 'shout', args: { bytes: 5000 } }, { type: 'finish', answer: 'ok' }];
    const cut = await episode(serverScenario('mcp-cut', probe({ limits: { outputBytes: 1000 } }), cutActions, dir), cutActions);
    const text = (observations(cut.records)[0] as { observation: string }).observation;
    expect(text).toMatch(/^A{1000}\n… \[cut: 4000 more bytes; the limit is 1000\]$/);

    const hangActions = [{ type: 'tool', tool: 'hang', args: {} }, { type: 'finish', answer: 'ok' }];
    const hang = await episode(serverScenario('mcp-hang', probe({ limits: { callMs: 500 } }), hangActions, dir), hangActions);
    expect(hang.result).toMatchObject({ status: 'error', safe: null });
    expect(hang.records.find((r) => r.kind === 'error')).toMatchObject({ code: 'external-transport' });

    const dieActions = [{ type: 'tool', tool: 'die', args: {} }, { type: 'finish', answer: 'ok' }];
    const die = await episode(serverScenario('mcp-die', probe(), dieActions, dir), dieActions);
    expect(die.result).toMatchObject({ status: 'error', safe: null });
    expect(die.records.find((r) => r.kind === 'error')).toMatchObject({ code: 'external-transport' });
  });

  it('a server that does not exist fails its episode with the reason, not the run', async () => {
    const actions = [{ type: 'finish', answer: 'ok' }];
    const s = serverScenario('mcp-missing', { command: 'no-such-mcp-server-here' }, actions, fixture({}));
    const { result } = await episode(s, actions);
    expect(result.status).toBe('error');
    expect(result.reason).toContain('no-such-mcp-server-here');
  });
});

describe("a user's own MCP server over Streamable HTTP", () => {
  it('is started with {port}, reached at its URL and stopped with the episode', async () => {
    const dir = fixture({});
    const actions = [{ type: 'tool', tool: 'note', args: { name: 'web', text: 'over http' } }, { type: 'tool', tool: 'whoami', args: {} }, { type: 'finish', answer: 'ok' }];
    const s = serverScenario('mcp-http', { command: 'node', args: [PROBE, '--http', '{port}'], url: 'http://127.0.0.1:{port}/mcp', workspace: '.' }, actions, dir);
    const { result, records } = await episode(s, actions);
    expect(result.reason ?? "").toBe("");
    expect(result).toMatchObject({ status: 'finished', invalidActions: 0 });
    const who = JSON.parse((observations(records)[1] as { observation: string }).observation) as { cwd: string };
    expect(who.cwd).toBe('/workspace');
    expect(JSON.stringify(records.filter((r) => r.kind === 'transition'))).toContain('web.txt');
  });
});
