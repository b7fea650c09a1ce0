import { createHash } from 'node:crypto';
import { errors } from 'appium/driver.js';
import type { AgentChannel, Device, DeviceResult, DeviceScreen, ScreenReader } from '../../src/public/index.ts';
import { parseSource } from '../shell/source.ts';
import { actThrough } from './acts.ts';
import type { SessionBackend } from './backend.ts';

export const ENDED = 'the episode has ended; no further command is taken';

/**
 * The phone of an episode that runs elsewhere in this process (an exec agent's), as a door's
 * sessions see it: reads come from the screen the episode is waiting on an action for, between
 * actions; acting goes through the channel, never here. The phone's state is the grader's. Its
 * refusals are W3C errors (Appium's classes), which the Appium door answers as they are.
 */
class EpisodeScreen implements Device {
  readonly #channel: AgentChannel;
  #listed?: { xml: string; screen: DeviceScreen };
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
    // Parsed once per screen: a door asks before each find and each element command.
    if (this.#listed?.xml !== xml) {
      const { elements, nodes } = parseSource(xml);
      this.#listed = { xml, screen: { app: nodes[0]?.package ?? '', elements, id: createHash('sha1').update(xml).digest('hex').slice(0, 16) } };
    }
    const { app, elements, id } = this.#listed.screen;
    return { app, elements: elements.map((e) => ({ ...e })), id };
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
