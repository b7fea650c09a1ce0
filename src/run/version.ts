import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../scenario/discover.ts';

let version: string | undefined;

/** The Tripwire version from package.json: every summary says which version produced it. */
export function tripwireVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
