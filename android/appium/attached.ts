import { randomBytes } from 'node:crypto';
import { TripwireError, type AgentChannel } from '../../src/public/index.ts';
import type { EpisodeHost, EpisodeRequest, HostedEpisode } from '../episodes/host.ts';
import { backendOf, ENDED } from '../episodes/screen.ts';
import { startAppium, type RunningAppium } from './server.ts';

/**
 * Episodes that run elsewhere in this process and take one Appium session each: a session names its
 * episode with the `tripwire:episode` token its program was given. Every session must name one.
 */
export class AttachedEpisodes implements EpisodeHost {
  readonly episodesOnly = true;
  readonly #episodes = new Map<string, { channel: AgentChannel; session?: string; shutdown?: () => void }>();

  /** Opens the episode of `channel` to one session at a time; the token is its capability. */
  attach(channel: AgentChannel): { token: string; detach(): void } {
    const token = randomBytes(24).toString('base64url');
    this.#episodes.set(token, { channel });
    return {
      token,
      detach: () => {
        const entry = this.#episodes.get(token);
        this.#episodes.delete(token);
        entry?.shutdown?.();
      },
    };
  }

  async open(request: EpisodeRequest, sessionId: string): Promise<HostedEpisode> {
    const entry = request.episode === undefined ? undefined : this.#episodes.get(request.episode);
    if (!entry) throw new TripwireError('usage', 'no running episode has this tripwire:episode token: send the capabilities given in TRIPWIRE_APPIUM_CAPABILITIES');
    if (entry.channel.ended) throw new TripwireError('usage', ENDED);
    if (entry.session) throw new TripwireError('usage', `this episode already has a session (${entry.session}): one at a time; delete it first`);
    entry.session = sessionId;
    return {
      backend: backendOf(entry.channel),
      // The program is the agent: its exit or its finish ends the episode, not the end of a session.
      async end() {
        if (entry.session !== sessionId) return;
        entry.session = undefined;
        entry.shutdown = undefined;
      },
      onEpisodeEnd(shutdown) {
        if (entry.session === sessionId) entry.shutdown = shutdown;
      },
    };
  }
}

let shared: Promise<{ server: RunningAppium; host: AttachedEpisodes }> | undefined;

/**
 * An Appium endpoint for one episode's phone. Every episode of the process shares one real Appium
 * server (started at the first, closed with the process): a server takes seconds to start and
 * serves many sessions, while a session costs little; a token per episode keeps each session to
 * its own episode.
 */
export async function appiumEndpoint(channel: AgentChannel): Promise<{ url: string; token: string; capabilities: Record<string, unknown>; close(): void }> {
  shared ??= (async () => {
    const host = new AttachedEpisodes();
    return { host, server: await startAppium({ port: 0, unref: true, episodes: host }) };
  })().catch((e: unknown) => {
    shared = undefined;
    throw e;
  });
  const { server, host } = await shared;
  const { token, detach } = host.attach(channel);
  return {
    url: server.url,
    token,
    capabilities: { platformName: 'Android', 'appium:automationName': 'Tripwire', 'tripwire:episode': token },
    close: detach,
  };
}
