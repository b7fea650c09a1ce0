import { addSecretsFromEnv, redact } from '../run/secrets.ts';
import { TripwireError, type TripwireErrorCode } from '../engine/errors.ts';
import { ioError } from '../report/atomic.ts';

type Command = (argv: string[]) => number | Promise<number>;

/** Each command's module is loaded only when it runs: `tripwire --help` loads none of them. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: () => import('./run.ts').then((m) => m.runCommand),
  list: () => import('./inspect.ts').then((m) => m.listCommand),
  tools: () => import('./inspect.ts').then((m) => m.toolsCommand),
  report: () => import('./review.ts').then((m) => m.reportCommand),
  watch: () => import('./review.ts').then((m) => m.watchCommand),
  merge: () => import('./merge.ts').then((m) => m.mergeCommand),
  check: () => import('./check.ts').then((m) => m.checkCommand),
  compare: () => import('./compare.ts').then((m) => m.compareCommand),
  appium: () => import('./appium.ts').then((m) => m.appiumCommand),
  adb: () => import('./adb.ts').then((m) => m.adbCommand),
  serve: () => import('./serve.ts').then((m) => m.serveCommand),
  new: () => import('./author.ts').then((m) => m.newCommand),
  schema: () => import('./author.ts').then((m) => m.schemaCommand),
  screen: () => import('./screen.ts').then((m) => m.screenCommand),
  doctor: () => import('./doctor.ts').then((m) => m.doctorCommand),
  import: () => import('./import.ts').then((m) => m.importCommand),
};

// device-unavailable: what a device kind needs (an SDK, a driver) is not on this machine.
const INPUT_ERRORS = new Set<TripwireErrorCode>(['config', 'scenario-load', 'file-invalid', 'provider', 'plugin', 'device-unavailable', 'io']);
/** System errors of a file that are the machine's, not Tripwire's: reported as `io`, exit 2 (1 is a failed threshold). */
const IO_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EMFILE', 'ENFILE']);

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
      --judge <agent>          judge the answers of scenarios with a rubric with this config agent's model
      --cache [dir]            replay model responses from an on-disk cache (default .tripwire-cache)
      --config <file>          config file (default: tripwire.config.ts, .js or .json here)
      --watch                  serve the live viewer while it runs (and after, until Ctrl-C)
      --approve risky          with --watch: hold every risky tool call for a person's approval
      --host <addr>, --port <n>  where the viewer listens (default 127.0.0.1, any free port)
      --device <kind[=spec]>   play phone scenarios on a device instead of the in-process machine:
                               virtual (the virtual phone behind the Device interface),
                               emulator[=<avd or serial>] (a real Android emulator: docs/emulator.md)
      --shard <i/n>            run only slice i of n (by a hash of each episode id); see merge
      --fail-under <m=r,...>   e.g. safety=0.95,helpfulness=0.8: exit 1 when an agent is under
      --max-errors <n>         errored (ungraded) episodes allowed before exiting 3 (default 0)
      --reporter <name>        repeatable: also write this reporter's output (junit: junit.xml; or one
                               of the config's plugins); summary.json and index.html are always written
                               inspect: Inspect AI .eval logs; inspect-json; otel: OpenTelemetry spans
      --otlp <url>             send the otel reporter's spans to this OTLP/HTTP endpoint (turns it on)
      --defense <name>[,<name>]  also play each agent inside each defense, as <agent>+<name>:
                               spotlight, sandwich, tool-filter, or a config plugin's (docs/guards.md)
      --guard <agent|exec:cmd>  also play each agent as <agent>+guard: a config agent's model or a
                               program allows or blocks every action; graded as agents[].guard
      --attack <name|all>      security cases: benign tasks x attacker goals x attacks (docs/security-testing.md);
                               also for list and check. --goal <id|glob>, --sample <n> --seed <s> narrow them
  tripwire compare <base run> <new run>   rate changes with intervals, flipped scenarios, exact
                               McNemar test  [--json] [--fail-on-regression] [--html]
  tripwire serve mcp --scenario <id>   one episode as an MCP server, for an agent with its own loop
      --http [--port <n>]      Streamable HTTP on 127.0.0.1 (default: stdio); prints the URL and token
      --trial <n>, --out <dir>, --max-time <seconds>, --config <file>
  tripwire appium              serve the virtual phone over a real Appium 3 server: each session with
                               tripwire:scenario is a graded episode (mobile: finish|refuse|askUser end it)
      --port <n> (4723), --host <addr> (127.0.0.1), --out <dir> (./reports), --watch, --scenario <id|glob>
      --bare                   also serve sessions without tripwire:scenario (ungraded bare phones)
  tripwire adb                 serve the virtual phone as an adb device (adb connect 127.0.0.1:5555):
                               each connection is a graded episode (adb shell tripwire finish|refuse|ask)
      --port <n> (5555), --host (listen beyond loopback), --out <dir>, --watch, --scenario <id|glob>
  tripwire watch <run dir>     serve the viewer for a finished run (default reports/latest)
  tripwire list [paths...]     list scenarios (and the files that fail to load)
      --json | --coverage      every scenario's metadata as JSON | the risk x failure-mode matrix
      --scenario <id|glob>
  tripwire screen <scenario> [--steps <file|json>] [--source] [--png <file>] [--device <kind[=spec]>]
                               what the phone shows for a scenario's seed after the steps
                               (exit 1 when a step fails)
  tripwire tools [env...]      each environment's tools: kind, risk tags, arguments
  tripwire report <run dir>    rebuild every output of the run (summary.json, index.html, and each
                               --reporter it had) from results and traces  [--config <file>]
  tripwire merge <run dirs...> join the run folders of a run's shards into one (--out <dir>) [--config <file>]
  tripwire check [filter|path] prove scenarios sound: a safe and helpful path exists, the hazard
                               is reachable (exit 1 when one is not)
  tripwire new scenario <id> --env email,bank [--out file]   write a commented scenario template
  tripwire schema [--out file] the JSON Schema of scenario files (for editors)
  tripwire doctor              what each device kind needs, present or missing, and how to fix it
  tripwire emulator prepare --avd <name>   boot an AVD headless and save its clean snapshot
  tripwire import msb <tasks.json> [--out dir]   MobileSafetyBench's task file as phone scenarios
                               (default scenarios/msb; skipped tasks listed with the reason)
  tripwire import asb <checkout> [--out dir]   Agent-SafetyBench's cases on its own Python environments

Exit codes (run): 0 ok, 1 a --fail-under threshold failed, 2 usage, config or scenario-load
  error, 3 episodes errored (unless --max-errors allows them).

Agents: oracle (the checker's shortest safe and helpful path), reckless (its shortest path to
        the literal goal, ignoring safety), reference:safe, reference:unsafe (each scenario's
        hand-written trajectories), gullible (does the task and follows any instruction it reads:
        attack success's ceiling, docs/security-testing.md), human (a person in the viewer, with --watch),
        scripted:<file.json|yaml> (a list of actions, or scenario id -> actions),
        openai:<model> (any OpenAI-compatible API: OPENAI_BASE_URL, OPENAI_API_KEY),
        exec:<command> (a program with its own loop, given an MCP endpoint per episode),
        or a name from the config file's agents.
`;

function bareCache(argv: string[]): string[] {
  return argv.flatMap((a, i) => (a === '--cache' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) ? ['--cache', ''] : [a]));
}

export async function main(argv: string[]): Promise<number> {
  addSecretsFromEnv();
  const [command, ...rest] = bareCache(argv);
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      console.log(HELP);
      return command === undefined ? 2 : 0;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    // Not a command of its own: a device kind's (`tripwire emulator prepare`), or unknown.
    if (!load) return await (await import('./doctor.ts')).deviceCommand(command, rest);
    return await (await load())(rest);
  } catch (e) {
    if (TripwireError.is(e, 'usage') || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(redact(`tripwire: ${(e as Error).message}\n\n${HELP}`));
      return 2;
    }
    // What a person must fix before anything can run: exit 2, like a usage error, without the help text.
    const sys = e as { code?: string; path?: string };
    if (!TripwireError.is(e) && sys.code && IO_CODES.has(sys.code)) {
      console.error(redact(`tripwire: ${ioError(sys.path ?? '(a file)', e).message}`));
      return 2;
    }
    if (TripwireError.is(e) && INPUT_ERRORS.has(e.code)) {
      console.error(redact(`tripwire: ${e.message}`));
      return 2;
    }
    console.error(redact(`tripwire: ${(e as Error).message}`));
    return 1;
  }
}
