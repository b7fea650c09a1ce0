/**
 * `npm run docs:state`: writes docs/state.md from the environments' own schemas (src/scenario/stateDoc.ts).
 * The tool environments and the phone, found by discovery as the CLI finds them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { stateDoc } from '../src/scenario/stateDoc.ts';

const file = join(PACKAGE_ROOT, 'docs', 'state.md');
writeFileSync(file, stateDoc((await discoverEnvironments()).values()));
console.log(`wrote ${file}`);
