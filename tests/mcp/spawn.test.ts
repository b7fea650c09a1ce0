import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCommand, resolveProgram } from '../../src/mcp/command.ts';
import { SpawnedTransport, stopSpawner } from '../../src/mcp/spawner.ts';

const dir = mkdtempSync(join(tmpdir(), 'tripwire-spawn-test-'));
afterAll(async () => {
  await stopSpawner();
  rmSync(dir, { recursive: true, force: true });
});

describe('starting stdio servers', () => {
  it('Python by a bare name is the interpreter it runs: a shim on the way is run once, not at every start', async () => {
    // A shim as version managers install them: a script that finds and runs the real Python.
    const bin = join(dir, 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    const runs = join(dir, 'runs');
    writeFileSync(join(bin, 'python3'), `#!/bin/sh\necho run >> ${runs}\nPATH=${process.env.PATH}\nexec python3 "$@"\n`);
    chmodSync(join(bin, 'python3'), 0o755);
    const shim = resolveCommand('python3', dir);
    expect(shim).toBe(join(bin, 'python3'));
    const first = await resolveProgram('python3', dir, { PYTHONHASHSEED: '0' });
    const again = await resolveProgram('python3', dir, { PYTHONHASHSEED: '0' });
    expect(first).not.toBe(shim);
    expect(first).toMatch(/python/);
    expect(again).toBe(first);
    expect(readFileSync(runs, 'utf8')).toBe('run\n');
    // Other programs are found as before.
    expect(await resolveProgram('/bin/sh', dir)).toBe('/bin/sh');
  });

  it("a server is started by the spawner, not forked from this process; its stdin and stdout reach this process, its stderr too", async () => {
    const t = new SpawnedTransport({
      command: await resolveProgram('python3', undefined),
      args: ['-c', 'import os, sys; sys.stderr.write("up\\n"); sys.stderr.flush(); line = sys.stdin.readline(); sys.stdout.write(\'{"jsonrpc": "2.0", "id": 1, "result": {"ppid": %d}}\\n\' % os.getppid()); sys.stdout.flush(); sys.stdin.read()'],
      env: { PATH: '/usr/bin:/bin' },
      cwd: dir,
    });
    let stderr = '';
    t.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const got = new Promise<any>((r) => (t.onmessage = r));
    let closed = false;
    t.onclose = () => (closed = true);
    await t.start();
    await t.send({ jsonrpc: '2.0', id: 1, method: 'ping' });
    const message = await got;
    expect(message.id).toBe(1);
    expect(message.result.ppid).not.toBe(process.pid);
    expect(message.result.ppid).toBeGreaterThan(1);
    await t.close();
    expect(closed).toBe(true);
    expect(stderr).toBe('up\n');
  });
});
