import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * Screens of devices that live outside this process (an emulator), by episode: the viewer shows the
 * device's own screenshot after every action, or its MJPEG stream, instead of redrawing the virtual
 * phone from the trace. A device registers while its episode runs and unregisters when it closes.
 */
export interface LiveScreen {
  png(): Promise<Buffer>;
  /** An MJPEG stream of the screen (UiAutomator2's, forwarded by Appium to `appium:mjpegServerPort`). */
  stream?: string;
}

const screens = new Map<string, LiveScreen>();

/** Shows a device's screen for an episode in the viewer; call the result to stop. */
export function showLiveScreen(episodeId: string, screen: LiveScreen): () => void {
  screens.set(episodeId, screen);
  return () => {
    if (screens.get(episodeId) === screen) screens.delete(episodeId);
  };
}

export const liveScreen = (episodeId: string): LiveScreen | undefined => screens.get(episodeId);

/** The screen as the document the viewer's phone frame shows: the screenshot (a data: URL) or the relayed stream. */
export function liveScreenHtml(src: string): string {
  const attr = src.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><body style="margin:0;background:#000"><img alt="Emulator screen" src="${attr}" style="display:block;width:100%;height:auto"></body>`;
}

/** Pipes an MJPEG stream (multipart/x-mixed-replace) to a viewer request until either side closes. */
export function relayStream(url: string, req: IncomingMessage, res: ServerResponse): void {
  const upstream = httpGet(url, (up) => {
    res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'multipart/x-mixed-replace', 'cache-control': 'no-store' });
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `the device stream at ${url} failed: ${e.message}` }));
  });
  req.on('close', () => upstream.destroy());
}
