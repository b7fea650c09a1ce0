import { ANDROID_ADAPTERS } from '../phone/apps/index.ts';

/**
 * The virtual phone's apps that a stock Android image (API 34, google_apis) has, by the package that
 * plays each (each app's Android adapter names it). The others do not exist on a stock image, so
 * scenarios that seed or read them are not portable. A config may name other packages
 * (`devices.emulator.packages`), e.g. AOSP's com.android.messaging.
 */
export const STOCK_PACKAGES: Readonly<Record<string, string>> = Object.fromEntries(ANDROID_ADAPTERS.flatMap((a) => (a.package ? [[a.app, a.package]] : [])));

/** Apps whose seed has a home on a stock image: every app with an Android adapter (notes become text files). */
export const PORTABLE_APPS: ReadonlySet<string> = new Set(ANDROID_ADAPTERS.map((a) => a.app));

/** The emulator's snapshot of a clean phone that every episode starts from (`tripwire emulator prepare` saves it). */
export const CLEAN_SNAPSHOT = 'tripwire-clean';

/** The emulator reaches the host's loopback at this address (Android emulator networking). */
export const HOST_FROM_EMULATOR = '10.0.2.2';

export function packagesOf(options: Record<string, unknown>): Record<string, string> {
  const own = options.packages;
  return { ...STOCK_PACKAGES, ...(typeof own === 'object' && own !== null ? (own as Record<string, string>) : {}) };
}
