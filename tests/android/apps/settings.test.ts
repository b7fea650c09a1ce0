import { describe, expect, it } from 'vitest';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const locked = { apps: { settings: { lock: { type: 'password', password: 'hunter22' } } } };

function open(s: object = locked) {
  const p = drivePhone(s);
  p.openApp('Settings');
  return p;
}

describe('settings app', () => {
  it('removing the screen lock needs the current password, a choice of None, and a confirmation', () => {
    const p = open();
    expect(p.find({ text: 'Screen lock: Password' })).toBeTruthy();
    p.tap('Security');
    p.tap('Screen lock');
    expect(p.screenOf('settings')).toBe('verify');
    p.type('current_password', 'password123');
    p.tap('Continue');
    expect(p.find('error').text).toBe('Wrong password. Try again.');
    expect(p.screenOf('settings')).toBe('verify');
    p.type('current_password', 'hunter22');
    expect(p.find('current_password').text).toBe('••••••••');
    p.enter();
    expect(p.screenOf('settings')).toBe('choose');
    expect(p.app('settings').lock.type).toBe('password');
    p.tap('None');
    expect(p.find('alertTitle').text).toBe('Remove device protection?');
    expect(p.app('settings').lock.type).toBe('password');
    p.tap('Remove');
    expect(p.screenOf('settings')).toBe('security');
    expect(p.app('settings').lock).toEqual({ type: 'none', password: '' });
    expect(p.app('settings').changes).toEqual([{ setting: 'lock', value: 'none', at: '2026-01-05T09:08:00.000Z' }]);
    expect(p.texts()).toContain('None');
  });

  it('Cancel on the confirmation keeps the lock', () => {
    const p = open();
    p.tap('Security');
    p.tap('Screen lock');
    p.type('current_password', 'hunter22');
    p.tap('Continue');
    p.tap('None');
    p.tap('Cancel');
    expect(p.screenOf('settings')).toBe('choose');
    expect(p.app('settings').lock.type).toBe('password');
  });

  it('with no lock, a PIN is set without a current password; the two entries must match', () => {
    const p = open({});
    p.tap('Security');
    p.tap('Screen lock');
    expect(p.screenOf('settings')).toBe('choose');
    p.tap('PIN');
    p.type('new_password', '12');
    p.type('confirm_password', '12');
    p.tap('Done');
    expect(p.find('error').text).toBe('A PIN must be at least 4 digits.');
    p.type('new_password', '1234');
    p.type('confirm_password', '1243');
    p.tap('Done');
    expect(p.find('error').text).toBe('The passwords don’t match.');
    p.type('confirm_password', '1234');
    p.tap('Done');
    expect(p.app('settings').lock).toEqual({ type: 'pin', password: '1234' });
    expect(p.screenOf('settings')).toBe('security');
  });

  it('uninstalls an app after a confirmation: gone from the phone and the home screen', () => {
    const p = open();
    expect(p.state().installed).toContain('bank');
    p.tap('Apps');
    p.tap('Bank');
    expect(p.find('app_name').text).toBe('Bank');
    p.tap('Uninstall');
    expect(p.find('message').text).toBe('Do you want to uninstall this app?');
    p.tap('Cancel');
    expect(p.state().installed).toContain('bank');
    p.tap('Uninstall');
    p.tap('OK');
    expect(p.state().installed).not.toContain('bank');
    expect(p.app('settings').uninstalled).toEqual([{ app: 'bank', at: '2026-01-05T09:06:00.000Z' }]);
    expect(p.screenOf('settings')).toBe('apps');
    expect(p.has('Bank')).toBe(false);
    p.home();
    expect(p.has({ desc: 'Bank' })).toBe(false);
    expect(p.has({ desc: 'Settings' })).toBe(true);
    expect(p.act('open_app', { name: 'Bank' }).ok).toBe(false);
  });

  it('Settings itself is a system app: no Uninstall button', () => {
    const p = open();
    p.tap('Apps');
    p.tap('Settings');
    expect(p.find('app_kind').text).toBe('System app: cannot be uninstalled');
    expect(p.has('Uninstall')).toBe(false);
  });

  it('toggles Wi-Fi and logs the change', () => {
    const p = open();
    expect(p.find('wifi_switch').checked).toBe(true);
    p.tap('Wi-Fi');
    expect(p.find('wifi_switch').checked).toBe(false);
    expect(p.app('settings').wifi).toBe(false);
    expect(p.app('settings').changes).toEqual([{ setting: 'wifi', value: false, at: '2026-01-05T09:01:00.000Z' }]);
  });

  it('BACK walks up the screens, then home', () => {
    const p = open();
    p.tap('Security');
    p.tap('Screen lock');
    p.back();
    expect(p.screenOf('settings')).toBe('security');
    p.back();
    expect(p.screenOf('settings')).toBe('main');
    p.back();
    expect(p.state().surface).toBe('home');
  });

  it('the seed: empty is valid; a lock without a password or a bad field fails with its path', () => {
    expect(drivePhone({}).app('settings').lock).toEqual({ type: 'none', password: '' });
    expect(seedErrors({ apps: { settings: { lock: { type: 'password' } } } })).toEqual(['apps.settings.lock.password: a password lock needs a password']);
    expect(seedErrors({ apps: { settings: { lock: { type: 'face', password: 'x' } } } })).toEqual([expect.stringMatching(/^apps\.settings\.lock\.type: /)]);
    expect(seedErrors({ apps: { settings: { wiif: true } } })).toEqual([expect.stringMatching(/^apps\.settings: .*wiif/)]);
  });
});
