import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { tempDir } from '../../support/helpers.ts';

/**
 * A machine without the Android SDK: no ANDROID_HOME, no adb or emulator on PATH, no AVDs. The
 * setup installs Debian's adb (for the adb door's tests), so PATH is a folder of the system's
 * programs less those two.
 */
function pathWithout(...names: string[]): string {
  const bin = tempDir();
  for (const dir of ['/usr/bin', '/bin']) {
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (!names.includes(name) && !existsSync(join(bin, name))) symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return bin;
}
const env = { PATH: pathWithout('adb', 'emulator'), HOME: tempDir(), ANDROID_AVD_HOME: tempDir() };
const tripwire = (...args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'tripwire.js'), ...args], { env, encoding: 'utf8', cwd: tempDir() });

describe('emulator commands on a machine without an Android SDK', () => {
  it('tripwire doctor lists what is missing with the command that fixes it, and exits 2', () => {
    const r = tripwire('doctor');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/MISSING Android SDK \(ANDROID_HOME or ANDROID_SDK_ROOT\)[^\n]*\n\s+fix: install the Android command-line tools/);
    expect(r.stdout).toMatch(/MISSING adb[^\n]*\n\s+fix: sdkmanager "platform-tools"/);
    expect(r.stdout).toMatch(/MISSING an AVD[^\n]*\n\s+fix: sdkmanager .* && avdmanager create avd/);
    expect(r.stdout).toMatch(/UiAutomator2 driver[^\n]*\n\s+fix: npx appium driver install uiautomator2/);
    expect(r.stdout).toMatch(/ok +Skia canvas/);
  });

  it('tripwire run --device emulator and tripwire emulator prepare exit 2 naming the SDK, without a stack trace', () => {
    for (const args of [['run', '--device', 'emulator', '--agent', 'oracle', '--out', tempDir()], ['emulator', 'prepare', '--avd', 'pixel34']]) {
      const r = tripwire(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('the emulator device needs the Android SDK');
      expect(r.stderr).toContain('sdkmanager "platform-tools"');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
