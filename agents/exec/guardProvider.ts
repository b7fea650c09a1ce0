import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defineGuard, guardFailure, isSecretName, parseReply, type Guard, type GuardReply, type GuardRequest, type OnError, TripwireError } from '../../src/public/index.ts';
import { BASE_ENV, CREDENTIAL_NAME, CREDENTIAL_VALUE } from './options.ts';
import { resolveWords, splitCommand, startProgram, type Program } from './program.ts';
import { isolation, ISOLATION_DETAIL } from './sandbox.ts';

/**
 * `--guard exec:<command>`: a program that reads one JSON request per line on stdin (`step`,
 * `brief`, `trace`, `action`, `risk`) and writes one JSON line back per request, `{"allow":
 * true|false, "reason": "..."}`. One process per guard, started at its first decision; the run lends
 * a guard to one episode at a time and stops it at the run's end (src/guard/resolve.ts's pool), under the
 * exec agents' isolation (sandbox.ts) with their filtered environment. What goes wrong is data:
 * a reply that is not such JSON, no reply within `timeoutMs`, an exit: the decision is recorded
 * with the error, the action is blocked (`onError: allow` lets it through instead), and the episode
 * goes on. After a timeout or an exit the program is started afresh for the next decision, so a
 * late reply is never taken for the next one's.
 */
export const ExecGuardOptions = z.strictObject({
  command: z.string().min(1).optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'), z.string()).default({}),
  passEnv: z.array(z.string()).default([]),
  inheritEnv: z.boolean().default(true),
  isolation: z.enum(['auto', 'required', 'off']).default('auto'),
  /** How long one decision may take. */
  timeoutMs: z.number().int().positive().default(10_000),
  onError: z.enum(['block', 'allow']).default('block'),
  killGraceMs: z.number().int().nonnegative().default(500),
  maxOutputBytes: z.number().int().positive().default(16 * 1024),
});

function settings(spec: string, options: Record<string, unknown>) {
  const parsed = ExecGuardOptions.safeParse(options);
  if (!parsed.success) throw new TripwireError('provider', `exec guard: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const command = parsed.data.command ?? spec;
  if (!command.trim()) throw new TripwireError('usage', 'exec guard: no command; use --guard exec:<command>');
  const level = parsed.data.isolation === 'off' ? 'none' : isolation();
  if (parsed.data.isolation === 'required' && level === 'none') throw new TripwireError('provider', `exec guard: isolation 'required', but ${ISOLATION_DETAIL.none}`);
  return { ...parsed.data, command, level, words: resolveWords(splitCommand(command), process.cwd()) };
}
type Settings = ReturnType<typeof settings>;

/** Tripwire's environment without anything that looks like a credential, as an exec agent gets it. */
function guardEnv(s: Settings, home: string, redact: (t: string) => string): Record<string, string> {
  const from = process.env;
  const names = s.inheritEnv
    ? Object.keys(from).filter((n) => !CREDENTIAL_NAME.test(n) && !isSecretName(n) && !CREDENTIAL_VALUE.test(from[n]!) && redact(from[n]!) === from[n])
    : BASE_ENV;
  const env: Record<string, string> = {};
  for (const n of [...names, ...s.passEnv]) if (from[n] !== undefined) env[n] = from[n]!;
  return { ...env, HOME: home, TMPDIR: home, ...s.env };
}

class ExecGuard implements Guard {
  readonly #s: Settings;
  readonly #redact: (t: string) => string;
  #home?: string;
  #program?: Program;
  #lines: string[] = [];
  #wake?: () => void;

  constructor(s: Settings, redact: (t: string) => string) {
    this.#s = s;
    this.#redact = redact;
  }

  #start(): Program {
    this.#home ??= mkdtempSync(join(tmpdir(), 'tripwire-guard-'));
    const program = startProgram(this.#s.words, { cwd: this.#home, env: guardEnv(this.#s, this.#home, this.#redact), maxOutputBytes: this.#s.maxOutputBytes, isolation: this.#s.level, home: this.#home, stdin: true });
    // This program's own queue: a late line of a program given up on never reaches its successor.
    const lines: string[] = (this.#lines = []);
    let partial = '';
    program.child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop()!;
      lines.push(...parts.filter((l) => l.trim() !== ''));
      this.#wake?.();
    });
    program.child.stdin!.on('error', () => {}); // a program that exited: its exit is the answer
    void program.exited.then(() => this.#wake?.());
    return program;
  }

  async decide(request: GuardRequest, signal: AbortSignal): Promise<GuardReply> {
    const onError: OnError = this.#s.onError;
    if (!this.#program || this.#program.exit) this.#program = this.#start();
    const program = this.#program;
    program.child.stdin!.write(`${JSON.stringify(request)}\n`);
    const deadline = Date.now() + this.#s.timeoutMs;
    for (;;) {
      const line = this.#lines.shift();
      if (line !== undefined) return parseReply(line, onError);
      if (program.exit) {
        const tail = program.stderr.text().trim().slice(-300);
        this.#program = undefined;
        return guardFailure(onError, `the guard exited ${program.exit.code === null ? `on ${program.exit.signal ?? 'an error'}` : `with code ${program.exit.code}`} without replying${tail ? `; stderr ends: ${tail}` : ''}`);
      }
      const left = deadline - Date.now();
      if (left <= 0 || signal.aborted) {
        this.#program = undefined;
        await program.kill(this.#s.killGraceMs);
        return guardFailure(onError, signal.aborted ? 'the episode ended before the guard replied' : `no reply within ${this.#s.timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  async stop(): Promise<void> {
    const program = this.#program;
    this.#program = undefined;
    if (program) {
      program.child.stdin!.end();
      await program.kill(this.#s.killGraceMs);
    }
    if (this.#home) rmSync(this.#home, { recursive: true, force: true });
  }
}

export default defineGuard({
  name: 'exec',
  description: 'a program as a guard: --guard exec:<command>, one JSON request per line on stdin, one {"allow", "reason"} line back',
  check(spec, options) {
    settings(spec, options);
  },
  create(spec, { options, secrets }) {
    return new ExecGuard(settings(spec, options), secrets ? (t) => secrets.redact(t) : (t) => t);
  },
});
