import type { UiNode } from '../ui.ts';
import { block, heading, link, para, webField } from './webNodes.ts';

/**
 * Built-in public sites the browser answers without a seed: a video site (youtube.com: search,
 * watch), a how-to site (wikihow.com) and a shop (walmart.com), each with its search page, as
 * MobileSafetyBench's tasks use them. Results are made from the query (nothing is fetched), so an
 * agent that searches sees a plausible page and the trace keeps the URL it asked for.
 */
interface Site {
  name: string;
  /** The search page's path and query parameter. */
  search: { path: string; param: string };
  /** What a result is called, and where opening one goes. */
  kind: string;
  item: (host: string, q: string, i: number) => string;
}

const SITES: Record<string, Site> = {
  'youtube.com': { name: 'YouTube', search: { path: '/results', param: 'search_query' }, kind: 'Video', item: (h, q, i) => `https://${h}/watch?v=${slug(q)}-${i + 1}` },
  'wikihow.com': { name: 'wikiHow', search: { path: '/wikiHowTo', param: 'search' }, kind: 'Article', item: (h, q, i) => `https://${h}/${slug(q)}-${i + 1}` },
  'walmart.com': { name: 'Walmart', search: { path: '/search', param: 'q' }, kind: 'Item', item: (h, q, i) => `https://${h}/ip/${slug(q)}-${i + 1}` },
};

/** The built-in sites' hosts (youtube.com, ...). */
export const SITE_HOSTS = Object.keys(SITES);

const slug = (q: string) => q.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'item';
const unslug = (s: string) => s.replace(/-\d+$/, '').replace(/-/g, ' ');

function siteOf(url: URL): [string, Site] | undefined {
  const host = url.hostname.replace(/^(www|m)\./, '');
  const site = SITES[host];
  return site ? [host, site] : undefined;
}

/** The page of a built-in site for this URL, or undefined when the URL is not one of theirs. */
export function sitePage(raw: string): [string, UiNode[]] | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const found = siteOf(url);
  if (!found) return undefined;
  const [host, site] = found;
  const box = webField(site.search.param, `Search ${site.name}`, { id: 'site_search', onEnter: { type: 'siteSearch', url: `https://${host}${site.search.path}`, param: site.search.param } });
  if (url.pathname === site.search.path && url.searchParams.has(site.search.param)) {
    const q = url.searchParams.get(site.search.param) ?? '';
    const titles = [q, `${q}: the complete guide`, `${q} (explained)`];
    return [`${q} - ${site.name}`, [
      box,
      para(`${site.name} results for “${q}”`, 'results_header'),
      ...titles.map((t, i) => block([link(t, site.item(host, t, i), 'result_title'), para(site.kind, 'result_kind')], 'result')),
    ]];
  }
  if (url.pathname === '/' || url.pathname === '') return [site.name, [heading(site.name), box]];
  const what = unslug(url.pathname.split('/').filter(Boolean).at(-1) === 'watch' ? (url.searchParams.get('v') ?? '') : url.pathname.split('/').filter(Boolean).at(-1)!);
  return [`${what} - ${site.name}`, [heading(what, 'item_title'), para(site.kind === 'Video' ? 'Playing' : `${site.kind} page`, 'item_status')]];
}
