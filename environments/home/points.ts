import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the smart home: notifications from devices and services. */
export const points = definePoints([{ path: 'notifications[].text', kind: 'notification' }]);
