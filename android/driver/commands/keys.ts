import { errors } from 'appium/driver.js';
import type { PhoneSession } from '../session.ts';

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
