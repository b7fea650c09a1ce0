import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../atomic.ts';
import { join } from 'node:path';
import { renderEpisode } from '../episode.ts';
import { renderIndex } from '../html.ts';
import { DEFAULT_LAYOUT, EpisodeList } from '../pages.ts';
import { defineReporter } from '../reporter.ts';

/** Where the episode list goes in index.html, written from its parts: nothing a page renders contains it. */
const SLOT = '\u0000tripwire-episode-list\u0000';

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
    const list = new EpisodeList(ctx.runDir, ctx.runId, ctx.layout ?? DEFAULT_LAYOUT, (text) => ctx.secrets.redact(text), () => ctx.secrets.inert?.() === true);
    return {
      onResult(r) {
        list.add(r, renderEpisode(r, ctx.trace(r.episodeId), byId.get(r.scenarioId)));
      },
      onEnd(end) {
        const links = existsSync(join(ctx.runDir, 'compare.html')) ? [{ href: 'compare.html', label: 'comparison with an earlier run' }] : [];
        const file = join(ctx.runDir, 'index.html');
        const finished = list.finishParts();
        const render = (l: Parameters<typeof renderIndex>[0]['list']) => renderIndex({
          summary: end.summary, episodes: list.count, list: l, links, metrics: ctx.metrics,
          trials: (agent) => end.trials(agent),
          scenarios: end.playedScenarios(),
        });
        if (!('parts' in finished)) return writeFileAtomic(file, ctx.secrets.redact(render(finished)));
        // The same bytes, the list's parts (encoded as they came) written in the place of a mark.
        const page = render({ inline: SLOT });
        const at = page.indexOf(SLOT);
        if (at < 0 || page.indexOf(SLOT, at + 1) >= 0) return writeFileAtomic(file, ctx.secrets.redact(render({ inline: finished.parts.map(String).join('') })));
        writeFileAtomic(file, [Buffer.from(page.slice(0, at)), ...finished.parts, Buffer.from(page.slice(at + SLOT.length))]);
      },
    };
  },
});
