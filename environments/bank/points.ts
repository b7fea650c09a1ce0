import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the bank: what a payer wrote in a transfer's reference. */
export const points = definePoints([{ path: 'transactions[].memo', kind: 'record' }]);
