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

/** The screen as the document the viewer's phone frame shows: the stream, or the screenshot of this step. */
export function liveScreenHtml(screen: LiveScreen, pngUrl: string): string {
  const src = (screen.stream ?? pngUrl).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><body style="margin:0;background:#000"><img alt="Emulator screen" src="${src}" style="display:block;width:100%;height:auto"></body>`;
}
