import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_ROOTS } from '../../src/registry/discover.ts';
import { Registry } from '../../src/registry/registry.ts';
import { loadGoals } from '../../src/security/library.ts';
import { tripwire } from '../support/cli.ts';
import { tempDir } from '../support/helpers.ts';

const PUBLIC = resolve(import.meta.dirname, '../../src/public/index.ts');
const LIBRARY_YAML = readFileSync(resolve(import.meta.dirname, '../../goals/social-post-scam.yaml'), 'utf8');

/** A YAML goal: the library's social one under another id. */
const yamlGoal = (id: string) => LIBRARY_YAML.replace('id: social-post-crypto-scam', `id: ${id}`);

/** A module of goals (a list, as the library's files are). */
const moduleOf = (...ids: string[]) =>
  `import { defineGoal } from '${PUBLIC}';\nexport default [${ids.map((id) => `defineGoal({ id: '${id}', title: 't', environments: ['social'], risk: 'spread-unsafe-info', instruction: 'Post "x".', check: { type: 'leaks', secret: 'x' }, reference: [{ type: 'tool', tool: 'create_post', args: { text: 'x' } }] })`).join(', ')}];\n`;

/** Goals are a plug-in kind: found by the registry's one rule (src/registry/discover.ts), not by a loop of their own. */
describe('goals are found by the one discovery rule', () => {
  it('goals/ is a bundled content root of goals; its modules and YAML files come in one file-name order', async () => {
    expect(BUNDLED_ROOTS.filter((root) => root.index === 'goal').map((root) => root.dir.split(/[\\/]/).pop())).toEqual(['goals']);
    const ids = (await loadGoals()).map((g) => g.id);
    expect(ids).toHaveLength(60);
    expect(ids[0]).toBe('bank-transfer-to-attacker'); // bank.ts first
    // social-post-scam.yaml sorts between shop.ts and social.ts.
    const yaml = ids.indexOf('social-post-crypto-scam');
    expect(ids[yaml - 1]).toMatch(/^shop-/);
    expect(ids.slice(yaml + 1)).toEqual(['social-ban-member', 'social-dm-scam', 'social-remove-own-post']);
  });

  it("adds the goals a user's config names: a module of goals, a YAML goal file, a folder with <name>/goal.yaml and <name>/goal.ts", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.ts'), moduleOf('mine-one', 'mine-two'));
    writeFileSync(join(dir, 'mine.yaml'), yamlGoal('mine-yaml'));
    mkdirSync(join(dir, 'folder', 'b-goal'), { recursive: true });
    mkdirSync(join(dir, 'folder', 'a-goal'), { recursive: true });
    writeFileSync(join(dir, 'folder', 'b-goal', 'goal.yaml'), yamlGoal('mine-folder-yaml'));
    writeFileSync(join(dir, 'folder', 'a-goal', 'goal.ts'), moduleOf('mine-folder-ts'));
    const ids = (await loadGoals(new Registry({ plugins: [join(dir, 'mine.ts'), join(dir, 'mine.yaml'), join(dir, 'folder')] }))).map((g) => g.id);
    // The library first, then the folder's (by name), then the modules the config lists.
    expect(ids.slice(0, 60)).toEqual((await loadGoals()).map((g) => g.id));
    expect(ids.slice(60)).toEqual(['mine-folder-ts', 'mine-folder-yaml', 'mine-one', 'mine-two', 'mine-yaml']);
  });

  it("a goal from the user's config file is crossed by tripwire list --attack like the library's", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'my-goal.yaml'), yamlGoal('my-crypto-scam'));
    writeFileSync(join(dir, 'tripwire.config.json'), JSON.stringify({ plugins: ['./my-goal.yaml'] }));
    const select = ['--attack', 'direct', '--goal', 'my-*', '--json'];
    const listed = await tripwire('list', ...select, '--config', join(dir, 'tripwire.config.json'));
    expect(listed.code, listed.output).toBe(0);
    const ids: string[] = JSON.parse(listed.stdout).map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^[^+]+\+my-crypto-scam@direct$/);
    // The same goal crossed from the library (its twin) gives as many cases.
    const twin = await tripwire('list', '--attack', 'direct', '--goal', 'social-post-crypto-scam', '--json');
    expect(JSON.parse(twin.stdout)).toHaveLength(ids.length);
    // Without the config it is unknown.
    const without = await tripwire('list', ...select);
    expect(without.code).not.toBe(0);
    expect(without.output).toContain('no goal matches "my-*"');
  }, 120_000);

  it("gullible follows a user's own goal: its plan comes from the run's registry, not only the library's", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'my-goal.yaml'), yamlGoal('my-crypto-scam'));
    writeFileSync(join(dir, 'tripwire.config.json'), JSON.stringify({ plugins: ['./my-goal.yaml'] }));
    const run = await tripwire('run', '--attack', 'direct', '--goal', 'my-*', '--agent', 'gullible', '--config', join(dir, 'tripwire.config.json'), '--out', join(dir, 'out'));
    expect(run.code, run.output).toBe(0);
    // The ceiling of attack success: every case's goal reached (0.0% when gullible found only the library's goals).
    expect(run.output).toMatch(/Security, 11 cases[\s\S]*attack success 100\.0% \[74\.1, 100\.0\]/);
    expect(run.output).not.toContain('the goal has no path');
  }, 120_000);

  it('errors name the file (and for YAML the field): an invalid YAML goal, a module that is not goals, two goals with one id', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), yamlGoal('bad-goal').replace(/^risk: .*$/m, 'risk: not-a-risk'));
    await expect(loadGoals(new Registry({ plugins: [join(dir, 'bad.yaml')] }))).rejects.toMatchObject({ code: 'scenario-load', message: expect.stringMatching(/bad\.yaml: risk: /) });
    mkdirSync(join(dir, 'root', 'odd'), { recursive: true });
    writeFileSync(join(dir, 'root', 'odd', 'goal.ts'), `export default [${moduleOf('fine').match(/defineGoal\((.*)\)\]/)![1]}, 42];\n`);
    await expect(loadGoals(new Registry({ plugins: [join(dir, 'root')] }))).rejects.toMatchObject({ code: 'plugin', message: expect.stringMatching(/odd[\\/]goal\.ts: the default export is not a goal or a list of goals \(use defineGoal\)/) });
    writeFileSync(join(dir, 'again.yaml'), LIBRARY_YAML);
    await expect(loadGoals(new Registry({ plugins: [join(dir, 'again.yaml')] }))).rejects.toThrow(/two goal plug-ins are named "social-post-crypto-scam": .*social-post-scam\.yaml and .*again\.yaml/);
  });
});
