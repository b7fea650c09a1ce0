// Builds the CLI, the engine and the bundled content as JavaScript into dist/ (run by `prepare` on
// install and `prepack`), so a start compiles no TypeScript. One output file per source file, with
// relative imports rewritten from .ts to .js: every module exists once, as in the sources (a bundle
// would copy the engine into each content module, and its module state with it). esbuild, not tsc:
// about 1 s against tsc's ~10 s without type checks (type checking stays `npm run typecheck`).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_DIRS, STAMP, sourceState } from '../bin/built.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');

// Taken before building: a file edited while the build runs is newer than the stamp, hence stale.
const state = sourceState(ROOT);

/** TypeScript scenarios are built too (a JS twin beside nothing: the loader finds them by their source). */
function scenarioModules(rel) {
  return readdirSync(join(ROOT, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scenarioModules(`${rel}/${e.name}`) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [`${rel}/${e.name}`] : []);
}

const modules = [...state.files.filter((f) => !f.endsWith('.json')), ...scenarioModules('scenarios')];

/** Keeps every import as an import (nothing bundled), its relative .ts specifiers pointing at the .js outputs. */
const perFile = {
  name: 'per-file',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const relative = args.path.startsWith('./') || args.path.startsWith('../');
      return { path: relative ? args.path.replace(/\.ts(\?.*)?$/, '.js$1') : args.path, external: true };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: modules,
  outdir: OUT,
  outbase: '.',
  bundle: true,
  plugins: [perFile],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// Data beside the code that a module reads by path (the Appium driver's package.json).
for (const f of state.files.filter((f) => f.endsWith('.json'))) {
  mkdirSync(dirname(join(OUT, f)), { recursive: true });
  cpSync(join(ROOT, f), join(OUT, f));
}
writeFileSync(join(ROOT, STAMP), `${JSON.stringify({ mtime: state.mtime, files: state.files })}\n`);
console.log(`tripwire: built ${modules.length} modules into dist/ (${CODE_DIRS.join(', ')}, scenarios)`);
