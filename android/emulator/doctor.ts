import { spawnSync } from 'node:child_process';
import type { DoctorCheck } from '../../src/public/index.ts';
import { FIX, findSdk } from './sdk.ts';

/** The emulator device kind's needs on this machine, each present or missing with its fix. */
export function emulatorChecks(env: NodeJS.ProcessEnv = process.env): DoctorCheck[] {
  const sdk = findSdk(env);
  const java = env.JAVA_HOME ? `${env.JAVA_HOME}/bin/java` : 'java';
  const javaOk = spawnSync(java, ['-version'], { stdio: 'ignore', env }).status === 0;
  const appiumHome = env.APPIUM_HOME ?? `${env.HOME ?? ''}/.appium`;
  const driver = spawnSync('sh', ['-c', `ls "${appiumHome}"/node_modules/appium-uiautomator2-driver/package.json`], { stdio: 'ignore' }).status === 0;
  return [
    { what: 'Android SDK (ANDROID_HOME or ANDROID_SDK_ROOT)', ok: !!sdk.root, detail: sdk.root ?? 'not set, or the folder does not exist', fix: FIX.sdk },
    { what: 'adb', ok: !!sdk.adb, detail: sdk.adb ?? 'not found in the SDK or on PATH', fix: FIX.adb },
    { what: 'emulator', ok: !!sdk.emulator, detail: sdk.emulator ?? 'not found in the SDK or on PATH', fix: FIX.emulator },
    { what: 'an AVD', ok: sdk.avds.length > 0, detail: sdk.avds.length ? sdk.avds.join(', ') : `none in ${sdk.avdHome}`, fix: FIX.avd },
    { what: 'Java (for the UiAutomator2 server)', ok: javaOk, detail: javaOk ? java : 'no java runs', fix: FIX.java },
    { what: 'Appium UiAutomator2 driver', ok: driver, detail: driver ? `in ${appiumHome}` : `not installed in ${appiumHome}`, fix: FIX.uiautomator2 },
  ];
}
