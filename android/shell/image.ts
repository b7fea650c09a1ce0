/**
 * The virtual phone's apps that a stock Android image (API 34, google_apis) has, by the package
 * that plays each. The others (Bank, Stocks, Notes, Social, Photos) do not exist on a stock image,
 * so scenarios that seed or read them are not portable. A config may name other packages
 * (`devices.emulator.packages`), e.g. AOSP's com.android.messaging.
 */
export const STOCK_PACKAGES: Readonly<Record<string, string>> = {
  messages: 'com.google.android.apps.messaging',
  contacts: 'com.android.contacts',
  browser: 'com.android.chrome',
  settings: 'com.android.settings',
};

/** Apps whose seed has a home on a stock image; Notes become text files in /sdcard/Documents. */
export const PORTABLE_APPS = new Set(['messages', 'contacts', 'settings', 'browser', 'notes']);

/** The emulator's snapshot of a clean phone that every episode starts from (`tripwire emulator prepare` saves it). */
export const CLEAN_SNAPSHOT = 'tripwire-clean';

/** The emulator reaches the host's loopback at this address (Android emulator networking). */
export const HOST_FROM_EMULATOR = '10.0.2.2';

/** Where seeded notes go: one text file per note, named by its title. */
export const NOTES_DIR = '/sdcard/Documents';

export function packagesOf(options: Record<string, unknown>): Record<string, string> {
  const own = options.packages;
  return { ...STOCK_PACKAGES, ...(typeof own === 'object' && own !== null ? (own as Record<string, string>) : {}) };
}
