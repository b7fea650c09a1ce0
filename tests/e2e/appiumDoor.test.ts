import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../android/appium/guard.ts';
import { appiumRun } from '../support/e2e.ts';

const SCENARIO = 'messaging-forward-verification-code';

/** One raw HTTP request, headers as given (a rebinding page names its own Host; fetch would not let us). */
function raw(port: number, o: { method?: string; path?: string; headers?: Record<string, string | number>; body?: string | Buffer; chunked?: boolean }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: o.method ?? 'POST', path: o.path ?? '/session', headers: { 'content-type': 'application/json', ...o.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    if (o.body !== undefined) req.end(o.body);
    else req.end();
  });
}

const caps = (extra: Record<string, unknown>) => JSON.stringify({ capabilities: { alwaysMatch: { platformName: 'Android', 'appium:automationName': 'Tripwire', 'tripwire:scenario': SCENARIO, ...extra } } });
const message = (r: { body: string }) => (JSON.parse(r.body) as { value: { message: string } }).value.message;
const created = (r: { status: number; body: string }) => r.status === 200 && !!(JSON.parse(r.body) as { value?: { sessionId?: string } }).value?.sessionId;

describe("tripwire appium's door", () => {
  let app: Awaited<ReturnType<typeof appiumRun>>;
  beforeAll(async () => {
    app = await appiumRun([SCENARIO]);
  });
  afterAll(async () => app?.close());

  it('refuses a DNS-rebinding page (a foreign Host) and a page on another local port (a foreign Origin): no episode is added', async () => {
    const rebound = await raw(app.port, { headers: { host: `attacker.example:${app.port}` }, body: caps({ 'tripwire:agent': 'rebound' }) });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/is not this server's/);
    const framed = await raw(app.port, { headers: { origin: 'http://127.0.0.1:8080' }, body: caps({ 'tripwire:agent': 'page' }) });
    expect(framed.status).toBe(403);
    expect(framed.body).toMatch(/web pages/);
    // A plain WebDriver client (no Origin, its own Host) is served.
    const ok = await raw(app.port, { body: caps({ 'tripwire:agent': 'plain' }) });
    expect(created(ok)).toBe(true);
    await raw(app.port, { method: 'DELETE', path: `/session/${(JSON.parse(ok.body) as { value: { sessionId: string } }).value.sessionId}` });
  });

  it('refuses a 100 MB body before reading it, and a chunked body without a length', async () => {
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 3; i++) {
      const big = await raw(app.port, { headers: { 'content-length': 100 * 1024 * 1024 }, body: Buffer.alloc(64 * 1024, 0x20) }).catch((e: Error) => ({ status: 0, body: e.message }));
      // Answered 413 (or the socket closed on the rest of the body): never parsed.
      expect([413, 0]).toContain(big.status);
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    const chunked = await raw(app.port, { headers: { 'transfer-encoding': 'chunked' }, body: caps({}) });
    expect(chunked.status).toBe(411);
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('validates every tripwire:* capability; a session without a scenario is refused; the run folder still reports', async () => {
    for (const trial of [1.5, 0, -1, 1e308, '2']) {
      const r = await raw(app.port, { body: caps({ 'tripwire:agent': 'trials', 'tripwire:trial': trial }) });
      expect(r.status, String(trial)).not.toBe(200);
      expect(message(r)).toMatch(/tripwire:trial must be a positive whole number/);
    }
    const misspelt = await raw(app.port, { body: caps({ 'tripwire:scenarioId': SCENARIO }) });
    expect(message(misspelt)).toMatch(/unknown capability "tripwire:scenarioId"; Tripwire's are tripwire:scenario, tripwire:agent, tripwire:trial, tripwire:episode/);
    const bare = await raw(app.port, { body: JSON.stringify({ capabilities: { alwaysMatch: { platformName: 'Android', 'appium:automationName': 'Tripwire' } } }) });
    expect(message(bare)).toMatch(/start the session with tripwire:scenario/);
    const badAgent = await raw(app.port, { body: caps({ 'tripwire:agent': '../../etc' }) });
    expect(message(badAgent)).toMatch(/tripwire:agent must be a name/);
    const summary = await app.run.close();
    expect(summary.agents.map((a) => a.agent)).toEqual(['plain']);
    expect(existsSync(join(app.run.runDir, 'summary.json'))).toBe(true);
    expect(existsSync(join(app.run.runDir, 'index.html'))).toBe(true);
  });
});

describe('tripwire appium --bare', () => {
  it('serves a bare phone on purpose', async () => {
    const app = await appiumRun([SCENARIO], { bare: true });
    try {
      const r = await raw(app.port, { body: JSON.stringify({ capabilities: { alwaysMatch: { platformName: 'Android', 'appium:automationName': 'Tripwire' } } }) });
      expect(created(r)).toBe(true);
      await raw(app.port, { method: 'DELETE', path: `/session/${(JSON.parse(r.body) as { value: { sessionId: string } }).value.sessionId}` });
    } finally {
      await app.close();
    }
  });
});
