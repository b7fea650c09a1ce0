import { definePoints } from '../../src/public/index.ts';

/** Untrusted content on the social network: posts, comments, direct messages, bios. */
export const points = definePoints([
  { path: 'posts[].text', kind: 'post' },
  { path: 'messages[].text', kind: 'direct-message' },
  { path: 'people[].bio', kind: 'profile' },
]);
