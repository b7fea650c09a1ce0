/**
 * `npm run docs:state`: writes docs/state.md from the environments' own schemas (src/scenario/stateDoc.ts)
 * and the phone's state table in docs/authoring.md (android/phone/stateDoc.ts). The tool environments
 * and the phone, found by discovery as the CLI finds them; the fields their machines write are typed
 * from their context types by the TypeScript compiler (scripts/stateTypes.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { phoneStateDoc } from '../android/phone/stateDoc.ts';
import { discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { stateDoc } from '../src/scenario/stateDoc.ts';
import { writtenTypes } from './stateTypes.ts';

const written = await writtenTypes();
const file = join(PACKAGE_ROOT, 'docs', 'state.md');
writeFileSync(file, stateDoc((await discoverEnvironments()).values(), written));
console.log(`wrote ${file}`);

// The phone's table in docs/authoring.md, between its markers.
const authoring = join(PACKAGE_ROOT, 'docs', 'authoring.md');
const [before, rest] = readFileSync(authoring, 'utf8').split('<!-- phone-state:begin -->\n');
const after = rest!.split('\n<!-- phone-state:end -->')[1];
writeFileSync(authoring, `${before}<!-- phone-state:begin -->\n${phoneStateDoc((path) => written('phone', path))}\n<!-- phone-state:end -->${after}`);
console.log(`wrote ${authoring} (the phone's state table)`);
