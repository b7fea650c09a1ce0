import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppium, type RunningAppium } from '../../../android/appium/server.ts';

const require = createRequire(import.meta.url);
const npmlog = (require('@appium/logger') as { default: { info(p: string, m: string): void; error(p: string, m: string): void; on(e: 'log', l: (m: { level: string; message: string }) => void): void; off(e: 'log', l: (m: { level: string; message: string }) => void): void } }).default;

/** The levels of what Appium's logger still hands on (to winston, its history, its listeners). */
function heard(run: () => void): string[] {
  const levels: string[] = [];
  const listener = (m: { level: string; message: string }) => { if (m.message.startsWith('quietLogs')) levels.push(m.level); };
  npmlog.on('log', listener);
  try {
    run();
  } finally {
    npmlog.off('log', listener);
  }
  return levels;
}
const both = () => heard(() => { npmlog.info('t', 'quietLogs info'); npmlog.error('t', 'quietLogs error'); });

describe("a Tripwire Appium server's logging", () => {
  const servers: RunningAppium[] = [];
  afterEach(async () => { for (const s of servers.splice(0)) await s.close(); });

  it('at the default level (errors) drops what nobody is shown before it is formatted, and puts it back when closed', async () => {
    const server = await startAppium({ port: 0 });
    servers.push(server);
    expect(both()).toEqual(['error']);
    const res = await fetch(`${server.url}/status`);
    expect(res.status).toBe(200);
    // No ETag: express would hash every answer (a page source is tens of kB) for a header no WebDriver client uses.
    expect(res.headers.get('etag')).toBeNull();
    await servers.pop()!.close();
    expect(both()).toEqual(['info', 'error']);
  });

  it('a server at info level keeps every info line while it runs', async () => {
    servers.push(await startAppium({ port: 0 }));
    servers.push(await startAppium({ port: 0, logLevel: 'info' }));
    expect(both()).toEqual(['info', 'error']);
  });
});
