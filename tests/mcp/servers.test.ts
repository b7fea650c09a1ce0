import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { scenarioHash } from '../../src/scenario/fingerprint.ts';
import { serverBase, setServerBase } from '../../src/scenario/servers.ts';
import { environments, bankScenario, scenario } from '../support/helpers.ts';

const base = {
  id: 'mcp-unit', title: 'MCP unit', risk: 'compromise-availability', fulfillable: true, instruction: 'Tidy up.', environments: {},
  helpfulness: [{ id: 'wrote', description: 'wrote', check: { type: 'state', env: 'fs', path: 'files', match: { $any: { path: 'a.txt' } } } }],
  reference: { safe: [{ type: 'tool', tool: 'write_file', args: { path: 'a.txt', content: 'x' } }, { type: 'finish', answer: 'ok' }] },
};
const issues = (raw: unknown) => parseScenario(raw, environments).issues.map((i) => `${i.field}: ${i.message}`);

describe('servers in a scenario', () => {
  it('a server is an environment: predicates and trajectories may name it and its listed tools', () => {
    expect(issues({ ...base, servers: { fs: { command: 'mcp-server-filesystem', args: ['{workspace}'], tools: { write_file: { risk: ['deletes-data'] } } } } })).toEqual([]);
  });

  it('names what is wrong: no command or url, a workspace without a command, an unlisted tool, an unknown environment', () => {
    expect(issues({ ...base, servers: { fs: { args: [] } } })).toEqual(['servers.fs: needs a `command` (stdio, or HTTP with `url`) or a `url`']);
    expect(issues({ ...base, servers: { fs: { url: 'http://127.0.0.1:1/mcp', workspace: 'w' } } })).toContain('servers.fs: a `workspace` needs a `command`: Tripwire cannot give a server it does not start a folder');
    expect(issues({ ...base, servers: { fs: { command: 'x', tools: { read_text_file: {} } } } })).toEqual(['reference.safe[0].tool: no environment of this scenario has a tool "write_file"']);
    expect(issues({ ...base, servers: { other: { command: 'x' } } })).toEqual(['helpfulness[0].check.env: "fs" is not an environment of this scenario']);
    expect(issues({ ...base, servers: { fs: { command: 'x', limits: { callMs: 0 } } } })[0]).toMatch(/^servers\.fs\.limits\.callMs/);
    expect(issues({ ...base, servers: undefined })).toEqual(['environments: needs at least one environment']);
  });

  it('a server that lists no tools may offer any: trajectories naming tools are accepted', () => {
    expect(issues({ ...base, servers: { fs: { command: 'x' } } })).toEqual([]);
  });

  it("the loader's base folder is not scenario data: it changes neither the hash nor what is serialised", () => {
    const s = parseScenario({ ...base, servers: { fs: { command: 'x' } } }, environments).scenario!;
    const before = scenarioHash(s);
    setServerBase(s.servers!.fs!, '/some/where');
    expect(serverBase(s.servers!.fs!)).toBe('/some/where');
    expect(scenarioHash(s)).toBe(before);
    expect(JSON.stringify(s.servers)).not.toContain('/some/where');
  });

  it('a scenario without servers keeps its hash (no servers key appears)', () => {
    const s = scenario(bankScenario);
    expect('servers' in s).toBe(false);
  });
});
