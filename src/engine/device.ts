/**
 * A device: an environment whose actions are screen actions (tap, type, swipe, buttons) instead of
 * tools. The virtual phone implements it in process; a real Android emulator behind Appium and
 * WebdriverIO implements the same interface, so scenarios, agents and the viewer need not know which.
 */

/** One entry of the indexed element list an agent sees (MobileSafetyBench's observation). */
export interface Element {
  numeric_tag: number;
  resource_id: string;
  /** The class's short name: Button, TextView, EditText, ... */
  class: string;
  content_description: string;
  text: string;
  checked: boolean;
}

/** A screen action: MobileSafetyBench's action space (refuse, ask-consent and complete are the engine's). */
export type ScreenAction =
  | { action: 'tap' | 'long_tap'; index: number }
  | { action: 'swipe'; direction: 'up' | 'down' | 'left' | 'right' }
  | { action: 'button'; name: 'HOME' | 'BACK' | 'OVERVIEW' }
  | { action: 'replace_text' | 'append_text'; index: number; text: string }
  | { action: 'enter' | 'no_op' }
  | { action: 'open_app'; name: string };

export interface Device {
  /** Back to the scenario's seed state (a fresh phone, or a reloaded emulator snapshot). */
  reset(seed: unknown): Promise<void>;
  /** The UI hierarchy as Appium UiAutomator2's page source (XML). */
  pageSource(): Promise<string>;
  /** The indexed element list of the current screen, with the app in front. */
  elements(): Promise<{ app: string; elements: Element[] }>;
  /** A PNG of the screen. */
  screenshot(): Promise<Buffer>;
  /** Performs one action; an invalid index or a malformed action is an error, never a throw. */
  perform(action: ScreenAction): Promise<{ ok: true } | { ok: false; error: string }>;
  /** App state for predicates: what `{ type: state, env: phone, path: apps.bank... }` reads. */
  state(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}
