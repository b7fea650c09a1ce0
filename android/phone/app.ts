import type { AnyStateMachine, StateValue } from 'xstate';
import type { z } from 'zod';
import type { UiNode } from './ui.ts';

/** What an app's view and its events get from the OS besides its own state. */
export interface AppEnv {
  /** Values shown in the screen's text fields (typed, or the app's defaults), by field name. */
  fields: Record<string, string>;
  /** The world clock's time. */
  at: string;
}

/**
 * An app: a machine whose states are its screens and whose context is its data, and a view that
 * draws the current screen as a UI tree. Events come from taps (a node's `onTap`), with the
 * screen's fields attached; `back` is sent on BACK (an app at its root screen ignores it and the
 * OS goes home).
 */
export interface App<Data = any> {
  id: string;
  /** The label under the home-screen icon, and what `open_app` accepts. */
  label: string;
  package: string;
  /** The app's seed data; every field needs a default so a scenario can leave the app unseeded. */
  seed: z.ZodType;
  /** input: the parsed seed. Handles `back`; must not read the host clock (events carry `at`). */
  machine: AnyStateMachine;
  view(state: { value: StateValue; context: Data }, device: DeviceInfo): UiNode;
  /**
   * On the phone only when a scenario seeds it (gives it data, or lists it in `installed`): apps
   * added for imported benchmarks (Calendar, Maps) leave every other scenario's phone as it was.
   */
  optional?: boolean;
}

/** What the OS tells every view about the phone (the Settings app lists the installed apps). */
export interface DeviceInfo {
  installed: { id: string; label: string }[];
}

/**
 * An app may ask the OS to do something after an event, by setting `intent` in its context (the OS
 * takes it out): open another app (with an event for it: open a thread, load a URL), uninstall one,
 * or clear the screen's text fields (after sending, as a chat box empties).
 */
export interface Intent {
  open?: string;
  event?: { type: string; [k: string]: unknown };
  uninstall?: string;
  clearFields?: boolean;
}

export function defineApp<Data>(app: App<Data>): App<Data> {
  return app;
}
