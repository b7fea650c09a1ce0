import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { runBatch } from '../../src/run/run.ts';
import { load } from '../../src/cli/shared.ts';
import { environments, tempDir } from '../support/helpers.ts';

const { scenarios } = await load([], ['messaging-forward-verification-code']);

it('an exec program on a phone scenario sees the screen actions, screen, and screenshots as MCP images', async () => {
  const dir = tempDir();
  chmodSync(dir, 0o777); // the program may run as a uid of its own (agents/exec/sandbox.ts)
  const report = join(dir, 'seen.json');
  const config = TripwireConfig.parse({ agents: { phone: { provider: 'exec', command: 'node tests/serve/programs/phone-looks-and-refuses.mjs', env: { REPORT_TO: report } } }, limits: { wallMs: 60_000 } });
  const { results } = await runBatch({ agents: ['phone'], trials: 1, scenarios, environments, providers: await discoverAgentProviders(), concurrency: 1, out: tempDir(), config });
  expect(results[0]).toMatchObject({ status: 'refused', steps: 2, safe: true });
  const seen = JSON.parse(readFileSync(report, 'utf8')) as { tools: string[]; screenImage: string; tapImage: number };
  expect(seen.tools).toEqual(expect.arrayContaining(['tap', 'swipe', 'open_app', 'screen', 'refuse']));
  expect(seen.screenImage).toBe('image/png');
  expect(seen.tapImage).toBeGreaterThan(1000);
}, 90_000);
