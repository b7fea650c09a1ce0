import { existsSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where Tripwire's code lives: the package root when run from the sources, dist/ when run from the build. */
export const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Run from the JavaScript build (bin/tripwire.js chose it because it is current with the sources). */
export const BUILT = !existsSync(join(CODE_ROOT, 'package.json'));
/** The package root: bundled data (scenarios/, schema/, package.json) lives here, and the sources. */
export const PACKAGE_ROOT = BUILT ? dirname(CODE_ROOT) : CODE_ROOT;
/** How the code's own module files end: a content module found by name is `<name>` + this. */
export const MODULE_EXT = BUILT ? '.js' : '.ts';

/** The code folders a user's module may import by relative path, and the built copy maps to. */
const SOURCE_DIRS = ['src', 'environments', 'agents', 'android', 'goals', 'attacks'];

/**
 * The build's twin of one of the package's files (a TypeScript scenario built to `.js`, a YAML one
 * parsed to `.yaml.json`), when there is one at least as new as the file; an edited file is read
 * as it is instead.
 */
export function builtTwin(file: string, ext: (rel: string) => string | undefined): string | undefined {
  if (!BUILT) return undefined;
  const rel = relative(PACKAGE_ROOT, file);
  const twinRel = rel.startsWith('..') || isAbsolute(rel) ? undefined : ext(rel);
  if (!twinRel) return undefined;
  const twin = join(CODE_ROOT, twinRel);
  try {
    return statSync(twin).mtimeMs >= statSync(file).mtimeMs ? twin : undefined;
  } catch {
    return undefined;
  }
}

let hooked = false;

/**
 * Lets the built CLI load a user's module: tsx for TypeScript, registered only now (a run without user
 * TypeScript never pays for it), and a resolve hook sending imports of the package's sources by
 * path ('../../src/public/index.ts') to their built twins, so one copy of the engine runs. ('tripwire'
 * and 'tripwire/run' need no hook: package.json's `exports` map them to the build.)
 */
async function hookUserModules(): Promise<void> {
  if (hooked) return;
  hooked = true;
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  // Registered after tsx, so it runs first and sees what tsx resolved.
  register(pathToFileURL(join(CODE_ROOT, 'src/scenario/sourceRedirect.js')), {
    data: { sources: SOURCE_DIRS.map((d) => pathToFileURL(join(PACKAGE_ROOT, d)).href + '/'), from: pathToFileURL(PACKAGE_ROOT).href, to: pathToFileURL(CODE_ROOT).href },
  });
}

/**
 * Imports a module by path: the code's own, content, or a user's (a scenario, a config, an agent),
 * which may be TypeScript whether Tripwire runs from its sources or from the build.
 */
export async function importModule(file: string): Promise<unknown> {
  if (BUILT && relative(CODE_ROOT, file).startsWith('..')) {
    const twin = builtTwin(file, (rel) => (rel.endsWith('.ts') ? rel.replace(/\.ts$/, '.js') : undefined));
    if (twin) return import(pathToFileURL(twin).href);
    await hookUserModules();
  }
  return import(pathToFileURL(file).href);
}
