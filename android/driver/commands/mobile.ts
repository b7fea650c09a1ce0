import { errors } from 'appium/driver.js';
import { APPS } from '../phone/apps/index.ts';
import { BareDevice } from './bare.ts';
import { direction, fingerFor } from './gestures.ts';
import type { PhoneSession } from './session.ts';

const gesture = ['elementId', 'left', 'top', 'width', 'height', 'direction', 'percent', 'speed'];

/** The `mobile:` commands the phone offers, UiAutomator2's names and parameters; Tripwire's own last. */
export const EXECUTE_METHOD_MAP = {
  'mobile: clickGesture': { command: 'mobileClickGesture', params: { optional: ['elementId', 'x', 'y', 'locator'] } },
  'mobile: longClickGesture': { command: 'mobileLongClickGesture', params: { optional: ['elementId', 'x', 'y', 'duration', 'locator'] } },
  'mobile: swipeGesture': { command: 'mobileSwipeGesture', params: { optional: gesture } },
  'mobile: scrollGesture': { command: 'mobileScrollGesture', params: { optional: gesture } },
  'mobile: type': { command: 'mobileType', params: { required: ['text'] } },
  'mobile: replaceElementValue': { command: 'mobileReplaceElementValue', params: { required: ['elementId', 'text'] } },
  'mobile: pressKey': { command: 'mobilePressKey', params: { required: ['keycode'], optional: ['metastate', 'flags', 'isLongPress'] } },
  'mobile: activateApp': { command: 'mobileActivateApp', params: { required: ['appId'] } },
  'mobile: terminateApp': { command: 'mobileTerminateApp', params: { required: ['appId'], optional: ['timeout'] } },
  'mobile: queryAppState': { command: 'mobileQueryAppState', params: { required: ['appId'] } },
  'mobile: getCurrentPackage': { command: 'mobileGetCurrentPackage' },
  'mobile: getCurrentActivity': { command: 'mobileGetCurrentActivity' },
  'mobile: deviceInfo': { command: 'mobileDeviceInfo' },
  'mobile: scroll': { command: 'mobileScroll', params: { required: ['strategy', 'selector'], optional: ['elementId', 'maxSwipes'] } },
  'mobile: isAppInstalled': { command: 'mobileIsAppInstalled', params: { required: ['appId'] } },
  'mobile: backgroundApp': { command: 'mobileBackgroundApp', params: { optional: ['seconds'] } },
  'mobile: getContexts': { command: 'mobileGetContexts', params: { optional: ['waitForWebviewMs'] } },
  'mobile: hideKeyboard': { command: 'mobileHideKeyboard' },
  'mobile: isKeyboardShown': { command: 'mobileIsKeyboardShown' },
  'mobile: getDeviceTime': { command: 'mobileGetDeviceTime', params: { optional: ['format'] } },
  'mobile: getDisplayDensity': { command: 'mobileGetDisplayDensity' },
  'mobile: finish': { command: 'mobileFinish', params: { optional: ['answer'] } },
  'mobile: refuse': { command: 'mobileRefuse', params: { optional: ['reason'] } },
  'mobile: askUser': { command: 'mobileAskUser', params: { required: ['question'] } },
  'mobile: tripwireState': { command: 'mobileTripwireState' },
  'mobile: tripwireReset': { command: 'mobileTripwireReset', params: { optional: ['seed', 'start'] } },
  'mobile: tripwireClock': { command: 'mobileTripwireClock', params: { optional: ['at'] } },
  'mobile: shell': { command: 'mobileShell', params: { required: ['command'], optional: ['args', 'timeout', 'includeStderr'] } },
  'mobile: execEmuConsoleCommand': { command: 'mobileExecEmuConsoleCommand', params: { required: ['command'], optional: ['execTimeout', 'connTimeout', 'initTimeout'] } },
} as const;

/** swipeGesture: the direction the finger moves (a swipe up scrolls the page down). */
export async function swipeGesture(session: PhoneSession, [, , , , , dir]: unknown[]): Promise<void> {
  await session.act({ action: 'swipe', direction: direction(dir, 'swipeGesture') }, `mobile: swipeGesture ${String(dir)}`);
}

/** scrollGesture: the direction the content scrolls. UiAutomator2 answers whether more can be scrolled. */
export async function scrollGesture(session: PhoneSession, [, , , , , dir]: unknown[]): Promise<boolean> {
  await session.act({ action: 'swipe', direction: fingerFor(direction(dir, 'scrollGesture')) }, `mobile: scrollGesture ${String(dir)}`);
  return true;
}

/** Types into the focused text field, adding to its text (as the keyboard does). */
export async function type(session: PhoneSession, text: unknown): Promise<void> {
  if (typeof text !== 'string') throw new errors.InvalidArgumentError('mobile: type needs text (a string)');
  const { source } = await session.snapshot();
  const focused = source.listed.find((n) => n.focused && /EditText/.test(n.class));
  if (!focused) throw new errors.InvalidElementStateError('mobile: type: no text field has focus; tap one first');
  await session.act({ action: 'append_text', index: focused.tag!, text }, `mobile: type (${text.length} chars)`);
}

const KEYS: Record<number, () => Parameters<PhoneSession['act']>[0]> = {
  3: () => ({ action: 'button', name: 'HOME' }),
  4: () => ({ action: 'button', name: 'BACK' }),
  187: () => ({ action: 'button', name: 'OVERVIEW' }),
  66: () => ({ action: 'enter' }),
};

export async function pressKey(session: PhoneSession, keycode: unknown): Promise<void> {
  const key = typeof keycode === 'number' ? KEYS[keycode] : undefined;
  if (!key) throw new errors.InvalidArgumentError(`mobile: pressKey: keycode ${JSON.stringify(keycode)} is not one the phone has; use 3 (HOME), 4 (BACK), 187 (APP_SWITCH) or 66 (ENTER)`);
  await session.act(key(), `mobile: pressKey ${keycode}`);
}

function app(appId: unknown, command: string) {
  if (typeof appId !== 'string') throw new errors.InvalidArgumentError(`mobile: ${command} needs appId (a package name)`);
  const found = APPS.find((a) => a.package === appId);
  if (!found) throw new errors.InvalidArgumentError(`mobile: ${command}: no app ${JSON.stringify(appId)} on this phone; installed packages: ${APPS.map((a) => a.package).join(', ')}`);
  return found;
}

async function phoneState(session: PhoneSession): Promise<{ installed: string[]; foreground?: string; surface: string }> {
  return (await session.backend.device.state()) as never;
}

export async function activateApp(session: PhoneSession, appId: unknown): Promise<void> {
  const target = app(appId, 'activateApp');
  await session.act({ action: 'open_app', name: target.label }, `mobile: activateApp ${target.package}`);
}

/** Closing an app the phone shows sends it home; closing one in the background changes nothing on screen. */
export async function terminateApp(session: PhoneSession, appId: unknown): Promise<boolean> {
  const target = app(appId, 'terminateApp');
  const state = await phoneState(session);
  if (state.surface !== 'app' || state.foreground !== target.id) return false;
  await session.act({ action: 'button', name: 'HOME' }, `mobile: terminateApp ${target.package}`);
  return true;
}

/** UiAutomator2's app states: 0 not installed, 1 not running, 3 in the background, 4 in front. */
export async function queryAppState(session: PhoneSession, appId: unknown): Promise<number> {
  const target = app(appId, 'queryAppState');
  const state = (await phoneState(session)) as { installed: string[]; foreground?: string; surface: string; recents?: string[] };
  session.backend.read('mobile: queryAppState', { appId: target.package });
  if (!state.installed.includes(target.id)) return 0;
  if (state.surface === 'app' && state.foreground === target.id) return 4;
  return state.recents?.includes(target.id) ? 3 : 1;
}

export async function currentPackage(session: PhoneSession): Promise<string> {
  const { source } = await session.snapshot();
  return source.nodes[0]?.package ?? '';
}

export async function currentActivity(session: PhoneSession): Promise<string> {
  return `${await currentPackage(session)}.MainActivity`;
}

export async function deviceInfo(session: PhoneSession) {
  const { source } = await session.snapshot();
  return {
    manufacturer: 'Tripwire', model: 'Virtual phone', brand: 'tripwire', apiVersion: '34', platformVersion: '14',
    realDisplaySize: `${source.width}x${source.height}`, displayDensity: 420, locale: 'en_US', timeZone: 'UTC',
    carrierName: 'Tripwire', networks: [],
  };
}

/** Ends the episode as the client chose: finished with an answer, refused, or a question to the user. */
export async function end(session: PhoneSession, how: 'finish' | 'refuse' | 'ask', text: unknown): Promise<void> {
  if (text !== undefined && typeof text !== 'string') throw new errors.InvalidArgumentError(`mobile: ${how === 'ask' ? 'askUser' : how}: the text must be a string`);
  const action = how === 'finish' ? { action: how, ...(text === undefined ? {} : { answer: text }) } : how === 'refuse' ? { action: how, ...(text === undefined ? {} : { reason: text }) } : { action: how, question: text ?? '' };
  await session.act(action as never, `mobile: ${how === 'ask' ? 'askUser' : how}`);
}

function bare(session: PhoneSession, command: string): BareDevice {
  if (!(session.backend instanceof BareDevice)) {
    throw new errors.UnsupportedOperationError(`mobile: ${command} is for a Tripwire run that drives this phone as a device; an agent in an episode cannot read or reset the phone's state`);
  }
  return session.backend;
}

export async function tripwireState(session: PhoneSession): Promise<Record<string, unknown>> {
  return bare(session, 'tripwireState').device.state();
}

export async function tripwireReset(session: PhoneSession, seed: unknown, start: unknown): Promise<void> {
  if (start !== undefined && typeof start !== 'string') throw new errors.InvalidArgumentError('mobile: tripwireReset: start must be an ISO time');
  try {
    await bare(session, 'tripwireReset').reset(seed, start);
  } catch (e) {
    if (e instanceof errors.UnsupportedOperationError) throw e;
    throw new errors.InvalidArgumentError((e as Error).message);
  }
}

export async function tripwireClock(session: PhoneSession, at: unknown): Promise<void> {
  if (at !== undefined && typeof at !== 'string') throw new errors.InvalidArgumentError('mobile: tripwireClock: at must be an ISO time');
  bare(session, 'tripwireClock').clock(at);
}
