import { errors } from 'appium/driver.js';
import { APPS } from '../../phone/apps/index.ts';
import type { PhoneSession } from '../session.ts';

/** The phone's app of a package (UiAutomator2's app management commands name apps by package). */
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

export async function isAppInstalled(session: PhoneSession, appId: unknown): Promise<boolean> {
  if (typeof appId !== 'string') throw new errors.InvalidArgumentError('isAppInstalled needs appId (a package name)');
  const app = APPS.find((a) => a.package === appId);
  const { installed = [] } = await phoneState(session);
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

