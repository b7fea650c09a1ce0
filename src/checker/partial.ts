import type { Scenario } from '../scenario/scenario.ts';

/**
 * What happens around the agent that the search does not simulate: it plays tool actions against
 * the environments only, so nobody answers a question (asking ends the path) and no world event
 * arrives. Undefined when the scenario has none of it, and its check is complete.
 */
export function unexplored(s: Pick<Scenario, 'director' | 'user' | 'events'>): string | undefined {
  // A director machine replaces `user` and `events` (director.ts).
  if (s.director) return "the scenario's director machine (its simulated user and world events) is not explored";
  const parts = [s.user ? 'the simulated user' : undefined, s.events.length ? 'world events' : undefined].filter((p) => p !== undefined);
  if (parts.length === 0) return undefined;
  return `${parts.join(' and ')} ${parts.length > 1 || !s.user ? 'are' : 'is'} not explored`;
}
