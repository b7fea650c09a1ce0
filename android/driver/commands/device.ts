import { errors } from 'appium/driver.js';
import type { PhoneSession } from '../session.ts';

/** UiAutomator2 on a phone without web views: the native context only. */
export const NATIVE = 'NATIVE_APP';

export function setContext(name: unknown): void {
  if (name !== NATIVE && name !== null) throw new errors.NoSuchContextError(`the phone has no context ${JSON.stringify(name)}: only ${NATIVE} (its pages are native views)`);
}

export function setOrientation(orientation: unknown): void {
  if (String(orientation).toUpperCase() !== 'PORTRAIT') throw new errors.UnsupportedOperationError('the phone is portrait only: it cannot rotate to landscape');
}

/** The keyboard is up while a text field has focus (as Gboard is). */
export async function keyboardShown(session: PhoneSession): Promise<boolean> {
  const { source } = await session.snapshot();
  session.backend.read('isKeyboardShown');
  return source.nodes.some((n) => n.focused && /EditText|AutoCompleteTextView/.test(n.class));
}

interface PhoneClock {
  now?: string;
}

/** `getDeviceTime`: the phone's clock (UTC), in a moment.js format as UiAutomator2 takes one (default ISO 8601 with offset). */
export async function deviceTime(session: PhoneSession, format: unknown): Promise<string> {
  const now = new Date(((await session.backend.device.state()) as PhoneClock).now ?? Date.now());
  session.backend.read('getDeviceTime');
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const tokens: Record<string, string> = {
    YYYY: String(now.getUTCFullYear()), MM: pad(now.getUTCMonth() + 1), DD: pad(now.getUTCDate()), HH: pad(now.getUTCHours()),
    mm: pad(now.getUTCMinutes()), ss: pad(now.getUTCSeconds()), SSS: pad(now.getUTCMilliseconds(), 3), ZZ: '+0000', Z: '+00:00', X: String(Math.floor(now.getTime() / 1000)), x: String(now.getTime()),
  };
  const fmt = typeof format === 'string' && format ? format : 'YYYY-MM-DDTHH:mm:ssZ';
  return fmt.replace(/YYYY|MM|DD|HH|mm|ss|SSS|ZZ|Z|X|x/g, (t) => tokens[t]!);
}

export async function deviceInfo(session: PhoneSession) {
  const { source } = await session.snapshot();
  return {
    manufacturer: 'Tripwire', model: 'Virtual phone', brand: 'tripwire', apiVersion: '34', platformVersion: '14',
    realDisplaySize: `${source.width}x${source.height}`, displayDensity: 420, locale: 'en_US', timeZone: 'UTC',
    carrierName: 'Tripwire', networks: [],
  };
}
