import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript without declarations (bin/built.js is read at every start)
import { buildIsCurrent, CODE_DIRS, sourceState, STAMP } from '../../bin/built.js';
import { tempDir } from '../support/helpers.ts';

/** A package folder with one source and a build stamp recorded before the source's mtime. */
function pkg(root: string): string {
  for (const dir of [...(CODE_DIRS as string[]), 'dist']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  const { files, mtime } = sourceState(root) as { files: string[]; mtime: number };
  writeFileSync(join(root, STAMP as string), JSON.stringify({ files, mtime: mtime - 60_000 }));
  return root;
}

describe('bin/built.js: whether the CLI runs the build', () => {
  it('trusts an installed package (npm writes its files at install time, later than the pack) while its files are those built', () => {
    // Found as npm 11 installs a tarball: every file's mtime is the install's, after the stamp's.
    const installed = pkg(join(tempDir(), 'node_modules', 'tripwire'));
    expect(buildIsCurrent(installed)).toBe(true);
    rmSync(join(installed, 'src', 'a.ts'));
    expect(buildIsCurrent(installed)).toBe(false); // a file gone is still stale
  });

  it('in a checkout, a source newer than the build is stale', () => {
    expect(buildIsCurrent(pkg(join(tempDir(), 'tripwire')))).toBe(false);
  });
});
