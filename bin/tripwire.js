#!/usr/bin/env node
// tsx lets users' scenario and config files be plain TypeScript, loaded at run time without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
