import type { CallOptions, Egress } from '../../src/public/index.ts';
import type { App } from './app.ts';
import type { BundledAppId } from './apps/index.ts';
import type { PhoneContext } from './context.ts';
import type { PhoneSeed } from './seed.ts';
import type { UiNode } from './ui.ts';

/**
 * What one phone app is on a real Android device, beside the app (`apps/<id>.android.ts`) and
 * registered in `apps/index.ts` (`ANDROID_ADAPTERS`): the package that plays it on a stock image, how
 * its seed is written there through adb, how its state is read back into the virtual app's shape, and
 * how the Android shell the doors share answers for it (android/shell/: its content provider rows,
 * its shell commands). The generic code (emulator/seed.ts, emulator/state.ts, emulator/device.ts,
 * shell/adbShell.ts, shell/providers.ts) iterates the adapters and names no app, so taking an app to
 * a device is its adapter file and one line of the list. An app without an adapter has no home on a
 * stock image: a scenario seeding it is not portable (emulator/seed.ts says so).
 */
export interface AndroidAdapter<Id extends BundledAppId = BundledAppId, Memory extends object = object, State = unknown, Written = unknown> {
  app: Id;
  /**
   * The package that plays the app on a stock image (API 34, google_apis); a config may name another
   * (`devices.emulator.packages`). None: the image has no such app, but the app's data has a home
   * there (notes as text files), so its scenarios still run.
   */
  package?: string;
  /** First-run setup of a clean image for this app, before its snapshot is saved (`tripwire emulator prepare`). */
  prepare?: readonly string[][];
  /**
   * Writes the app's part of a parsed seed onto a freshly reloaded device, in the adapters' order
   * (contacts before the threads that are named after them); resolves to what the reader needs to
   * tell the seed's rows from the episode's (merged into the seed memory).
   */
  seed?(adb: DeviceAdb, seed: PhoneSeed, options: CallOptions): Promise<Partial<Memory> | void>;
  /** After every app is seeded (and the notifications posted): what is on the device now that the reader compares with. */
  seeded?(adb: DeviceAdb, seed: PhoneSeed, options: CallOptions): Promise<Partial<Memory>>;
  /** One episode's reader of the app's state on the device (it may remember earlier reads: what was deleted, what changed). */
  reader?(adb: DeviceAdb, memory: SeedMemoryOf<Memory>): AppReader<State>;
  /** What left the phone by this app, derived from its state as read (the virtual phone's `outbound` log). */
  outbound?(state: State): Egress[];
  /** The Android shell's answers for this app (android/shell/adbShell.ts, the virtual phone playing a device). */
  shell?: ShellAnswers<Id, Written>;
  /**
   * The app that opens the web: its seed and state are the page host's on the emulator (emulator/web.ts
   * serves the scenario's web to the device's browser and runs the app there), and `am start -a VIEW -d
   * <url>` of its package opens the URL.
   */
  web?: WebApp;
}

/** The seed memory a reader gets: the parsed seed and what the adapters remembered while seeding. */
export type SeedMemoryOf<Memory extends object> = { seed: PhoneSeed } & Memory;

/** A row of `content query`: column to value (NULL is null). */
export type Row = Record<string, string | null>;
/** A `content insert` binding: `s` string, `i` int, `l` long, `b` boolean. */
export type Bind = [column: string, type: 's' | 'i' | 'l' | 'b', value: string | number | boolean];

/** The adb verbs an adapter seeds and reads with (android/emulator/adb.ts's `Adb`, over any transport). */
export interface DeviceAdb {
  /** `adb shell <words>`: quoted once by the transport. */
  shell(words: string[], options?: CallOptions): Promise<string>;
  /** `content query` with a projection, parsed into rows keyed by those columns. */
  query(uri: string, columns: readonly string[], extra?: { where?: string; sort?: string }, options?: CallOptions): Promise<Row[]>;
  /** `content insert` with typed bindings. */
  insert(uri: string, binds: Bind[], options?: CallOptions): Promise<string>;
}

export interface AppReader<State> {
  /** `now`: the time to stamp on changes first seen in this read; `installed`: the app ids on the device, as this read found them. */
  read(at: { now: string; installed: readonly string[] }, options?: CallOptions): Promise<State>;
}

/**
 * The shell's answers for one app. What seeding writes (provider rows, settings, files) is kept as
 * the app's `Written` and the phone is rebuilt from the seed it amounts to (`seedOf`); every read is
 * drawn from the phone as it is now.
 */
export interface ShellAnswers<Id extends BundledAppId, Written> {
  /** What a clean snapshot holds of the app's writes. */
  nothing(): Written;
  /** `content insert --uri <uri>`: keeps the row and says true, when the URI is one of the app's providers'. */
  insert?(uri: string, binds: Record<string, string>, written: Written): boolean;
  /** `content query --uri <uri>`: every column of the provider's rows now, or undefined when the URI is not the app's. */
  rows?(uri: string, ctx: PhoneContext, written: Written): Row[] | undefined;
  /** Whether a command only writes what a rebuild reads (an agent's shell may not run it). */
  writes?(argv: readonly string[]): boolean;
  /** A shell command the app answers (`svc wifi`, `locksettings`, a note's file): its output, or undefined when it is not the app's. */
  command?(argv: readonly string[], shell: ShellState<Written>): string | undefined | Promise<string | undefined>;
  /** The app's seed that what was written amounts to (undefined: nothing to seed); `of` gives another adapter's writes. */
  seedOf(written: Written, of: <W>(adapter: AndroidAdapter<BundledAppId, object, unknown, W>) => W): unknown;
}

/** What a shell command of an app works on. */
export interface ShellState<Written> {
  written: Written;
  /** The phone as it is now (reading it before the written rows are flushed throws). */
  readonly ctx: PhoneContext;
  /** The command wrote: the phone is rebuilt before the next read. */
  wrote(): void;
  /** The command exits non-zero with this output (UiAutomator2 turns it into an error). */
  fail(output: string): never;
}

/** The app whose machine the emulator's page host runs to serve the scenario's web (emulator/web.ts). */
export interface WebApp {
  app: App;
  /** What the page shows now: the address bar's text, the tab's title and the page's own nodes (none on a new tab). */
  page(context: unknown): { url: string; title: string; document?: UiNode };
}

/** The state an adapter reads back, by app id: `PhoneApps` keeps the virtual phone's. */
export type ReadState<A> = A extends AndroidAdapter<BundledAppId, object, infer State> ? State : never;

export function defineAndroidAdapter<Id extends BundledAppId, Memory extends object = object, State = unknown, Written = unknown>(
  adapter: AndroidAdapter<Id, Memory, State, Written>,
): AndroidAdapter<Id, Memory, State, Written> {
  return adapter;
}
