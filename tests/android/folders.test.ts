import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * android/ by role (issue 24 item 5): each top folder is one thing (the phone, the shell both doors
 * share, episode hosting, the Appium driver, the WebDriver client device, the emulator, the doors),
 * and imports between them run one way. A cycle between two folders means neither can be read,
 * tested or moved without the other; this test names the files that close it.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ANDROID = join(ROOT, 'android');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []);
}

/** Every relative module a file imports: static and dynamic imports, re-exports, `import type`; comments skipped. */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.[^'"?]+)[^'"]*['"]/g)].map((m) => m[1]!);
}

/** Folder-to-folder edges: `from` top folder under android/ imports a file of `to`, with the first file that does. */
function folderEdges(files: Record<string, string>): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const [file, text] of Object.entries(files)) {
    const from = file.split('/')[0]!;
    for (const spec of importsOf(text)) {
      const target = relative('.', join(dirname(file), spec));
      const to = target.split('/')[0]!;
      // Outside android/ (src/public, node_modules) or within the same folder: not an edge between folders.
      if (target.startsWith('..') || to === from || !target.includes('/')) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${file} imports ${spec}`);
      edges.set(from, out);
    }
  }
  return edges;
}

/** Each cycle between folders once (its smallest rotation), with the imports that make it. */
function folderCycles(files: Record<string, string>): string[] {
  const edges = folderEdges(files);
  const found = new Set<string>();
  const out: string[] = [];
  const walk = (path: string[]) => {
    const last = path.at(-1)!;
    for (const next of edges.get(last)?.keys() ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const ring = path.slice(at);
        const start = ring.indexOf([...ring].sort()[0]!);
        const key = [...ring.slice(start), ...ring.slice(0, start)].join(' -> ');
        if (found.has(key)) continue;
        found.add(key);
        const links = [...ring, next].slice(1).map((to, i) => edges.get([...ring, next][i]!)!.get(to)!);
        out.push(`${key} -> ${ring[start]} (${links.join('; ')})`);
      } else walk([...path, next]);
    }
  };
  for (const start of [...edges.keys()].sort()) walk([start]);
  return out.sort();
}

function androidSources(): Record<string, string> {
  return Object.fromEntries(sources(ANDROID).map((f) => [relative(ANDROID, f), readFileSync(f, 'utf8')]));
}

describe('android/ folders by role', () => {
  it('no two folders of android/ import each other, directly or round a loop', () => {
    expect(folderCycles(androidSources())).toEqual([]);
  });

  it('finds a cycle where there is one, with the imports that close it (so the test above can fail)', () => {
    // The shape of the tree before the split: appium <-> emulator, appium <-> adb.
    const files = {
      'appium/provider.ts': `import { remoteEmulator } from '../emulator/remote.ts';\nimport { AppiumDevice } from './device.ts';`,
      'appium/device.ts': `import { x } from '../../src/public/index.ts';`,
      'appium/adbShell.ts': `import { words } from '../emulator/shell.ts';`,
      'appium/attached.ts': `const m = await import('../adb/attached.ts');`,
      'emulator/remote.ts': `import type { AppiumDevice } from '../appium/device.ts';`,
      'adb/attached.ts': `export { backendOf } from '../appium/attached.ts';`,
      'phone/os.ts': `// import { nothing } from '../appium/device.ts'; a comment is no import`,
    };
    expect(folderCycles(files)).toEqual([
      'adb -> appium -> adb (adb/attached.ts imports ../appium/attached.ts; appium/attached.ts imports ../adb/attached.ts)',
      'appium -> emulator -> appium (appium/provider.ts imports ../emulator/remote.ts; emulator/remote.ts imports ../appium/device.ts)',
    ]);
    expect(folderCycles({ 'a/x.ts': `import '../b/y.ts';`, 'b/y.ts': `import { z } from '../c/z.ts';`, 'c/z.ts': `import { x } from '../a/x.ts';` }))
      .toEqual(['a -> b -> c -> a (a/x.ts imports ../b/y.ts; b/y.ts imports ../c/z.ts; c/z.ts imports ../a/x.ts)']);
  });

  it('sees the imports the real folders make (an empty graph would pass the first test vacuously)', () => {
    const edges = folderEdges(androidSources());
    expect([...(edges.get('driver')?.keys() ?? [])].sort()).toEqual(expect.arrayContaining(['episodes', 'phone', 'shell']));
    expect([...(edges.get('emulator')?.keys() ?? [])]).toContain('webdriver');
  });
});
