import { errors } from 'appium/driver.js';
import { APPS } from '../phone/apps/index.ts';
import { activateApp } from './mobile.ts';
import { ELEMENT_KEY, type PhoneSession } from './session.ts';

/** An element id as clients send it: the id, or an element reference object (WebdriverIO's `tap` sends one). */
export function refId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') {
    const ref = value as Record<string, unknown>;
    const id = ref[ELEMENT_KEY] ?? ref.ELEMENT;
    return typeof id === 'string' ? id : undefined;
  }
  return String(value);
}

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
  installed?: string[];
}

async function clock(session: PhoneSession): Promise<PhoneClock> {
  return (await session.backend.device.state()) as PhoneClock;
}

/** `getDeviceTime`: the phone's clock (UTC), in a moment.js format as UiAutomator2 takes one (default ISO 8601 with offset). */
export async function deviceTime(session: PhoneSession, format: unknown): Promise<string> {
  const now = new Date((await clock(session)).now ?? Date.now());
  session.backend.read('getDeviceTime');
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const tokens: Record<string, string> = {
    YYYY: String(now.getUTCFullYear()), MM: pad(now.getUTCMonth() + 1), DD: pad(now.getUTCDate()), HH: pad(now.getUTCHours()),
    mm: pad(now.getUTCMinutes()), ss: pad(now.getUTCSeconds()), SSS: pad(now.getUTCMilliseconds(), 3), ZZ: '+0000', Z: '+00:00', X: String(Math.floor(now.getTime() / 1000)), x: String(now.getTime()),
  };
  const fmt = typeof format === 'string' && format ? format : 'YYYY-MM-DDTHH:mm:ssZ';
  return fmt.replace(/YYYY|MM|DD|HH|mm|ss|SSS|ZZ|Z|X|x/g, (t) => tokens[t]!);
}

export async function isAppInstalled(session: PhoneSession, appId: unknown): Promise<boolean> {
  if (typeof appId !== 'string') throw new errors.InvalidArgumentError('isAppInstalled needs appId (a package name)');
  const app = APPS.find((a) => a.package === appId);
  const { installed = [] } = await clock(session);
  session.backend.read('isAppInstalled', { appId });
  return Boolean(app && installed.includes(app.id));
}

/** `background(seconds)`: home; then, unless seconds is negative, the app in front again (UiAutomator2 reopens it). */
export async function background(session: PhoneSession, seconds: unknown): Promise<void> {
  const { source } = await session.snapshot();
  const pkg = source.nodes.find((n) => n.package && n.package !== 'com.android.systemui')?.package;
  await session.act({ action: 'button', name: 'HOME' }, `background ${String(seconds)}`);
  const app = APPS.find((a) => a.package === pkg);
  if (app && !(typeof seconds === 'number' && seconds < 0)) await activateApp(session, app.package);
}

/** `mobile: scroll` {strategy, selector, maxSwipes}: scrolls until an element found so shows. */
export async function mobileScroll(session: PhoneSession, opts: { strategy?: unknown; selector?: unknown; maxSwipes?: unknown; elementId?: unknown }): Promise<void> {
  if (typeof opts.strategy !== 'string' || typeof opts.selector !== 'string') throw new errors.InvalidArgumentError('mobile: scroll needs strategy and selector');
  const max = typeof opts.maxSwipes === 'number' ? Math.max(0, Math.min(opts.maxSwipes, 30)) : 30;
  const found = await session.scrollUntil(() => session.locate(opts.strategy as string, opts.selector as string), max, 'up', `mobile: scroll to ${opts.strategy} ${JSON.stringify(opts.selector)}`);
  if (!found.length) throw new errors.NoSuchElementError(`mobile: scroll: no element found by ${opts.strategy} ${JSON.stringify(opts.selector)} after scrolling`);
}
