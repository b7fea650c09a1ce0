import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the workspace chat: channel posts, direct messages, shared files. */
export const points = definePoints([
  { path: 'channels[].messages[].text', kind: 'chat-message' },
  { path: 'dms[].messages[].text', kind: 'direct-message' },
  { path: 'files[].content', kind: 'file' },
]);
