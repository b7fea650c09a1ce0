import { pageScript } from './page/bundle.ts';
import { STYLE } from './page/style.ts';

/**
 * The viewer's page: one self-contained document, nothing fetched but the viewer's own API; its
 * script is ./page/client, bundled at start. The content security policy allows only inline
 * script and style and requests to this server; the phone's screen is shown in a sandboxed iframe
 * (same origin so the page can map a click to a tap, no scripts).
 */
export async function viewerPage(): Promise<string> {
  const script = await pageScript();
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; frame-src 'self'">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>Tripwire viewer</title><style>${STYLE}</style></head><body>`,
    '<header class="top">',
    '<div class="brand"><svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true"><path fill="#ffb020" d="M12 2 1 21h22L12 2zm0 5.5 6.9 11.5H5.1L12 7.5z"/><path fill="#ffb020" d="M11 11h2v4h-2zm0 5h2v2h-2z"/></svg>Tripwire <small>viewer</small></div>',
    '<span class="run" id="run-info"></span><span class="spacer"></span>',
    '<button class="alert" id="approval-alert" type="button"></button>',
    '<span class="conn" id="conn"><i></i><span>connecting…</span></span>',
    '</header>',
    '<div class="layout">',
    '<aside><header><h2>Episodes</h2><span id="episode-count"></span></header><div id="rates" class="rates"></div><div id="episodes"></div></aside>',
    '<main><div class="placeholder"><h2>No episode selected</h2><p>Pick an episode on the left. Running episodes update live; finished ones replay from their traces, step by step.</p></div></main>',
    '</div>',
    '<div class="toast" id="toast" role="status" aria-live="polite"></div>',
    `<script>${script}</script>`,
    '</body></html>',
  ].join('');
}
