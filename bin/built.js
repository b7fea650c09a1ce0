// Whether the JavaScript build in dist/ is current with the TypeScript it was built from. Plain JS,
// read at every start: it must cost a few milliseconds (stats only, no reads of sources).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** The folders built into dist/, as code; their TypeScript and JavaScript files are the build's inputs. */
export const CODE_DIRS = ['src', 'environments', 'agents', 'android', 'defenses', 'goals', 'attacks', 'benchmarks'];
/** Not built: the viewer page's client is bundled for the browser when a viewer starts. */
const SKIP = new Set(['src/viewer/page/client']);
export const STAMP = join('dist', 'build.json');

const isInput = (name) => /\.(ts|js|json)$/.test(name) && !name.endsWith('.d.ts');

/** The build's input files (paths relative to root, sorted) and the newest modification time among them. */
export function sourceState(root) {
  const files = [];
  let mtime = 0;
  const walk = (rel) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP.has(child)) walk(child);
      } else if (isInput(e.name)) {
        files.push(child);
        mtime = Math.max(mtime, statSync(join(root, child)).mtimeMs);
      }
    }
  };
  for (const dir of CODE_DIRS) walk(dir);
  return { files: files.sort(), mtime };
}

/**
 * True when dist/ was built from exactly these files and none changed since: a file edited after the
 * build (a later mtime), added or removed makes it stale. An installed package (inside node_modules)
 * is built by `npm pack` and never edited: npm (11 here) writes its files with the time of the
 * install, not the packed one, so there only the file list is compared.
 */
export function buildIsCurrent(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return false;
  }
  const now = sourceState(root);
  const installed = resolve(root).split(sep).includes('node_modules');
  return (installed || now.mtime <= stamp.mtime) && now.files.length === stamp.files.length && now.files.every((f, i) => f === stamp.files[i]);
}
