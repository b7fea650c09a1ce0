import type { LiveRun } from '../../src/public/index.ts';
import { liveEpisodes } from '../episodes/episodes.ts';
import { startAppium, type RunningAppium } from './server.ts';

export interface ServeOptions {
  run: LiveRun;
  /** Ids of the scenarios a session may ask for (those with the phone). */
  phoneScenarios: string[];
  port?: number;
  host?: string;
  /** Also serve sessions without `tripwire:scenario`: bare, ungraded phones (`tripwire appium --bare`). */
  bare?: boolean;
}

/**
 * `tripwire appium`: a real Appium server whose sessions are episodes of `run`. Closing it ends the
 * sessions still open as errors ("the server shut down"), so every session is graded or has a reason.
 */
export async function serve(o: ServeOptions): Promise<RunningAppium> {
  const episodes = liveEpisodes(o.run, new Set(o.phoneScenarios), { bare: o.bare });
  const server = await startAppium({ port: o.port, host: o.host, episodes });
  return {
    ...server,
    async close() {
      await episodes.closeAll('the Appium server shut down');
      await server.close();
    },
  };
}
