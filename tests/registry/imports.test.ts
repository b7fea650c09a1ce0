import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : []);
}

/** Every module specifier a file names: static and dynamic imports, re-exports, `import type`. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

/** Relative imports of `dirs` that land in one of `forbidden` (top-level folders of the package). */
function crossings(dirs: string[], forbidden: string[]): string[] {
  const bad: string[] = [];
  for (const file of dirs.flatMap(sources)) {
    for (const spec of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const top = relative(ROOT, resolve(ROOT, dirname(file), spec)).split(/[\\/]/)[0]!;
      if (forbidden.includes(top)) bad.push(`${file} imports ${spec}`);
    }
  }
  return bad;
}

/**
 * Paths built into android/ below its top (`join(CODE_ROOT, 'android', 'adb', 'serve.ts')`): a file
 * loaded by path, which tsc never checks. Naming the folder alone is a discovery root, and allowed.
 */
function pathLoads(dirs: string[]): string[] {
  const bad: string[] = [];
  // `'android', <one of its folders>`: a list of content roots ('android', 'goals') is not a path into it.
  const folders = readdirSync(join(ROOT, 'android'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).join('|');
  const built = new RegExp(`['"\`]android['"\`]\\s*,\\s*['"\`](?:${folders})\\b|['"\`][./]*android\\/[^'"\`\\s]+`, 'g');
  for (const file of dirs.flatMap(sources)) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(built)) bad.push(`${file}: ${m[0]}`);
  }
  return bad;
}

describe('content is plug-ins: the engine and the agents import no content by path', () => {
  it('nothing in src/ or agents/ imports android/', () => {
    expect(crossings(['src', 'agents'], ['android'])).toEqual([]);
  });

  it('nothing in src/ or agents/ loads a file of android/ by a path it builds (a device door is a hook)', () => {
    expect(pathLoads(['src', 'agents'])).toEqual([]);
  });

  it('nothing in src/ imports environments/, scenarios/ or agents/', () => {
    expect(crossings(['src'], ['environments', 'scenarios', 'agents'])).toEqual([]);
  });

  it('the check sees an import when there is one (it can fail)', () => {
    expect(specifiers(`import { x } from '../../android/appium/attached.ts';\nconst m = await import('../../android/a.ts');\nexport { y } from './y.ts';`))
      .toEqual(['../../android/appium/attached.ts', '../../android/a.ts', './y.ts']);
    expect(pathLoads(['tests/registry']).length).toBeGreaterThan(0); // this file's own examples below
  });
});

// Examples the path check must find (read by the test above, never run):
// join(CODE_ROOT, 'android', 'adb', `serve${MODULE_EXT}`); import('../android/adb/serve.ts')
