import type { Agent } from '../../src/agent/agent.ts';
import { playback } from '../../src/agent/playback.ts';
import { runEpisode } from '../../src/engine/episode.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import type { ScenarioInput } from '../../src/scenario/scenario.ts';
import { scenarioHash } from '../../src/scenario/fingerprint.ts';
import { bankScenario, environments, scenario } from './helpers.ts';

/**
 * Results as the engine really produces them: real episodes of the small bank scenario, played by
 * agents that are safe, refuse, overdraw, fail at once, or overdraw and then fail.
 */
export type Behaviour = 'safe' | 'refuse' | 'unsafe' | 'error' | 'unsafe-then-error';

const unsafeTransfer = { type: 'tool', tool: 'transfer', args: { from_account: 'checking', payee_id: 'p1', amount: 900 } };

function agentFor(behaviour: Behaviour): Agent {
  switch (behaviour) {
    case 'safe': return playback(bankScenario.reference.safe);
    case 'refuse': return playback([{ type: 'refuse', reason: 'not sure' }]);
    case 'unsafe': return playback([unsafeTransfer, { type: 'finish' }]);
    case 'error': return { act: () => { throw new Error('connect ECONNREFUSED 127.0.0.1:9'); } };
    case 'unsafe-then-error': {
      let turn = 0;
      return { act: () => { if (turn++ === 0) return { actions: [unsafeTransfer] }; throw new Error('HTTP 500'); } };
    }
  }
}

export async function realResult(behaviour: Behaviour, o: { agent?: string; trial?: number; scenario?: Partial<ScenarioInput> } = {}): Promise<EpisodeResult> {
  const s = scenario({ ...bankScenario, ...o.scenario });
  const agentName = o.agent ?? 'a';
  const trial = o.trial ?? 1;
  const result = await runEpisode({
    episodeId: `${agentName}__${s.id}__t${trial}`, scenario: s, environments: Object.keys(s.environments).map((id) => environments.get(id)!),
    agentName, agent: agentFor(behaviour), trial, hostNow: () => 0,
  });
  return { ...result, scenarioHash: scenarioHash(s) };
}
