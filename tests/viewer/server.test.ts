import { appendFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { runBatch } from '../../src/run/run.ts';
import { startViewer, type Viewer } from '../../src/viewer/server.ts';
import { bankScenario, environments, scenario, tempDir } from '../support/helpers.ts';

const providers = await discoverAgentProviders();
const loaded = [{ scenario: scenario(bankScenario), file: 'engine-bank.yaml' }];
let viewer: Viewer | undefined;
afterEach(async () => {
  await viewer?.close();
  viewer = undefined;
});

const api = (path: string, init?: RequestInit) => fetch(new URL(path, viewer!.url).href + (path.includes('?') ? '&' : '?') + `token=${viewer!.token}`, init);
const get = async (path: string): Promise<any> => (await api(path)).json();
const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** Collects server-sent events until `until` says stop. */
async function events(until: (e: { event: string; data: any }[]) => boolean, timeoutMs = 10_000) {
  const seen: { event: string; data: any }[] = [];
  const res = await api('/api/events');
  const reader = res.body!.getReader();
  const deadline = Date.now() + timeoutMs;
  let buffer = '';
  while (!until(seen) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += new TextDecoder().decode(value);
    const frames = buffer.split('\n\n');
    buffer = frames.pop()!;
    for (const f of frames) {
      const event = /^event: (.*)$/m.exec(f)?.[1];
      const data = /^data: (.*)$/m.exec(f)?.[1];
      if (event && data) seen.push({ event, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return seen;
}

describe('viewer server', () => {
  it('binds to loopback and refuses requests without the token', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    expect(viewer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const bare = viewer.url.replace(/\?token=.*/, '');
    for (const path of ['', 'api/run', 'api/events', 'api/episodes/x/state']) expect((await fetch(bare + path)).status).toBe(403);
    expect((await fetch(`${bare}api/run?token=${'0'.repeat(48)}`)).status).toBe(403);
    expect((await api('/api/run')).status).toBe(200);
  });

  it('serves one self-contained page: the typed client bundled inline, nothing loaded from elsewhere', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    const html = await (await fetch(viewer.url.replace(/\?token=.*/, ''), { headers: { 'x-tripwire-token': viewer.token } })).text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe(''); // no src
    expect(scripts[0]![2]).toContain('__tripwireLatencies'); // the client, bundled from src/viewer/page/client
    expect(scripts[0]![2]).not.toMatch(/\bimport\b[^(]*\bfrom\b/); // no module left unbundled
    expect(html).not.toMatch(/\s(src|href)=/);
  });

  it('streams trace records live, replays state at any step, and lets a person drive the human agent', async () => {
    viewer = await startViewer({ scenarios: loaded, environments, approveRisky: true });
    const stream = events((e) => e.some((x) => x.event === 'record' && x.data.record.kind === 'end'));
    await new Promise((r) => setTimeout(r, 200)); // the stream is connected
    const done = runBatch({ agents: ['human'], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir(), hooks: viewer.hooks, channels: viewer.channels });

    const id = 'human__engine-bank__t1';
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await waitFor(async () => (await get(`/api/episodes/${id}/human`)).waiting);
    const human = await get(`/api/episodes/${id}/human`);
    expect(human.tools.map((t: { name: string }) => t.name)).toContain('transfer');

    expect((await post(`/api/episodes/${id}/act`, { action: { type: 'tool', tool: 'transfer', args: { from_account: 'checking', payee_id: 'p1', amount: 500 } } })).status).toBe(200);
    // transfer is risky: it waits for approval
    await waitFor(async () => (await get('/api/run')).approvals.length === 1);
    const [approval] = (await get('/api/run')).approvals;
    expect(approval).toMatchObject({ episodeId: id, tool: 'transfer' });
    expect((await post(`/api/approvals/${approval.id}`, { approved: true })).status).toBe(200);

    await waitFor(async () => (await get(`/api/episodes/${id}/human`)).waiting);
    const state = await get(`/api/episodes/${id}/state?step=1`);
    expect(state.environments.bank.context.accounts[0].balance).toBe(500);
    expect(state.predicates).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'rent-paid', state: 'met' }), expect.objectContaining({ id: 'no-overdraft', state: 'holding' })]));
    expect((await get(`/api/episodes/${id}/state?step=0`)).environments.bank.context.accounts[0].balance).toBe(1000);

    await post(`/api/episodes/${id}/act`, { action: { type: 'finish', answer: 'paid' } });
    const { results } = await done;
    expect(results[0]).toMatchObject({ agent: 'human', status: 'finished', safe: true, helpful: true });
    const seen = await stream;
    const kinds = seen.filter((e) => e.event === 'record').map((e) => e.data.record.kind);
    expect(kinds).toEqual(['episode', 'action', 'approval', 'result', 'transition', 'action', 'end']); // the approval is in the trace
    expect(seen.some((e) => e.event === 'approval')).toBe(true);
    const graph = await get(`/api/episodes/${id}/machines`);
    expect(graph.bank.states.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(['active', 'frozen']));
  });

  it('pauses a running episode, lets it step once, and resumes it', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    const script = `${tempDir()}/slow.json`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(script, JSON.stringify(Array.from({ length: 8 }, () => ({ type: 'tool', tool: 'list_accounts', args: {} }))));
    const hooks = viewer.hooks;
    const done = runBatch({
      agents: [`scripted:${script}`], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir(),
      // Paused from the start, as if the person had pressed pause at once.
      hooks: { ...hooks, control: (id) => { const c = hooks.control!(id)!; (c as unknown as { pause(): void }).pause(); return c; } },
    });
    await new Promise((r) => setTimeout(r, 100));
    const id = (await get('/api/run')).episodes[0].episodeId;
    expect((await get(`/api/episodes/${id}`)).paused).toBe(true);
    const steps = async () => (await get(`/api/episodes/${id}`)).steps;
    const held = await steps();
    await new Promise((r) => setTimeout(r, 100));
    expect(held).toBe(0);
    expect(await steps()).toBe(held);
    expect((await post(`/api/episodes/${id}/control`, { command: 'step' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await steps()).toBe(held + 1);
    await post(`/api/episodes/${id}/control`, { command: 'resume' });
    const { results } = await done;
    expect(results[0]!.steps).toBe(9);
  });
});

describe('viewer and the run\'s channels', () => {
  it('keeps each run\'s people apart: a human episode waits in its own run\'s registry and viewer only', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    const other = await startViewer({ scenarios: loaded, environments });
    try {
      const done = runBatch({ agents: ['human'], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir(), hooks: viewer.hooks, channels: viewer.channels });
      const id = 'human__engine-bank__t1';
      for (let i = 0; i < 200 && !viewer.channels.get(id)?.waiting(); i++) await new Promise((r) => setTimeout(r, 25));
      expect((await get(`/api/episodes/${id}/human`)).waiting).toBe(true);
      expect((await get('/api/run')).episodes[0]).toMatchObject({ episodeId: id, waitingForHuman: true });
      expect(other.channels.get(id)).toBeUndefined();
      const elsewhere = await fetch(`${new URL(other.url).origin}/api/run?token=${other.token}`);
      expect(((await elsewhere.json()) as { episodes: unknown[] }).episodes).toEqual([]);
      await post(`/api/episodes/${id}/act`, { action: { type: 'refuse', reason: 'not today' } });
      expect((await done).results[0]).toMatchObject({ agent: 'human', status: 'refused' });
      expect(viewer.channels.get(id)).toBeUndefined(); // closed with its episode
    } finally {
      await other.close();
    }
  });

  it('closing the viewer ends a waiting human episode as an error, with the reason', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    const done = runBatch({ agents: ['human'], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir(), hooks: viewer.hooks, channels: viewer.channels });
    const id = 'human__engine-bank__t1';
    for (let i = 0; i < 200 && !viewer.channels.get(id)?.waiting(); i++) await new Promise((r) => setTimeout(r, 25));
    await viewer.close();
    viewer = undefined;
    const { results } = await done;
    expect(results[0]).toMatchObject({ status: 'error' });
    expect(results[0]!.reason).toContain('the viewer closed');
  });

  it('a human agent in a run without a viewer is an error episode that says why', async () => {
    const { results } = await runBatch({ agents: ['human'], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir() });
    expect(results[0]).toMatchObject({ status: 'error' });
    expect(results[0]!.reason).toMatch(/needs a run with a viewer/);
  });
});

describe('viewer secrets', () => {
  it('never sends a secret to the page: not in the API, not in the live stream', async () => {
    const { addSecret } = await import('../../src/run/secrets.ts');
    const secret = 'sk-viewer-test-9f8e7d6c5b4a3210';
    addSecret(secret);
    viewer = await startViewer({ scenarios: loaded, environments });
    const stream = events((e) => e.some((x) => x.event === 'record' && x.data.record.kind === 'end'));
    await new Promise((r) => setTimeout(r, 200));
    const { writeFileSync } = await import('node:fs');
    const script = `${tempDir()}/leaky.json`;
    // An agent that blurts the key out: the trace keeps the fact, never the key.
    writeFileSync(script, JSON.stringify([{ type: 'message', text: `my key is ${secret}` }, { type: 'finish', answer: secret }]));
    await runBatch({ agents: [`scripted:${script}`], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir(), hooks: viewer.hooks });
    const live = JSON.stringify(await stream);
    const id = (await get('/api/run')).episodes[0].episodeId;
    const stored = JSON.stringify(await get(`/api/episodes/${id}`)) + JSON.stringify(await get(`/api/episodes/${id}/state`));
    for (const text of [live, stored]) {
      expect(text).not.toContain(secret);
      expect(text).toContain('[redacted]');
    }
  });
});

describe('viewer secrets of one run', () => {
  it("scrubs the run's own secrets (a key named only in its config), which the process does not know", async () => {
    const { Secrets } = await import('../../src/run/secrets.ts');
    const secret = 'run-only-key-\\"quoted\\"-5a6b7c8d';
    const secrets = new Secrets().add(secret);
    viewer = await startViewer({ scenarios: loaded, environments, secrets });
    const stream = events((e) => e.some((x) => x.event === 'record' && x.data.record.kind === 'end'));
    await new Promise((r) => setTimeout(r, 200));
    const { writeFileSync } = await import('node:fs');
    const script = `${tempDir()}/leaky.json`;
    writeFileSync(script, JSON.stringify([{ type: 'message', text: `the run's key is ${secret}` }, { type: 'finish', answer: secret }]));
    await runBatch({ agents: [`scripted:${script}`], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir(), hooks: viewer.hooks, secrets });
    const live = JSON.stringify(await stream);
    const id = (await get('/api/run')).episodes[0].episodeId;
    const stored = JSON.stringify(await get(`/api/episodes/${id}`));
    for (const text of [live, stored]) {
      expect(text).not.toContain('run-only-key');
      expect(text).toContain('[redacted]');
    }
  });
});

describe('viewer bad requests', () => {
  it('answers malformed and out-of-place requests with an error, and keeps serving', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    await runBatch({ agents: ['reference:safe'], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir(), hooks: viewer.hooks });
    const id = (await get('/api/run')).episodes[0].episodeId;
    const raw = (path: string, body: string) => api(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await raw(`/api/episodes/${id}/act`, '{"action": ')).status).toBe(400);
    expect((await post(`/api/episodes/${id}/act`, { action: { type: 'finish' } })).status).toBe(409); // nobody waits for a person
    expect((await post(`/api/episodes/${id}/control`, { command: 'pause' })).status).toBe(409); // it has finished
    expect((await post('/api/approvals/a999', { approved: true })).status).toBe(404);
    expect((await api('/api/episodes/no-such-episode/state')).status).toBe(404);
    expect((await api(`/api/episodes/${id}/state?step=banana`)).status).toBe(200);
    expect((await api('/api/run')).status).toBe(200);
  });
});

/** A raw request: fetch will not let a test choose the Host header. */
function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('viewer door', () => {
  it('refuses a request that names another host (DNS rebinding), and a cross-site POST', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    const { host } = new URL(viewer.url);
    const withToken = `${new URL(viewer.url).origin}/api/run?token=${viewer.token}`;
    expect((await raw(withToken)).status).toBe(200);
    expect((await raw(withToken, { headers: { host: 'localhost:' + new URL(viewer.url).port } })).status).toBe(200);
    const rebound = await raw(withToken, { headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('episodes');
    expect((await raw(withToken, { headers: { host: `evil.example:${new URL(viewer.url).port}` } })).status).toBe(403);

    const approval = `${new URL(viewer.url).origin}/api/approvals/a1?token=${viewer.token}`;
    const post = (origin?: string) => raw(approval, { method: 'POST', body: '{"approved":true}', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) } });
    expect((await post('http://evil.example')).status).toBe(403);
    expect((await post(`http://${host}`)).status).toBe(404); // through the door; there is no such approval
    expect((await post()).status).toBe(404); // a script, not a browser: no Origin, the token suffices
  });

  it('cannot be framed by another page (another port on 127.0.0.1), and answers a malformed %-escape with 400', async () => {
    const logs: string[] = [];
    viewer = await startViewer({ scenarios: loaded, environments, log: (l) => logs.push(l) });
    const origin = new URL(viewer.url).origin;
    const page = await raw(`${origin}/?token=${viewer.token}`);
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    for (const path of ['/api/episodes/%E0%A4%A', '/api/episodes/%/state']) {
      const r = await raw(`${origin}${path}?token=${viewer.token}`);
      expect(r.status, path).toBe(400);
      expect(r.body).toMatch(/malformed %-escape/);
    }
    const approval = await raw(`${origin}/api/approvals/%ZZ?token=${viewer.token}`, { method: 'POST', body: '{"approved":true}', headers: { 'content-type': 'application/json' } });
    expect(approval.status).toBe(400);
    expect(logs.join('\n')).not.toMatch(/URIError|stack/);
  });

  it('compares tokens in constant time: a same-length non-ASCII token is refused with 403, not an error', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    const bare = viewer.url.replace(/\?token=.*/, '');
    for (const wrong of ['é'.repeat(48), 'é'.repeat(24), 'x', viewer.token + '0']) {
      const res = await fetch(`${bare}api/run?token=${encodeURIComponent(wrong)}`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'a valid token is required' });
      expect((await fetch(`${bare}api/run`, { headers: { 'x-tripwire-token': encodeURIComponent(wrong) } })).status).toBe(403);
    }
  });

  it('trades the token in the address for an HttpOnly SameSite=Strict cookie, and drops it from the address', async () => {
    viewer = await startViewer({ scenarios: loaded, environments });
    const first = await fetch(viewer.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    const bare = viewer.url.replace(/\?token=.*/, '');
    const page = await fetch(bare, { headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(viewer.token);
    expect((await fetch(`${bare}api/run`, { headers: { cookie: pair } })).status).toBe(200);
    expect((await fetch(`${bare}api/run`, { headers: { cookie: pair.replace(/=.*/, '=nope') } })).status).toBe(403);
  });

  it('reads traces only for well-formed episode ids inside the run folder; internal failures answer generically', async () => {
    const { runDir, results } = await runBatch({ agents: ['reference:safe'], trials: 1, scenarios: loaded, environments, providers, concurrency: 1, out: tempDir() });
    // A crafted run folder: a result whose id climbs out of traces/ to a .jsonl outside the run folder.
    const outside = join(runDir, '..', 'stolen.jsonl');
    writeFileSync(outside, JSON.stringify({ kind: 'message', step: 1, role: 'agent', text: 'outside the run folder' }) + '\n');
    const crafted = { ...results[0]!, episodeId: '../../stolen' };
    // And one whose trace is garbage: replaying it fails inside the server.
    const broken = { ...results[0]!, episodeId: 'broken__engine-bank__t1' };
    writeFileSync(join(runDir, 'traces', 'broken__engine-bank__t1.jsonl'), JSON.stringify({ kind: 'action', step: 1, at: 'x', action: null }) + '\n');
    appendFileSync(join(runDir, 'results.jsonl'), JSON.stringify(crafted) + '\n' + JSON.stringify(broken) + '\n');
    const logged: string[] = [];
    viewer = await startViewer({ scenarios: loaded, environments, runDir, log: (m) => logged.push(m) });
    const run = await get('/api/run');
    expect(run.episodes.map((e: { episodeId: string }) => e.episodeId).sort()).toEqual([broken.episodeId, results[0]!.episodeId].sort());
    expect(JSON.stringify(run)).not.toContain('outside the run folder');
    expect((await api(`/api/episodes/${encodeURIComponent('../../stolen')}`)).status).toBe(404);
    expect(logged.some((m) => m.includes('malformed episode id'))).toBe(true);

    const failed = await api(`/api/episodes/${broken.episodeId}/state?step=1`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: 'internal error' });
    expect(logged.some((m) => m.includes('/state'))).toBe(true);
  });

  it('warns when it listens beyond loopback, and prints an address that works from there', async () => {
    viewer = await startViewer({ scenarios: loaded, environments, host: '0.0.0.0', log: () => {} });
    expect(viewer.warnings.join('\n')).toMatch(/network.*plain HTTP/);
    const url = new URL(viewer.url);
    expect(url.hostname).not.toBe('0.0.0.0');
    const first = await fetch(viewer.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${url.origin}/api/run`, { headers: { cookie } })).status).toBe(200);
    const local = await startViewer({ scenarios: loaded, environments });
    expect(local.warnings).toEqual([]);
    await local.close();
  });
});
