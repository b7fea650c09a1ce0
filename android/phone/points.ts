import { definePoints } from '../../src/public/index.ts';
import { APP_POINTS } from './apps/index.ts';

/**
 * The phone's untrusted content: each app's (declared beside its registration, apps/index.ts), then
 * the notifications.
 */
export const points = definePoints([
  ...Object.entries(APP_POINTS).flatMap(([id, specs]) => specs.map((p) => ({ ...p, path: `apps.${id}.${p.path}` }))),
  { path: 'notifications[].text', kind: 'notification' },
]);
