#!/usr/bin/env node
// Runs the JavaScript build (dist/, made by `npm install` and `npm pack`) when it is current with the
// sources; otherwise the TypeScript sources through tsx, so an edit to src/ is never run as stale JS.
// Users' TypeScript (scenarios, configs, agents) loads at run time either way: the built CLI registers
// tsx when the first such file is imported (src/scenario/importModule.ts).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from './built.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
let main;
if (existsSync(`${root}/dist/src/cli/main.js`) && buildIsCurrent(root)) {
  ({ main } = await import('../dist/src/cli/main.js'));
} else {
  // Said to a person at a terminal only: scripts and tests read stderr, and nothing is wrong.
  if (process.stderr.isTTY && existsSync(`${root}/dist`)) console.error('tripwire: the sources changed since the build; running them through tsx (npm run build: faster starts)');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
