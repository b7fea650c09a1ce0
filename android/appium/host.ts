import type { SessionBackend } from './session.ts';

/** What a session asks for with its capabilities (`tripwire:scenario`, `tripwire:agent`, `tripwire:trial`). */
export interface EpisodeRequest {
  scenario: string;
  agent?: string;
  trial?: number;
}

/** A session's episode: where its actions go, and how it ends when the session does. */
export interface HostedEpisode {
  backend: SessionBackend;
  /** `deleted`: the client ended the session (finished unless it ended the episode itself); otherwise why it went away. */
  end(how: { deleted: true } | { deleted: false; reason: string }): Promise<void>;
}

/** Opens episodes for sessions: the run that `tripwire appium` (or `--device appium`) holds. */
export interface EpisodeHost {
  open(request: EpisodeRequest, sessionId: string): Promise<HostedEpisode>;
}

// Appium loads the driver by path from its APPIUM_HOME; the process that started the server hands
// its run over through one well-known global rather than through module identity.
const KEY = Symbol.for('tripwire.appium.episodeHost');
type Holder = { [KEY]?: EpisodeHost };

export function setEpisodeHost(host: EpisodeHost | undefined): void {
  (globalThis as Holder)[KEY] = host;
}

export function episodeHost(): EpisodeHost | undefined {
  return (globalThis as Holder)[KEY];
}
