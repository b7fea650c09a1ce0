/** The viewer's page: one self-contained document (its script reads the token from its own URL). */
export function viewerPage(): string {
  return '<!doctype html><html><head><meta charset="utf-8"><title>Tripwire viewer</title></head><body><h1>Tripwire viewer</h1><div id="app"></div></body></html>';
}
