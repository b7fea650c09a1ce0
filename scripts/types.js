// Declarations for the package's public entries (`npm run build:types`, run by prepack): tsc writes
// types/**/*.d.ts (apart from dist/, which `prepare` rebuilds from scratch after prepack), and the sources'
// relative `.ts` specifiers are rewritten to `.js`, as the JavaScript's are, so a project that
// installed the package type-checks against the built files without allowImportingTsExtensions.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const execTsc = () => execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.types.json')], { stdio: 'inherit' });

const SPECIFIER = /((?:from|import)\s*\(?\s*['"])(\.\.?\/[^'"]+)\.ts(['"])/g;
let files = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path);
    else if (e.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace(SPECIFIER, '$1$2.js$3'));
      files++;
    }
  }
};
rmSync(join(ROOT, 'types'), { recursive: true, force: true });
execTsc();
walk(join(ROOT, 'types'));
console.error(`tripwire: wrote ${files} declaration files into types/`);
