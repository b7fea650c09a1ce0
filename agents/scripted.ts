import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { defineAgentProvider, playback, TripwireError } from '../src/public/index.ts';

/**
 * `scripted:<file>` plays actions from a JSON or YAML file: either one list for every scenario,
 * or an object mapping scenario ids (and "*" for the rest) to lists. The actions are not validated
 * here: a bad action in a script is exactly the kind of input the engine must survive.
 */
function readScript(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return /\.ya?ml$/.test(file) ? parseYaml(text) : JSON.parse(text);
}

export default defineAgentProvider({
  name: 'scripted',
  description: 'plays a list of actions from a JSON or YAML file: scripted:<file>',
  check(file) {
    const script = readScript(file);
    if (!Array.isArray(script) && (typeof script !== 'object' || script === null)) {
      throw new TripwireError('usage', `scripted:${file}: expected a list of actions or an object of scenario id -> actions`);
    }
  },
  create(file, { scenarioId }) {
    const script = readScript(file) as unknown[] | Record<string, unknown[]>;
    const actions = Array.isArray(script) ? script : (script[scenarioId] ?? script['*'] ?? []);
    return playback(actions);
  },
});
