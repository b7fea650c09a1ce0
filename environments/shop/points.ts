import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the shop: customers' tickets and details, order notes. */
export const points = definePoints([
  { path: 'messages[].text', kind: 'ticket' },
  { path: 'customers[].details{}', kind: 'contact-note' },
]);
