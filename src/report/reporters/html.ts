import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../atomic.ts';
import { join } from 'node:path';
import { renderEpisode } from '../episode.ts';
import { renderIndex } from '../html.ts';
import { DEFAULT_LAYOUT, EpisodeList } from '../pages.ts';
import { defineReporter } from '../reporter.ts';

/**
 * index.html (and, for a large run, the pages of its episode list): each result is rendered with its
 * trace and let go, so a run of any size is reported in the memory of one page.
 */
export default defineReporter({
  name: 'html',
  description: 'index.html: a self-contained report page with every episode and its trace',
  auto: true,
  file: 'index.html',
  create(ctx) {
    const byId = new Map(ctx.scenarios.map((s) => [s.id, ctx.secrets.redactValue(s)]));
    const list = new EpisodeList(ctx.runDir, ctx.runId, ctx.layout ?? DEFAULT_LAYOUT, (text) => ctx.secrets.redact(text));
    return {
      onResult(r) {
        list.add(r, renderEpisode(r, ctx.trace(r.episodeId), byId.get(r.scenarioId)));
      },
      onEnd(end) {
        const links = existsSync(join(ctx.runDir, 'compare.html')) ? [{ href: 'compare.html', label: 'comparison with an earlier run' }] : [];
        const page = renderIndex({
          summary: end.summary, episodes: list.count, list: list.finish(), links, metrics: ctx.metrics,
          trials: (agent) => end.trials(agent),
          scenarios: end.playedScenarios(),
        });
        writeFileAtomic(join(ctx.runDir, 'index.html'), ctx.secrets.redact(page));
      },
    };
  },
});
