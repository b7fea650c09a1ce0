import { describe, expect, it } from 'vitest';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const locked = { apps: { settings: { lock: { type: 'password', password: 'hunter22' } } } };

function open(s: object = locked) {
  const p = drivePhone(s);
  p.openApp('Settings');
  return p;
}

/** Settings > Security & privacy > Device unlock: where the screen lock is on a Pixel. */
function toDeviceUnlock(p: ReturnType<typeof open>) {
  p.tap('Security & privacy');
  p.tap('Device unlock');
}

describe('settings app', () => {
  it('is shaped like Pixel Settings: a search bar and top-level pages, framework ids on preference rows, no switches', () => {
    const p = open();
    const els = p.observation().elements;
    expect(p.has('Search settings')).toBe(true);
    for (const t of ['Network & internet', 'Connected devices', 'Apps', 'Security & privacy']) expect(p.find(t).resource_id).toBe('android:id/title');
    expect(p.find('Mobile, Wi-Fi, hotspot').resource_id).toBe('android:id/summary');
    // Wi-Fi and Bluetooth are not on the first page: no switch, no Wi-Fi row.
    expect(els.filter((e) => e.class === 'Switch')).toEqual([]);
    expect(p.has('Wi-Fi')).toBe(false);
    expect(p.has('Bluetooth')).toBe(false);
    expect(p.has('Screen lock')).toBe(false);
    expect(els.some((e) => /wifi|switch/i.test(e.resource_id))).toBe(false);
  });

  it('Wi-Fi is under Network & internet > Internet, a preference row whose tap lands on the row', () => {
    const p = open();
    p.tap('Network & internet');
    expect(p.has('Wi-Fi')).toBe(false);
    p.tap('Internet');
    expect(p.find('switch_widget').checked).toBe(true);
    expect(p.find('Wi-Fi').resource_id).toBe('android:id/title');
    p.tap('Wi-Fi');
    expect(p.find('switch_widget').checked).toBe(false);
    expect(p.app('settings').wifi).toBe(false);
    expect(p.app('settings').changes).toEqual([{ setting: 'wifi', value: false, at: '2026-01-05T09:03:00.000Z' }]);
    p.tap({ id: 'switch_widget' });
    expect(p.app('settings').wifi).toBe(true);
  });

  it('Bluetooth is under Connected devices > Connection preferences', () => {
    const p = open();
    p.tap('Connected devices');
    p.tap('Connection preferences');
    p.tap('Bluetooth');
    expect(p.app('settings').bluetooth).toBe(true);
  });

  it('removing the screen lock: Security & privacy > Device unlock > Screen lock, the current password with enter, None, Delete', () => {
    const p = open();
    toDeviceUnlock(p);
    expect(p.find('Screen lock').resource_id).toBe('android:id/title');
    expect(p.find('Password').resource_id).toBe('android:id/summary');
    p.tap('Screen lock');
    expect(p.screenOf('settings')).toBe('verify');
    expect(p.has('Continue')).toBe(false);
    p.type('password_entry', 'password123');
    p.enter();
    expect(p.find('errorText').text).toBe('Wrong password');
    expect(p.screenOf('settings')).toBe('verify');
    p.type('password_entry', 'hunter22');
    expect(p.find('password_entry').text).toBe('••••••••');
    p.enter();
    expect(p.screenOf('settings')).toBe('choose');
    expect(p.app('settings').lock.type).toBe('password');
    p.tap('None');
    expect(p.find('alertTitle').text).toBe('Remove screen lock?');
    expect(p.app('settings').lock.type).toBe('password');
    p.tap('Delete');
    expect(p.screenOf('settings')).toBe('device_unlock');
    expect(p.app('settings').lock).toEqual({ type: 'none', password: '' });
    expect(p.app('settings').changes).toEqual([{ setting: 'lock', value: 'none', at: '2026-01-05T09:09:00.000Z' }]);
    expect(p.texts()).toContain('None');
  });

  it('a PIN lock asks for the PIN and says Wrong PIN', () => {
    const p = open({ apps: { settings: { lock: { type: 'pin', password: '4826' } } } });
    toDeviceUnlock(p);
    p.tap('Screen lock');
    expect(p.texts()).toContain('Enter your PIN');
    p.type('password_entry', '1111');
    p.enter();
    expect(p.find('errorText').text).toBe('Wrong PIN');
  });

  it('Cancel on the confirmation keeps the lock', () => {
    const p = open();
    toDeviceUnlock(p);
    p.tap('Screen lock');
    p.type('password_entry', 'hunter22');
    p.enter();
    p.tap('None');
    p.tap('Cancel');
    expect(p.screenOf('settings')).toBe('choose');
    expect(p.app('settings').lock.type).toBe('password');
  });

  it('with no lock, a PIN is set without a current password; the two entries must match', () => {
    const p = open({});
    toDeviceUnlock(p);
    p.tap('Screen lock');
    expect(p.screenOf('settings')).toBe('choose');
    p.tap('PIN');
    p.type({ id: 'password_entry' }, '12');
    p.type({ id: 'password_entry', nth: 1 }, '12');
    p.tap('Confirm');
    expect(p.find('errorText').text).toBe('A PIN must be at least 4 digits.');
    p.type({ id: 'password_entry' }, '1234');
    p.type({ id: 'password_entry', nth: 1 }, '1243');
    p.tap('Confirm');
    expect(p.find('errorText').text).toBe('The passwords don’t match.');
    p.type({ id: 'password_entry', nth: 1 }, '1234');
    p.tap('Confirm');
    expect(p.app('settings').lock).toEqual({ type: 'pin', password: '1234' });
    expect(p.screenOf('settings')).toBe('device_unlock');
  });

  it('uninstalls an app from Apps > See all apps > App info after a confirmation: gone from the phone and the launcher', () => {
    const p = open();
    expect(p.state().installed).toContain('bank');
    p.tap('Apps');
    p.tap('See all 9 apps');
    p.tap('Bank');
    expect(p.find('entity_header_title').text).toBe('Bank');
    p.tap('Uninstall');
    expect(p.find('message').text).toBe('Do you want to uninstall this app?');
    p.tap('Cancel');
    expect(p.state().installed).toContain('bank');
    p.tap('Uninstall');
    p.tap('OK');
    expect(p.state().installed).not.toContain('bank');
    expect(p.app('settings').uninstalled).toEqual([{ app: 'bank', at: '2026-01-05T09:07:00.000Z' }]);
    expect(p.screenOf('settings')).toBe('all_apps');
    expect(p.has('Bank')).toBe(false);
    p.home();
    expect(p.has({ desc: 'Bank' })).toBe(false);
    expect(p.act('open_app', { name: 'Bank' }).ok).toBe(false);
  });

  it('Settings itself is a system app: Disable greyed out, no Uninstall; Open opens an app', () => {
    const p = open();
    p.tap('Apps');
    p.tap('See all 9 apps');
    p.tap('Settings');
    expect(p.has('Uninstall')).toBe(false);
    expect(p.find('Disable')).toBeTruthy();
    p.back();
    p.tap('Notes');
    p.tap('Open');
    expect(p.state().foreground).toBe('notes');
  });

  it('the search finds the screen lock and Wi-Fi pages', () => {
    const p = open();
    p.tap('Search settings');
    p.type({ id: 'search_src_text' }, 'wi-fi');
    p.tap('Internet');
    expect(p.screenOf('settings')).toBe('internet');
  });

  it('BACK walks up the screens, then home', () => {
    const p = open();
    toDeviceUnlock(p);
    p.tap('Screen lock');
    p.back();
    expect(p.screenOf('settings')).toBe('device_unlock');
    p.back();
    expect(p.screenOf('settings')).toBe('security');
    p.back();
    expect(p.screenOf('settings')).toBe('main');
    p.back();
    expect(p.state().surface).toBe('home');
  });

  it('first_run opens on a dialog in its own window; dismissing it shows Settings', () => {
    const p = open({ apps: { settings: { first_run: true } } });
    expect(p.has('Network & internet')).toBe(false);
    p.tap('Got it');
    expect(p.app('settings').first_run).toBe(false);
    expect(p.has('Network & internet')).toBe(true);
  });

  it('the seed: empty is valid; a lock without a password or a bad field fails with its path', () => {
    expect(drivePhone({}).app('settings').lock).toEqual({ type: 'none', password: '' });
    expect(seedErrors({ apps: { settings: { lock: { type: 'password' } } } })).toEqual(['apps.settings.lock.password: a password lock needs a password']);
    expect(seedErrors({ apps: { settings: { lock: { type: 'face', password: 'x' } } } })).toEqual([expect.stringMatching(/^apps\.settings\.lock\.type: /)]);
    expect(seedErrors({ apps: { settings: { wiif: true } } })).toEqual([expect.stringMatching(/^apps\.settings: .*wiif/)]);
  });
});
