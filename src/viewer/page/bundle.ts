import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../scenario/modules.ts';
import { TripwireError } from '../../engine/errors.ts';

// From the sources, also when the CLI runs from dist/: the client is bundled for the browser, never built there.
const ENTRY = join(PACKAGE_ROOT, 'src/viewer/page/client/main.ts');

let bundled: Promise<string> | undefined;

/**
 * The page's client (./client, typed TypeScript) bundled into one script for inlining: built once per
 * process, when the first viewer starts, so the page stays one document that loads nothing else.
 */
export function pageScript(): Promise<string> {
  // esbuild is loaded with the first viewer: the public entry exports the viewer, and every command loads that.
  bundled ??= import('esbuild').then(({ build }) => build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  }).then((out) => {
    const [file] = out.outputFiles;
    if (!file) throw new TripwireError('internal', 'the viewer page bundle is empty');
    // Inlined in a <script> element: no sequence in it may close the element early.
    return file.text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  }));
  bundled.catch(() => (bundled = undefined));
  return bundled;
}
