import type { SessionBackend } from './backend.ts';

/**
 * What a session asks for with its capabilities: a new episode of a scenario (`tripwire:scenario`,
 * `tripwire:agent`, `tripwire:trial`), or the running episode of an exec agent (`tripwire:episode`,
 * the token given to its program).
 */
export interface EpisodeRequest {
  scenario?: string;
  episode?: string;
  agent?: string;
  trial?: number;
  /** How the episode's commands are traced (`webdriver` by default; `adb shell` for the adb door). */
  via?: string;
}

/** A session's episode: where its actions go, and how it ends when the session does. */
export interface HostedEpisode {
  backend: SessionBackend;
  /** `deleted`: the client ended the session (finished unless it ended the episode itself); otherwise why it went away. */
  end(how: { deleted: true } | { deleted: false; reason: string }): Promise<void>;
  /** Given the session's shutdown, for an episode that can end while its session is open (an exec program's). */
  onEpisodeEnd?(shutdown: () => void): void;
}

/** Opens episodes for sessions: the run that `tripwire appium` (or `--device appium`) holds. */
export interface EpisodeHost {
  /** Every session must be an episode's: a session without `tripwire:scenario` or `tripwire:episode` is refused. */
  readonly episodesOnly?: boolean;
  /** Why a session without one is refused, when episodesOnly. */
  readonly bareRefusal?: string;
  open(request: EpisodeRequest, sessionId: string): Promise<HostedEpisode>;
}

// Appium loads the driver by path from its APPIUM_HOME; the process that started the server hands
// its run over through one well-known global rather than through module identity. Each server has
// an APPIUM_HOME of its own, so hosts are kept by it: two servers in one process (an exec agent's
// and `--device appium`'s) each serve their own sessions.
const KEY = Symbol.for('tripwire.appium.episodeHosts');
type Holder = { [KEY]?: Map<string, EpisodeHost> };
const hosts = () => ((globalThis as Holder)[KEY] ??= new Map());

export function setEpisodeHost(appiumHome: string, host: EpisodeHost | undefined): void {
  if (host) hosts().set(appiumHome, host);
  else hosts().delete(appiumHome);
}

/** The host of the server whose APPIUM_HOME this is (a driver's `opts.appiumHome`). */
export function episodeHost(appiumHome: unknown): EpisodeHost | undefined {
  return typeof appiumHome === 'string' ? hosts().get(appiumHome) : undefined;
}
