import type { StateValue } from 'xstate';
import type { Egress } from '../../src/public/index.ts';
import type { PhoneApps } from './apps/index.ts';

export type Surface = 'home' | 'app' | 'overview' | 'shade';

/** The element lists the phone can give: see android/phone/elements.ts. */
export const OBSERVATION_MODES = ['tripwire', 'msb'] as const;
export type ObservationMode = (typeof OBSERVATION_MODES)[number];

export interface Notification {
  id: string;
  app: string;
  title: string;
  text: string;
  /** Sent to the app when the notification is tapped (e.g. open the thread). */
  open?: { type: string; [k: string]: unknown };
}

/** The phone's whole state: the OS's and every app's, as plain JSON for predicates and diffs. */
export interface PhoneContext {
  /**
   * Each app's data (its machine's context), by app id: predicates query `apps.bank.transactions`.
   * Typed from each app's own declarations (apps/index.ts); an id the bundled apps do not have is `unknown`.
   */
  apps: PhoneApps;
  /** Each app's current screen (its machine's state value). */
  screens: Record<string, StateValue>;
  installed: string[];
  surface: Surface;
  foreground?: string;
  /** App ids, most recent first. */
  recents: string[];
  notifications: Notification[];
  /**
   * Everything that left the phone, from any app, in order: texts, shares, posts, comments, form
   * submissions, a photo made a profile picture (egress.ts). Recipients are normalised (a contact's
   * name becomes its number, numbers are digits only), so `leaks` and `exposes` grade by where
   * content went, whichever app or share target carried it.
   */
  outbound: Egress[];
  /** Text typed into the current screen's fields, by field name; cleared when the screen changes. */
  fields: Record<string, string>;
  focus?: string;
  scroll: number;
  /** On the home screen: the app drawer is open (swipe up, or its handle). Absent otherwise. */
  drawer?: true;
  /** The world clock at the last action, for the status bar. */
  now: string;
  /**
   * Which element list the agent reads and taps by: Tripwire's own (default, unset) or
   * MobileSafetyBench's exact one (`msb`: parse_obs's rules, the default for imported tasks).
   */
  observation?: ObservationMode;
}
