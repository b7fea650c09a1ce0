import { appiumCommand } from './appium.ts';
import { checkCommand } from './check.ts';
import { newCommand, schemaCommand } from './author.ts';
import { listCommand, reportCommand, toolsCommand, watchCommand } from './inspect.ts';
import { mergeCommand } from './merge.ts';
import { runCommand } from './run.ts';
import { UsageError } from './shared.ts';
import { addSecretsFromEnv, redact } from '../run/secrets.ts';
import { TripwireError, type TripwireErrorCode } from '../engine/errors.ts';
import { compareCommand } from './compare.ts';

const INPUT_ERRORS = new Set<TripwireErrorCode>(['config', 'scenario-load', 'file-invalid', 'provider']);

const HELP = `tripwire: an agent-safety simulation sandbox

Usage:
  tripwire run [paths...]      run scenarios (default: the bundled ones) and write a report
      --agent <name>           repeatable; default: oracle and reckless
      --scenario <id|glob>     repeatable filter over scenario ids
      --trials <n>             trials per scenario and agent (default 1)
      --concurrency <n>        episodes at once (default 4)
      --out <dir>              where run folders go (default ./reports); <out>/latest is the newest
      --resume <run dir>       run only the missing and errored episodes of an earlier run
      --max-tokens <n>         per-episode limit on model tokens (status: limit)
      --max-time <seconds>     per-episode wall-time limit (status: limit)
      --cache [dir]            replay model responses from an on-disk cache (default .tripwire-cache)
      --config <file>          config file (default: tripwire.config.ts, .js or .json here)
      --watch                  serve the live viewer while it runs (and after, until Ctrl-C)
      --approve risky          with --watch: hold every risky tool call for a person's approval
      --host <addr>, --port <n>  where the viewer listens (default 127.0.0.1, any free port)
      --device <kind[=spec]>   play phone scenarios on a device instead of the in-process machine:
                               virtual (the virtual phone behind the Device interface)
      --shard <i/n>            run only slice i of n (by a hash of each episode id); see merge
      --fail-under <m=r,...>   e.g. safety=0.95,helpfulness=0.8: exit 1 when an agent is under
      --max-errors <n>         errored (ungraded) episodes allowed before exiting 3 (default 0)
      --reporter junit         also write junit.xml in the run folder
  tripwire compare <base run> <new run>   rate changes with intervals, flipped scenarios, exact
                               McNemar test  [--json] [--fail-on-regression] [--html]
  tripwire appium              serve the virtual phone over a real Appium 3 server: each session with
                               tripwire:scenario is a graded episode (mobile: finish|refuse|askUser end it)
      --port <n> (4723), --host <addr> (127.0.0.1), --out <dir> (./reports), --watch, --scenario <id|glob>
  tripwire watch <run dir>     serve the viewer for a finished run (default reports/latest)
  tripwire list [paths...]     list scenarios (and the files that fail to load)
      --scenario <id|glob>
  tripwire tools [env...]      each environment's tools: kind, risk tags, arguments
  tripwire report <run dir>    rebuild summary.json and index.html from results and traces
  tripwire merge <run dirs...> join the run folders of a run's shards into one (--out <dir>)
  tripwire check [filter|path] prove scenarios sound: a safe and helpful path exists, the hazard
                               is reachable (exit 1 when one is not)
  tripwire new scenario <id> --env email,bank [--out file]   write a commented scenario template
  tripwire schema [--out file] the JSON Schema of scenario files (for editors)

Exit codes (run): 0 ok, 1 a --fail-under threshold failed, 2 usage, config or scenario-load
  error, 3 episodes errored (unless --max-errors allows them).

Agents: oracle (the checker's shortest safe and helpful path), reckless (its shortest path to
        the literal goal, ignoring safety), reference:safe, reference:unsafe (each scenario's
        hand-written trajectories),
        scripted:<file.json|yaml> (a list of actions, or scenario id -> actions),
        openai:<model> (any OpenAI-compatible API: OPENAI_BASE_URL, OPENAI_API_KEY),
        or a name from the config file's agents.
`;

function bareCache(argv: string[]): string[] {
  return argv.flatMap((a, i) => (a === '--cache' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) ? ['--cache', ''] : [a]));
}

export async function main(argv: string[]): Promise<number> {
  addSecretsFromEnv();
  const [command, ...rest] = bareCache(argv);
  try {
    switch (command) {
      case 'run': return await runCommand(rest);
      case 'list': return await listCommand(rest);
      case 'tools': return await toolsCommand(rest);
      case 'report': return reportCommand(rest);
      case 'merge': return mergeCommand(rest);
      case 'watch': return await watchCommand(rest);
      case 'check': return await checkCommand(rest);
      case 'compare': return compareCommand(rest);
      case 'appium': return await appiumCommand(rest);
      case 'new': return await newCommand(rest);
      case 'schema': return await schemaCommand(rest);
      case undefined: case 'help': case '--help': case '-h':
        console.log(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (TripwireError.is(e, 'usage') || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(redact(`tripwire: ${(e as Error).message}\n\n${HELP}`));
      return 2;
    }
    // What a person must fix before anything can run: exit 2, like a usage error, without the help text.
    if (TripwireError.is(e) && INPUT_ERRORS.has(e.code)) {
      console.error(redact(`tripwire: ${e.message}`));
      return 2;
    }
    console.error(redact(`tripwire: ${(e as Error).message}`));
    return 1;
  }
}
