import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSecret, AgentChannel, defineAgentProvider, deviceEndpoint, isSecretName, type DeviceEndpoint, redact as processRedact, serveMcpHttp, type AgentContext, type Agent, type Brief, type McpHttpEndpoint, type Observation, type StopContext, type Turn, type TurnContext, TripwireError } from '../../src/public/index.ts';
import { BASE_ENV, CREDENTIAL_NAME, CREDENTIAL_VALUE, ExecOptions } from './options.ts';
import { resolveWords, splitCommand, startProgram, type Exit, type Program } from './program.ts';
import { isolation, ISOLATION_DETAIL } from './sandbox.ts';

function settings(spec: string, options: Record<string, unknown>) {
  const parsed = ExecOptions.safeParse(options);
  if (!parsed.success) throw new TripwireError('provider', `exec agent: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const command = parsed.data.command ?? spec;
  if (!command.trim()) throw new TripwireError('usage', 'exec agent: no command; use exec:<command> or set `command` in the config');
  const level = parsed.data.isolation === 'off' ? 'none' : isolation();
  if (parsed.data.isolation === 'required' && level === 'none') throw new TripwireError('provider', `exec agent: isolation 'required', but ${ISOLATION_DETAIL.none}`);
  return { ...parsed.data, command, level, words: resolveWords(splitCommand(command), process.cwd()) };
}
type Settings = ReturnType<typeof settings>;

const describeExit = (e: Exit) => (e.signal ? `on signal ${e.signal}` : e.code === null ? 'without starting' : `with code ${e.code}`);

/**
 * The environment the program gets: Tripwire's own without anything that looks like a credential
 * (by name, by value, or because it is a secret Tripwire knows), what the config passes on or sets,
 * and the episode's task and endpoint.
 */
export function programEnv(s: Pick<Settings, 'inheritEnv' | 'passEnv' | 'env'>, home: string, brief: Pick<Brief, 'instruction' | 'history'>, endpoint: Pick<McpHttpEndpoint, 'url' | 'token'>, redact: (text: string) => string, from: NodeJS.ProcessEnv = process.env, appium?: Pick<AppiumEndpoint, 'url' | 'capabilities' | 'env'>): Record<string, string> {
  const env: Record<string, string> = {};
  const inherited = s.inheritEnv
    ? Object.keys(from).filter((name) => !CREDENTIAL_NAME.test(name) && !isSecretName(name) && !CREDENTIAL_VALUE.test(from[name]!) && redact(from[name]!) === from[name])
    : BASE_ENV;
  for (const name of [...inherited, ...s.passEnv]) {
    const value = from[name];
    if (value !== undefined) env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    TMPDIR: home,
    ...s.env,
    TRIPWIRE_TASK: brief.instruction,
    // The conversation to continue, as a file (an environment variable has a size limit): see writeHistory.
    ...(brief.history ? { TRIPWIRE_HISTORY_FILE: join(home, HISTORY_FILE) } : {}),
    TRIPWIRE_MCP_URL: endpoint.url,
    TRIPWIRE_MCP_TOKEN: endpoint.token,
    ...(appium ? { TRIPWIRE_APPIUM_URL: appium.url, TRIPWIRE_APPIUM_CAPABILITIES: JSON.stringify(appium.capabilities), ...appium.env } : {}),
  };
}

type AppiumEndpoint = DeviceEndpoint;

/** The history's file in the program's own folder. */
export const HISTORY_FILE = 'tripwire-history.json';

/**
 * A scenario's history, for the program: a JSON list of the conversation's messages as the scenario
 * writes them (`{role: 'user', text}`, `{role: 'assistant', text?, calls?: [{id, tool, args}]}`,
 * `{role: 'tool', id, result}`), which TRIPWIRE_HISTORY_FILE names. Readable by the program's own uid.
 */
export function writeHistory(home: string, history: NonNullable<Brief['history']>): void {
  writeFileSync(join(home, HISTORY_FILE), `${JSON.stringify(history, null, 2)}\n`, { mode: 0o644 });
}

/** On a phone: the episode's phone behind a device kind's endpoint (bundled: Tripwire's Appium driver, loaded only then). */
function phoneEndpoint(channel: AgentChannel): Promise<AppiumEndpoint> {
  return deviceEndpoint(channel, 'phone');
}

/**
 * An external program with its own loop, as an agent: for each episode it is started with the task
 * and a Streamable HTTP MCP endpoint of its own (on a phone, also an Appium endpoint for the
 * episode's phone), and its tool calls and WebDriver commands become the episode's actions through
 * one channel. It ends on finish, refuse or ask, or by exiting: with code 0 its last line of
 * stdout is its answer; otherwise the episode is an error with the exit code and stderr's tail.
 */
class ExecAgent implements Agent {
  readonly #channel = new AgentChannel();
  readonly #s: Settings;
  readonly #secrets: AgentContext['secrets'];
  #device = false;
  #home?: string;
  #endpoint?: McpHttpEndpoint;
  #appium?: AppiumEndpoint;
  #program?: Program;
  #deadline?: Promise<never>;
  #timer?: NodeJS.Timeout;

  constructor(s: Settings, secrets: AgentContext['secrets']) {
    this.#s = s;
    this.#secrets = secrets;
  }

  /** On a device, every observation carries the screenshot, sent as MCP image content. */
  get screenshots(): boolean {
    return this.#device;
  }

  async start(brief: Brief): Promise<void> {
    this.#device = brief.device;
    this.#home = mkdtempSync(join(tmpdir(), 'tripwire-exec-'));
    // A session the program ends is not the end of its episode: its exit or its finish call is.
    this.#endpoint = await serveMcpHttp({ channel: this.#channel, ...(this.#secrets ? { secrets: this.#secrets } : {}) });
    if (brief.device) {
      this.#appium = await phoneEndpoint(this.#channel);
      if (this.#secrets) this.#secrets.add(this.#appium.token);
      else addSecret(this.#appium.token);
    }
    const redact = this.#secrets ? (t: string) => this.#secrets!.redact(t) : processRedact;
    if (brief.history) writeHistory(this.#home, brief.history);
    const env = programEnv(this.#s, this.#home, brief, this.#endpoint, redact, process.env, this.#appium);
    this.#program = startProgram(this.#s.words, { cwd: this.#s.cwd ?? this.#home, env, maxOutputBytes: this.#s.maxOutputBytes, isolation: this.#s.level, home: this.#home });
    this.#deadline = new Promise<never>((_, reject) => {
      this.#timer = setTimeout(() => reject(new Error(`the program ran for ${this.#s.timeoutMs} ms (the exec agent's timeoutMs); set a wall-time limit with --max-time`)), this.#s.timeoutMs);
    });
    this.#deadline.catch(() => {});
    await this.#channel.agent.start!(brief);
  }

  act(observations: Observation[], context: TurnContext): Promise<Turn> {
    const program = this.#program!;
    const call = Promise.resolve(this.#channel.agent.act(observations, context));
    call.catch(() => {}); // settled by whichever comes first below
    const exit = program.exited.then((e): Turn => {
      if (e.code === 0) return { actions: [{ type: 'finish', answer: program.stdout.lastLine() ?? '' }] };
      const tail = program.stderr.text().trim().slice(-600);
      throw new Error(`the program exited ${describeExit(e)}${tail ? `; stderr ends: ${tail}` : ''}`);
    });
    return Promise.race([call, exit, this.#deadline!]);
  }

  async stop(context?: StopContext): Promise<void> {
    clearTimeout(this.#timer);
    await this.#channel.agent.stop?.(context ?? { report: () => {} });
    const program = this.#program;
    if (program) {
      if (!program.exit) await Promise.race([program.exited, new Promise((r) => setTimeout(r, this.#s.exitGraceMs).unref())]);
      await program.kill(this.#s.killGraceMs);
      context?.report({
        command: this.#s.command,
        exit: program.exit ?? null,
        ...(program.killed ? { killed: program.killed } : {}),
        stdout: program.stdout.text(),
        stderr: program.stderr.text(),
      });
    }
    await this.#endpoint?.close();
    this.#appium?.close();
    if (this.#home) rmSync(this.#home, { recursive: true, force: true });
  }
}

export default defineAgentProvider({
  name: 'exec',
  description: 'a program with its own loop: exec:<command>, given TRIPWIRE_TASK, TRIPWIRE_MCP_URL and TRIPWIRE_MCP_TOKEN per episode (TRIPWIRE_HISTORY_FILE when the scenario has a conversation to continue; on a phone also TRIPWIRE_APPIUM_URL, TRIPWIRE_APPIUM_CAPABILITIES, and ANDROID_SERIAL for adb connect)',
  check(spec, options) {
    settings(spec, options);
  },
  doctor() {
    const level = isolation();
    return [{
      what: 'isolation',
      ok: true,
      weak: level === 'none',
      detail: `${level}: ${ISOLATION_DETAIL[level]}`,
      ...(level === 'none' ? { fix: 'on Linux: install util-linux (unshare) and allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1), or run Tripwire as root' } : {}),
    }];
  },
  create(spec, { options, secrets }) {
    return new ExecAgent(settings(spec, options), secrets);
  },
});
