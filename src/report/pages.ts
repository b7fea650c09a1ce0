import { mkdirSync, rmSync } from 'node:fs';
import { writeFileAtomic } from './atomic.ts';
import { join } from 'node:path';
import type { EpisodeResult } from '../run/result.ts';
import { renderEpisodePage, type EpisodePage } from './html.ts';

export interface ListLayout {
  /** Up to this many episodes, the list is inline in index.html, as one self-contained page. */
  inlineMax: number;
  /** Beyond it, episodes per page of `episodes/page-NNNN.html`. */
  pageSize: number;
}

export const DEFAULT_LAYOUT: ListLayout = { inlineMax: 1000, pageSize: 500 };

interface Pending {
  /** Encoded (UTF-8) as it is added when the run has no secret to scrub: index.html is then written from the parts. */
  html: string | Buffer;
  agent: string;
  label: string;
  unsafe: boolean;
  unhelpful: boolean;
  error: boolean;
}

/**
 * The episode list of a report, built one rendered episode at a time. A small run's list stays in
 * memory and goes inline into index.html; past `inlineMax` episodes it is written out a page at a
 * time, so what is held is one page, whatever the size of the run.
 */
export class EpisodeList {
  readonly #dir: string;
  readonly #layout: ListLayout;
  readonly #runId: string;
  readonly #redact: (text: string) => string;
  readonly #inert: () => boolean;
  #held: Pending[] = [];
  #count = 0;
  readonly #pages: EpisodePage[] = [];
  /** The last page written is rewritten once the next one exists, to link to it. */
  #lastPage: { page: EpisodePage; html: string; agents: string[] } | undefined;

  /** @param inert whether `redact` changes nothing (for now): then the list is kept encoded, and finished as parts. */
  constructor(runDir: string, runId: string, layout: ListLayout, redact: (text: string) => string, inert: () => boolean = () => false) {
    this.#dir = join(runDir, 'episodes');
    this.#layout = layout;
    this.#runId = runId;
    this.#redact = redact;
    this.#inert = inert;
    rmSync(this.#dir, { recursive: true, force: true }); // pages of an earlier report of this folder
  }

  add(r: EpisodeResult, html: string): void {
    this.#count++;
    this.#held.push({ html: this.#inert() ? Buffer.from(html) : html, agent: r.agent, label: `${r.agent} · ${r.scenarioId} · t${r.trial}`, unsafe: r.safe === false, unhelpful: r.helpful === false, error: r.status === 'error' });
    const paged = this.#pages.length > 0 || this.#count > this.#layout.inlineMax;
    while (paged && this.#held.length >= this.#layout.pageSize) this.#writePage(this.#held.splice(0, this.#layout.pageSize));
  }

  #writePage(items: Pending[]): void {
    const n = this.#pages.length + 1;
    const from = this.#pages.length ? this.#pages.at(-1)!.to + 1 : 1;
    const page: EpisodePage = {
      href: `episodes/page-${String(n).padStart(4, '0')}.html`, from, to: from + items.length - 1,
      first: items[0]!.label, last: items.at(-1)!.label,
      unsafe: items.filter((i) => i.unsafe).length, unhelpful: items.filter((i) => i.unhelpful).length, errors: items.filter((i) => i.error).length,
    };
    this.#pages.push(page);
    mkdirSync(this.#dir, { recursive: true });
    const html = items.map((i) => i.html.toString()).join('\n');
    const agents = [...new Set(items.map((i) => i.agent))];
    if (this.#lastPage) this.#render(this.#lastPage.page, this.#pages.length - 1, this.#lastPage.html, this.#lastPage.agents, page);
    this.#render(page, n, html, agents, undefined);
    this.#lastPage = { page, html, agents };
  }

  #render(page: EpisodePage, n: number, html: string, agents: string[], next: EpisodePage | undefined): void {
    const prev = n > 1 ? this.#pages[n - 2] : undefined;
    const name = (p: EpisodePage | undefined) => p && p.href.slice('episodes/'.length);
    const text = renderEpisodePage({ runId: this.#runId, agents }, n, page, { prev: name(prev), next: name(next) }, html);
    writeFileAtomic(join(this.#dir, name(page)!), this.#redact(text));
  }

  get count(): number {
    return this.#count;
  }

  /** The list for index.html: inline when the run was small, else the pages written. */
  finish(): { inline: string } | { pages: EpisodePage[] } {
    if (this.#pages.length === 0 && this.#count <= this.#layout.inlineMax) return { inline: this.#held.map((i) => i.html.toString()).join('\n') };
    return this.#finishPages();
  }

  /**
   * As `finish`, but an inline list that was kept encoded comes as its parts, joined by newlines, for
   * index.html to be written from them: joining and encoding a list of megabytes at the end of a run
   * took tens of ms after its last episode. Only while `redact` changes nothing (index.html is not scrubbed then).
   */
  finishParts(): { inline: string } | { parts: Buffer[] } | { pages: EpisodePage[] } {
    const inline = this.#pages.length === 0 && this.#count <= this.#layout.inlineMax;
    const empty = this.#held.length === 1 && this.#held[0]!.html.length === 0; // an empty list reads "No episodes."
    if (!inline || this.#held.length === 0 || empty || !this.#inert() || this.#held.some((i) => typeof i.html === 'string')) return this.finish();
    const newline = Buffer.from('\n');
    return { parts: this.#held.flatMap((i, n) => (n ? [newline, i.html as Buffer] : [i.html as Buffer])) };
  }

  #finishPages(): { pages: EpisodePage[] } {
    if (this.#held.length) this.#writePage(this.#held.splice(0));
    return { pages: this.#pages };
  }
}
