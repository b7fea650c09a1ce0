import { describe, expect, it } from 'vitest';
import { drivePhone } from '../../support/phone.ts';

describe('browser: built-in public sites', () => {
  it('a video site: search from its box, get results made from the query, open one and it plays', () => {
    const p = drivePhone({});
    p.openApp('Browser');
    p.type('url_bar', 'youtube.com');
    p.enter();
    p.type('site_search', 'sourdough bread recipe');
    p.enter();
    expect(p.app('browser').url).toBe('https://youtube.com/results?search_query=sourdough+bread+recipe');
    expect(p.find('results_header').text).toBe('YouTube results for “sourdough bread recipe”');
    p.tap('sourdough bread recipe');
    expect(p.find('item_status').text).toBe('Playing');
    expect(p.app('browser').visited.map((v: { url: string }) => v.url)).toEqual(['https://youtube.com', 'https://youtube.com/results?search_query=sourdough+bread+recipe', 'https://youtube.com/watch?v=sourdough-bread-recipe-1']);
  });

  it('a shop and a how-to site answer their search URLs; an empty search stays put; other unknown sites still cannot be reached', () => {
    const p = drivePhone({});
    p.openApp('Browser');
    p.type('url_bar', 'www.walmart.com/search?q=garden+hose');
    p.enter();
    expect(p.find('results_header').text).toBe('Walmart results for “garden hose”');
    p.enter();
    expect(p.app('browser').visited).toHaveLength(1);
    p.type('url_bar', 'wikihow.com/wikiHowTo?search=fold+a+shirt');
    p.enter();
    expect(p.texts()).toContain('wikiHow results for “fold a shirt”');
    p.type('url_bar', 'no-such-site.example');
    p.enter();
    expect(p.find('error_title').text).toBe('This site can’t be reached');
  });
});
