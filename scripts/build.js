// Builds the CLI, the engine and the bundled content as JavaScript into dist/ (run by `prepare` on
// install and `prepack`), so a start compiles no TypeScript. One output file per source file, with
// relative imports rewritten from .ts to .js: every module exists once, as in the sources (a bundle
// would copy the engine into each content module, and its module state with it). esbuild, not tsc:
// about 1 s against tsc's ~10 s without type checks (type checking stays `npm run typecheck`).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { CODE_DIRS, STAMP, sourceState } from '../bin/built.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');

// Taken before building: a file edited while the build runs is newer than the stamp, hence stale.
const state = sourceState(ROOT);

/** Bundled scenario files: the loader finds them by their source, and takes a built twin when it is current. */
function scenarioFiles(rel, name) {
  return readdirSync(join(ROOT, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scenarioFiles(`${rel}/${e.name}`, name) : name.test(e.name) && !e.name.endsWith('.d.ts') ? [`${rel}/${e.name}`] : []);
}

const modules = [...state.files.filter((f) => !f.endsWith('.json')), ...scenarioFiles('scenarios', /\.ts$/)];

/**
 * Content imports the engine through the one public entry, which re-exports everything (the viewer,
 * the checker, the MCP server...). Built, each such import names the modules that define what it
 * takes, as a bundler's tree shaking would, so `tripwire list` loads no viewer. The same modules
 * as the entry's: nothing is copied. A name the entry does not map plainly keeps the import as it is.
 */
const PUBLIC = join(ROOT, 'src/public/index.ts');
const publicNames = new Map();
for (const [, names, from] of readFileSync(PUBLIC, 'utf8').matchAll(/^export\s*\{([^}]*)\}\s*from\s*'([^']+)';/gm)) {
  for (const n of names.split(',').map((x) => x.trim()).filter(Boolean)) {
    const [orig, alias = orig] = n.split(/\s+as\s+/);
    publicNames.set(alias, { orig, module: resolve(dirname(PUBLIC), from) });
  }
}
const PUBLIC_IMPORT = /^(import|export)\s*\{([^}]*)\}\s*from\s*'([^']*\/src\/public\/index\.ts)';/gm;

function specialize(file, source) {
  return source.replace(PUBLIC_IMPORT, (statement, verb, names, spec) => {
    if (resolve(dirname(file), spec) !== PUBLIC) return statement;
    const byModule = new Map();
    for (const n of names.split(',').map((x) => x.trim()).filter(Boolean)) {
      if (n.startsWith('type ')) continue; // erased anyway
      const [name, alias = name] = n.split(/\s+as\s+/);
      const target = publicNames.get(name);
      if (!target) return statement;
      const rel = relative(dirname(file), target.module);
      const from = rel.startsWith('.') ? rel : `./${rel}`;
      byModule.set(from, [...(byModule.get(from) ?? []), target.orig === alias ? alias : `${target.orig} as ${alias}`]);
    }
    return [...byModule].map(([from, list]) => `${verb} { ${list.join(', ')} } from '${from}';`).join(' ');
  });
}

/** Keeps every import as an import (nothing bundled), its relative .ts specifiers pointing at the .js outputs. */
const perFile = {
  name: 'per-file',
  setup(b) {
    b.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
      if (args.path === PUBLIC || /node_modules/.test(args.path)) return undefined;
      return { contents: specialize(args.path, readFileSync(args.path, 'utf8')), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
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
// YAML scenarios parsed, as JSON (read ~20x faster), when JSON holds exactly what the YAML says.
let parsed = 0;
for (const f of scenarioFiles('scenarios', /\.ya?ml$/)) {
  const data = parseYaml(readFileSync(join(ROOT, f), 'utf8'));
  const json = JSON.stringify(data);
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) continue;
  mkdirSync(dirname(join(OUT, f)), { recursive: true });
  writeFileSync(join(OUT, `${f}.json`), json);
  parsed++;
}
writeFileSync(join(ROOT, STAMP), `${JSON.stringify({ mtime: state.mtime, files: state.files })}\n`);
console.error(`tripwire: built ${modules.length} modules (${CODE_DIRS.join(', ')}, scenarios) and parsed ${parsed} YAML scenarios into dist/`);
