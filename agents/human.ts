import { defineAgentProvider, type Agent, TripwireError } from '../src/public/index.ts';

/**
 * `human`: a person acts in the viewer (tripwire run --watch --agent human), by tapping the phone or
 * filling in tool forms; the episode is graded like any other. A push agent: the viewer calls in
 * through the episode's channel in the run's registry.
 */
export default defineAgentProvider({
  name: 'human',
  description: 'a person acting in the viewer: use with tripwire run --watch',
  create(_spec, { episodeId, channels }): Agent {
    if (!episodeId || !channels) throw new TripwireError('usage', 'the human agent needs a run with a viewer (tripwire run --watch)');
    return channels.open(episodeId).agent;
  },
});
