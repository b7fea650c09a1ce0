import { AgentChannel, TripwireError, type EpisodeResult, type LiveRun } from '../../src/public/index.ts';
import { actThrough } from './acts.ts';
import { VirtualPhone } from '../phone/device.ts';
import type { EpisodeHost, EpisodeRequest, HostedEpisode } from './host.ts';

/** The agent name in the results when a session does not give `tripwire:agent`. */
export const DEFAULT_AGENT = 'appium';

const ending = (r: EpisodeResult) => `${r.status}${r.reason ? `: ${r.reason}` : ''}`;

/** Resolves once the episode waits for its first action (reads before then would go untraced), or has ended. */
async function firstTurn(channel: AgentChannel, result: Promise<unknown>): Promise<void> {
  let done = false;
  void result.finally(() => (done = true)).catch(() => {});
  while (!channel.waiting() && !channel.ended && !done) await new Promise((r) => setTimeout(r, 2));
}

/**
 * Sessions as episodes of one live run: each session gets a fresh virtual phone and an agent
 * channel; the run plays the scenario with the channel as its agent and the phone as its device,
 * so every acting command is a graded step and every read is traced.
 */
export function liveEpisodes(run: LiveRun, phoneScenarios: ReadonlySet<string>, o: { bare?: boolean } = {}): EpisodeHost & { closeAll(reason: string): Promise<void> } {
  const open = new Set<HostedEpisode>();
  return {
    // A session without a scenario would get an ungraded phone: only when the server was started for that.
    episodesOnly: !o.bare,
    bareRefusal: 'this server plays scenarios: start the session with tripwire:scenario (`tripwire appium --bare` also serves ungraded bare phones)',
    /** Ends every episode still open (the server is shutting down): as errors, with this reason. */
    async closeAll(reason: string) {
      await Promise.all([...open].map((e) => e.end({ deleted: false, reason })));
    },
    async open(request: EpisodeRequest): Promise<HostedEpisode> {
      if (request.scenario === undefined) throw new TripwireError('usage', 'this server plays scenarios: start the session with tripwire:scenario');
      if (!phoneScenarios.has(request.scenario)) {
        throw new TripwireError('usage', `no phone scenario "${request.scenario}" in this run (tripwire list shows the scenario ids)`);
      }
      const agentName = request.agent ?? DEFAULT_AGENT;
      run.plan({ scenarioId: request.scenario, agentName, trial: request.trial }); // an unknown or replayed episode fails here, before any play
      const channel = new AgentChannel();
      const phone = new VirtualPhone();
      const result = run.play({ scenarioId: request.scenario, agentName, trial: request.trial, agent: channel.agent, devices: { phone } });
      result.catch(() => {}); // awaited by end(); a run that fails is reported there
      await firstTurn(channel, result);
      if (channel.ended) throw new TripwireError('usage', `the episode ended before its first action: ${ending(await result)}`);

      const act = actThrough(channel, async () => ending(await result), request.via);
      const hosted: HostedEpisode = {
        backend: {
          episode: true,
          device: phone,
          act,
          read: (command, detail) => void channel.read({ command, ...(detail === undefined ? {} : { detail }) }),
        },
        async end(how) {
          open.delete(hosted);
          if (!channel.ended) {
            if (how.deleted) await channel.call({ type: 'finish' }, 'webdriver: deleteSession').catch(() => {});
            else channel.disconnect(how.reason);
          }
          try {
            await result;
          } finally {
            await phone.close();
          }
        },
      };
      open.add(hosted);
      return hosted;
    },
  };
}
