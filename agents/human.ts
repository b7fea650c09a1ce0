import { defineAgentProvider, humanInbox, type Agent, type Brief } from '../src/public/index.ts';

/**
 * `human`: a person acts in the viewer (tripwire run --watch --agent human), by tapping the phone or
 * filling in tool forms; the episode is graded like any other.
 */
export default defineAgentProvider({
  name: 'human',
  description: 'a person acting in the viewer: use with tripwire run --watch',
  create(_spec, { episodeId }): Agent {
    if (!episodeId) throw new Error('the human agent needs a run with a viewer (tripwire run --watch)');
    let brief: Brief;
    return {
      start(b) {
        brief = b;
      },
      async act(observations, { signal }) {
        const action = await humanInbox.waitForAction({ episodeId, brief, observations }, signal);
        return { actions: [action] };
      },
    };
  },
});
