import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { BUNDLED_ROOTS } from '../../src/registry/discover.ts';
import { PLUGIN_KINDS } from '../../src/registry/kinds.ts';
import { bundledRegistry } from '../../src/registry/registry.ts';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/architecture.md'), 'utf8');

/** docs/architecture.md's "Plug-in kinds" as the registry has them: a newcomer adds a plug-in from that table. */
it("docs/architecture.md names every content root the registry searches, and says where each kind's bundled plug-ins are", async () => {
  const roots = doc.slice(doc.indexOf('The roots are'), doc.indexOf("then what the user's config names"));
  for (const root of BUNDLED_ROOTS) expect(roots, `the roots sentence names ${root.dir}`).toContain(`${root.dir.split(/[\\/]/).pop()}/`);
  const section = doc.slice(doc.indexOf('## Plug-in kinds'), doc.indexOf('## Where to add what'));
  const rows = new Map(section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| kind') && !l.startsWith('|---')).flatMap((l) => {
    const [kinds, , where] = l.split('|').slice(1, -1).map((c) => c.trim());
    return kinds!.split(',').map((k) => [k.trim(), where!] as const);
  }));
  expect([...rows.keys()].sort()).toEqual([...PLUGIN_KINDS].sort());
  const registry = bundledRegistry();
  for (const kind of PLUGIN_KINDS) {
    const bundled = (await registry.list(kind)).size;
    expect(rows.get(kind)!.startsWith('none yet'), `${kind}: ${bundled} bundled, the table says "${rows.get(kind)}"`).toBe(bundled === 0);
  }
}, 60_000);
