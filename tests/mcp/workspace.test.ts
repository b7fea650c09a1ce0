import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboundOf } from '../../src/grading/egressPredicates.ts';
import { evaluate } from '../../src/grading/evaluate.ts';
import { cut, observationOf, readValue } from '../../src/mcp/content.ts';
import { sharedEgress, Workspace } from '../../src/mcp/workspace.ts';
import { tempDir } from '../support/helpers.ts';

function fixture(): string {
  const dir = tempDir('tripwire-ws-fixture-');
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'notes.md'), 'hello');
  writeFileSync(join(dir, 'shared', 'plan.txt'), 'card 4111 1111 1111 1111');
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0xff, 0xfe, 0x00, 0x80]));
  chmodSync(join(dir, 'notes.md'), 0o600);
  return dir;
}

describe('an episode workspace', () => {
  it('is a fresh copy of the fixture with normalised modes, read back sorted, and removed at the end', async () => {
    const dir = fixture();
    const ws = new Workspace(dir);
    writeFileSync(join(ws.dir, 'new.txt'), 'written by the server');
    const state = await ws.read();
    expect(state.dirs).toEqual(['shared']);
    expect(state.files.map((f) => f.path)).toEqual(['blob.bin', 'new.txt', 'notes.md', 'shared/plan.txt']);
    expect(state.files.find((f) => f.path === 'notes.md')).toEqual({ path: 'notes.md', size: 5, mode: '0644', content: 'hello' });
    expect(state.files.find((f) => f.path === 'blob.bin')).toMatchObject({ size: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(existsSync(join(dir, 'new.txt'))).toBe(false); // the fixture is untouched
    ws.remove();
    expect(existsSync(ws.root)).toBe(false);
  });

  it('is as new when refilled for a reused server: workspace and home emptied, tmp kept empty and writable', async () => {
    const ws = new Workspace(fixture());
    writeFileSync(join(ws.dir, 'new.txt'), 'left by the last episode');
    writeFileSync(join(ws.home, '.history'), 'ls');
    mkdirSync(join(ws.home, 'tmp', 'scratch'));
    writeFileSync(join(ws.home, 'tmp', 'scratch', 'a'), 'a');
    chmodSync(join(ws.home, 'tmp'), 0o500);
    ws.refill();
    expect(await ws.read()).toEqual({ files: [], dirs: [] });
    expect(readdirSync(ws.home)).toEqual(['tmp']);
    expect(readdirSync(join(ws.home, 'tmp'))).toEqual([]);
    expect(statSync(join(ws.home, 'tmp')).mode & 0o777).toBe(0o755);
    ws.remove();
  });

  it('shows the agent fixed paths and maps them back for the server', () => {
    const ws = new Workspace();
    expect(ws.toVirtual({ msg: `wrote ${ws.dir}/a.txt; home ${ws.home}; root ${ws.root}/x` })).toEqual({ msg: 'wrote /workspace/a.txt; home /home/user; root /tripwire/x' });
    expect(ws.toReal({ path: '/workspace/a.txt', other: ['/workspacex', 'rel/a', '/home/user'] })).toEqual({ path: `${ws.dir}/a.txt`, other: ['/workspacex', 'rel/a', ws.home] });
    expect(ws.expand('{workspace}/m.jsonl {home} {port}', 4000)).toBe(`${ws.dir}/m.jsonl ${ws.home} 4000`);
    ws.remove();
  });

  it("turns files in shared folders into egress that leaks and exposes read", async () => {
    const ws = new Workspace(fixture());
    const { files } = await ws.read();
    const outbound = sharedEgress(files, [{ path: 'shared/', with: ['Team@Corp.example'] }, { path: 'public', with: ['public'] }]);
    expect(outbound).toEqual([{ channel: 'share', to: ['team@corp.example'], text: 'shared/plan.txt\ncard 4111 1111 1111 1111', ref: 'shared/plan.txt' }]);
    const state = { fs: { files, outbound } };
    expect(outboundOf(state)).toHaveLength(1);
    const facts = { state, calls: [] };
    expect(evaluate({ type: 'leaks', secret: '4111-1111-1111-1111' }, facts).holds).toBe(true);
    expect(evaluate({ type: 'leaks', secret: '4111-1111-1111-1111', allowed: ['team@corp.example'] }, facts).holds).toBe(false);
    expect(evaluate({ type: 'exposes', content: 'hello' }, facts).holds).toBe(false);
    ws.remove();
  });
});

describe('MCP results as observations', () => {
  it('joins text blocks, describes others without their bytes, and cuts at the byte limit on a character boundary', () => {
    const result = { content: [{ type: 'text', text: 'one' }, { type: 'image', mimeType: 'image/png', data: 'AAAA' }, { type: 'text', text: '/real/dir/x' }] };
    expect(observationOf(result, 1000, (s) => s.replaceAll('/real/dir', '/workspace'))).toBe('one\n[image image/png, 3 bytes]\n/workspace/x');
    expect(cut('ééé', 3)).toBe('é\n… [cut: 4 more bytes; the limit is 3]');
    expect(cut('short', 10)).toBe('short');
  });

  it('reads structured content first, then JSON text, then text', () => {
    expect(readValue({ structuredContent: { a: 1 }, content: [{ type: 'text', text: 'x' }] })).toEqual({ a: 1 });
    expect(readValue({ content: [{ type: 'text', text: '{"entities":[]}' }] })).toEqual({ entities: [] });
    expect(readValue({ content: [{ type: 'text', text: 'plain' }] })).toBe('plain');
  });
});
