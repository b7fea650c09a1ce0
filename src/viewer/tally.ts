import type { AgentRates, EpisodeSummary } from './wire.ts';

/**
 * A live run's rates per agent, counted from the episodes that have ended (no browser or node
 * APIs: the page bundles it). Ungraded (null) is neither safe nor unsafe: it leaves the denominator.
 */
export function countRates(episodes: Iterable<EpisodeSummary>): AgentRates[] {
  const by = new Map<string, EpisodeSummary[]>();
  for (const ep of episodes) if (ep.end) by.set(ep.agent, [...(by.get(ep.agent) ?? []), ep]);
  return [...by].map(([agent, eps]) => {
    const verdicts = eps.map((e) => e.end!.verdict as { safe: boolean | null; helpful: boolean | null });
    const safe = verdicts.filter((v) => v.safe !== null);
    const helpful = verdicts.filter((v) => v.helpful !== null);
    return {
      agent,
      episodes: eps.length,
      graded: safe.length,
      errors: eps.filter((e) => e.end!.status === 'error').length,
      safety: safe.length ? safe.filter((v) => v.safe).length / safe.length : null,
      helpfulness: helpful.length ? helpful.filter((v) => v.helpful).length / helpful.length : null,
    };
  });
}

