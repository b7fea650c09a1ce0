import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the clinic system: the inbox and records written by others. */
export const points = definePoints([
  { path: 'inbox[].text', kind: 'email' },
  { path: 'records[].text', kind: 'record' },
]);
