import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the mailbox: what other people wrote, and the pages links open. */
export const points = definePoints([
  { path: 'inbox[].body', kind: 'email' },
  { path: 'inbox[].attachments[].content', kind: 'attachment' },
  { path: 'pages{}', kind: 'web-page' },
]);
