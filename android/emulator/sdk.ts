import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { TripwireError } from '../../src/public/index.ts';

/** Where the Android SDK's tools are on this machine; `undefined` fields are missing. */
export interface Sdk {
  /** ANDROID_HOME (or the older ANDROID_SDK_ROOT). */
  root?: string;
  adb?: string;
  emulator?: string;
  avdmanager?: string;
  /** Folder of the AVDs (ANDROID_AVD_HOME, else ~/.android/avd). */
  avdHome: string;
  avds: string[];
}

export const SDK_PACKAGES = '"platform-tools" "emulator" "platforms;android-34" "system-images;android-34;google_apis;x86_64"';

/** The commands that fix each missing part, as docs/emulator.md gives them. */
export const FIX = {
  sdk: 'install the Android command-line tools (https://developer.android.com/studio#command-tools) and `export ANDROID_HOME=$HOME/Android/Sdk`',
  adb: `sdkmanager "platform-tools"   (then adb is $ANDROID_HOME/platform-tools/adb)`,
  emulator: `sdkmanager "emulator"`,
  avd: `sdkmanager ${SDK_PACKAGES} && avdmanager create avd -n tripwire -k "system-images;android-34;google_apis;x86_64" -d pixel_6`,
  java: 'install a JDK 17 or newer (Debian: `apt-get install openjdk-17-jdk-headless`) and set JAVA_HOME',
  uiautomator2: 'npx appium driver install uiautomator2',
} as const;

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Finds the SDK from the environment (ANDROID_HOME, ANDROID_SDK_ROOT, PATH); never throws. */
export function findSdk(env: NodeJS.ProcessEnv = process.env): Sdk {
  const root = [env.ANDROID_HOME, env.ANDROID_SDK_ROOT].find((r) => r && existsSync(r));
  const inRoot = (...p: string[]) => (root && existsSync(join(root, ...p)) ? join(root, ...p) : undefined);
  const avdHome = env.ANDROID_AVD_HOME ?? join(env.ANDROID_USER_HOME ?? join(homedir(), '.android'), 'avd');
  const avds = existsSync(avdHome) ? readdirSync(avdHome).filter((f) => f.endsWith('.ini')).map((f) => f.slice(0, -4)).sort() : [];
  return {
    ...(root ? { root } : {}),
    ...optional('adb', inRoot('platform-tools', 'adb') ?? onPath('adb', env)),
    ...optional('emulator', inRoot('emulator', 'emulator') ?? onPath('emulator', env)),
    ...optional('avdmanager', inRoot('cmdline-tools', 'latest', 'bin', 'avdmanager') ?? onPath('avdmanager', env)),
    avdHome,
    avds,
  };
}

const optional = <K extends string>(key: K, value: string | undefined) => (value ? { [key]: value } : {}) as Partial<Record<K, string>>;

/**
 * The SDK with adb (and, when `needEmulator`, the emulator binary), or a `device-unavailable` error
 * that names what is missing and the command that installs it (the CLI exits 2 with it).
 */
export function requireSdk(sdk: Sdk, needEmulator: boolean): Required<Pick<Sdk, 'adb'>> & Sdk {
  const missing: string[] = [];
  if (!sdk.root && !sdk.adb) missing.push(`no Android SDK (ANDROID_HOME and ANDROID_SDK_ROOT are unset or missing): ${FIX.sdk}`);
  if (!sdk.adb) missing.push(`adb not found: ${FIX.adb}`);
  if (needEmulator && !sdk.emulator) missing.push(`the Android emulator not found: ${FIX.emulator}`);
  if (missing.length) throw new TripwireError('device-unavailable', `the emulator device needs the Android SDK:\n  - ${missing.join('\n  - ')}\nRun \`tripwire doctor\` to see everything that is missing; docs/emulator.md walks through a setup.`);
  return sdk as Required<Pick<Sdk, 'adb'>> & Sdk;
}
