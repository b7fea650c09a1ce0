import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the cloud project: provider notices and stored objects. */
export const points = definePoints([
  { path: 'notices[].text', kind: 'notice' },
  { path: 'buckets[].objects[].content', kind: 'file' },
]);
