import type { Device, ScreenAction } from '../../src/public/index.ts';

/** An action a door sends: a screen action, or the end of the episode. */
export type SessionAction = ScreenAction | { action: 'finish'; answer?: string } | { action: 'refuse'; reason?: string } | { action: 'ask'; question: string };

/** What became of an action: applied, refused by the world (the agent's mistake), or the episode is over. */
export type ActOutcome = { ok: true } | { ok: false; message: string } | { ended: string };

/**
 * Where a door's actions and reads go (an Appium session's, an adb connection's). In an episode the
 * actions go through the agent channel (World.apply, graded, counted) and reads are traced; a bare
 * device session acts on the phone directly, for a Tripwire run elsewhere that holds the episode
 * (`--device appium`).
 */
export interface SessionBackend {
  /** True when the session is an episode: privileged commands (the phone's state, reset) are refused. */
  episode: boolean;
  device: Device;
  /** `raw` is the command that amounts to this action (WebDriver's, adb shell's), traced beside it. */
  act(action: SessionAction, raw: string): Promise<ActOutcome>;
  read(command: string, detail?: unknown): void;
}
