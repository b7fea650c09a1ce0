/**
 * A device: an environment whose actions are screen actions (tap, type, swipe, buttons) instead of
 * tools. The virtual phone implements it in process; a device behind Appium (the virtual phone behind
 * Tripwire's driver, a real emulator behind UiAutomator2) implements the same interface, so
 * scenarios, agents, predicates and the viewer need not know which.
 *
 * Two kinds of failure are kept apart. An agent's mistake (a bad index, a stale screen, a malformed
 * action) is a `DeviceResult` with `ok: false`: it becomes an error observation and the episode goes
 * on. A transport failure (the server went away, a session died) rejects with a `TripwireError` of
 * code `device-transport`: the episode ends as `error` with that cause.
 */
import { TripwireError } from './errors.ts';
// Types only, for a device kind's door hooks (serve, endpoint): nothing of these layers runs here.
import type { AgentChannel } from '../agent/channel.ts';
import type { LiveRun } from '../run/live.ts';

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

/** What the device shows now. `id` names this screen's content: an action chosen on it carries it. */
export interface DeviceScreen {
  app: string;
  elements: Element[];
  id: string;
}

/** Every call may be cut short: a wall-time limit or a closing run aborts it. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface PerformOptions extends CallOptions {
  /**
   * The id of the screen the action was chosen on. When the device shows another screen now, an
   * action that names an element by index is refused as `stale-screen` instead of hitting whatever
   * element has that index today.
   */
  screen?: string;
  /** The world clock's time of this action: simulated devices take it as theirs; real ones keep their own. */
  at?: string;
}

export type DeviceResult =
  | { ok: true }
  | { ok: false; code: 'invalid-arguments' | 'stale-screen' | 'not-allowed'; error: string };

export interface Device {
  /** Back to the scenario's seed state (a fresh phone, or a reloaded emulator snapshot and a new seed). */
  reset(seed: unknown, options?: CallOptions): Promise<void>;
  /** The UI hierarchy as Appium UiAutomator2's page source (XML). */
  pageSource(options?: CallOptions): Promise<string>;
  /** The indexed element list of the current screen, with the app in front and the screen's id. */
  elements(options?: CallOptions): Promise<DeviceScreen>;
  /** A PNG of the screen. */
  screenshot(options?: CallOptions): Promise<Buffer>;
  /** Performs one action. An agent's mistake is `ok: false`; only a transport failure rejects. */
  perform(action: ScreenAction, options?: PerformOptions): Promise<DeviceResult>;
  /** App state for predicates: what `{ type: state, env: phone, path: apps.bank... }` reads. */
  state(options?: CallOptions): Promise<Record<string, unknown>>;
  /** A world event from the scenario (an SMS arrives): `at` is the world clock's time. */
  event?(event: { type: string; at: string; [k: string]: unknown }, options?: CallOptions): Promise<{ ok: true } | { ok: false; error: string }>;
  /** For people: the screen as one self-contained HTML document, when the device can draw one. */
  html?(): string | Promise<string>;
  close(): Promise<void>;
}

/**
 * A family of devices named `<name>[=<spec>]` on the command line (`--device virtual`,
 * `--device appium=http://127.0.0.1:4723`). Providers live in android/ and are discovered, not imported.
 */
export type DevicePhone = 'virtual' | 'emulator';

export interface DeviceProvider {
  name: string;
  description: string;
  /** The environment whose tools this device's actions are (its tools give the action schemas). */
  environment: string;
  /**
   * The phone this device is, as scenarios' `devices` name it: a run plays only the scenarios that
   * list it (none: every one). A function when it depends on the spec and config (an Appium URL may
   * serve an emulator).
   */
  phone?: DevicePhone | ((spec: string | undefined, options: Record<string, unknown>) => DevicePhone | undefined);
  /** Fails early, before any episode, with a message for the user (a missing SDK, a bad URL). */
  check?(spec: string | undefined, options: Record<string, unknown>): void | Promise<void>;
  /** `tripwire doctor`: what this device kind needs on this machine, present or not, and how to fix each. */
  doctor?(options: Record<string, unknown>): DoctorCheck[] | Promise<DoctorCheck[]>;
  /** `tripwire <name> <command> ...`: the device kind's own commands (`tripwire emulator prepare`); resolve to an exit code. */
  commands?: Record<string, (argv: string[], options: Record<string, unknown>) => Promise<number>>;
  /**
   * `tripwire <name>` served as a door (`tripwire appium`, `tripwire adb`): a server whose sessions are
   * episodes of `run`, for agents that drive their own loop against this kind of device. `url` is where
   * to connect (an adb serial for adb).
   */
  serve?(options: DeviceServeOptions): Promise<ServedDevice>;
  /**
   * A per-episode endpoint of this device kind for an agent program that runs its own loop (the exec
   * agent on a phone scenario): where to connect and what to send, bound to the episode's channel.
   */
  endpoint?(channel: AgentChannel): Promise<DeviceEndpoint>;
  /**
   * One device per episode; `start` is the scenario's clock start. Absent for a door only (`tripwire
   * adb` serves the virtual phone but plays no `--device` episodes).
   */
  create?(spec: string | undefined, context: { start: string; episodeId: string; options: Record<string, unknown> }): Device | Promise<Device>;
}

export interface DeviceServeOptions {
  run: LiveRun;
  /** Ids of the scenarios a session may ask for (those with this device's environment). */
  scenarios: string[];
  port?: number;
  host?: string;
  /** Also serve sessions that name no scenario: ungraded bare devices, only when asked for. */
  bare?: boolean;
}

export interface ServedDevice {
  url: string;
  /** Ends the sessions still open (as errors with a reason) and stops the server. */
  close(): Promise<void>;
}

export interface DeviceEndpoint {
  url: string;
  /** The episode's capability: secret, scrubbed from what the run writes. */
  token: string;
  /** What a client sends to open its session on this episode's device. */
  capabilities: Record<string, unknown>;
  /** More variables for the program, for other ways into the same device (an adb serial, say). */
  env?: Record<string, string>;
  close(): void;
}

export interface DoctorCheck {
  what: string;
  ok: boolean;
  /** Where it was found, or what is wrong. */
  detail: string;
  /** The command or step that fixes it (when not ok, or weak). */
  fix?: string;
  /** It works, with less protection than it could have: shown, never counted as missing. */
  weak?: boolean;
}

export function defineDeviceProvider(provider: DeviceProvider): DeviceProvider {
  return provider;
}

/** A transport failure of a device: the server is gone, a session died, a call timed out. */
export function deviceTransportError(message: string, cause?: unknown): TripwireError {
  return new TripwireError('device-transport', message, { cause });
}
