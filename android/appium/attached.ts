import { createHash, randomBytes } from 'node:crypto';
import { errors } from 'appium/driver.js';
import { TripwireError, type AgentChannel, type Device, type DeviceResult, type DeviceScreen, type ScreenReader } from '../../src/public/index.ts';
import { actThrough } from './acts.ts';
import type { EpisodeHost, EpisodeRequest, HostedEpisode } from './host.ts';
import { startAppium, type RunningAppium } from './server.ts';
import type { SessionBackend } from './session.ts';
import { parseSource } from './source.ts';

const ENDED = 'the episode has ended; no further command is taken';

/**
 * The phone of an episode that runs elsewhere in this process (an exec agent's), as the driver's
 * sessions see it: reads come from the screen the episode is waiting on an action for, between
 * actions; acting goes through the channel, never here. The phone's state is the grader's.
 */
class EpisodeScreen implements Device {
  readonly #channel: AgentChannel;
  constructor(channel: AgentChannel) {
    this.#channel = channel;
  }

  async #reader(): Promise<ScreenReader> {
    const waiting = await this.#channel.whenWaiting();
    if (!waiting) throw new errors.NoSuchDriverError(ENDED);
    if (!waiting.screen) throw new errors.UnsupportedOperationError('this episode shows no device screen');
    return waiting.screen;
  }

  async pageSource(): Promise<string> {
    return (await this.#reader()).pageSource();
  }

  async elements(): Promise<DeviceScreen> {
    const xml = await this.pageSource();
    const { elements, nodes } = parseSource(xml);
    return { app: nodes[0]?.package ?? '', elements, id: createHash('sha1').update(xml).digest('hex').slice(0, 16) };
  }

  async screenshot(): Promise<Buffer> {
    return (await this.#reader()).screenshot();
  }

  async state(): Promise<Record<string, unknown>> {
    throw new errors.UnsupportedOperationError('the phone\'s state is not for the agent: mobile: queryAppState and terminateApp are not available here; read the screen (getPageSource, mobile: getCurrentPackage)');
  }

  async reset(): Promise<void> {
    throw new errors.UnsupportedOperationError('an agent in an episode cannot reset the phone');
  }

  async perform(): Promise<DeviceResult> {
    throw new errors.UnsupportedOperationError('actions go through the episode');
  }

  async close(): Promise<void> {}
}

/** An exec agent's episode as a door sees it: the screen it waits on, actions through its channel (traced as `via`). */
export function backendOf(channel: AgentChannel, via = 'webdriver'): SessionBackend {
  return {
    episode: true,
    device: new EpisodeScreen(channel),
    act: actThrough(channel, async () => 'it has ended', via),
    read: (command, detail) => void channel.read({ command, ...(detail === undefined ? {} : { detail }) }),
  };
}

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
