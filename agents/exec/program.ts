import { TripwireError } from '../../src/public/index.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { wrap, type Isolation } from './sandbox.ts';

/** Splits a command line into words, honouring '…' and "…" quotes and backslash escapes. No shell runs it. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command[++i];
      started = true;
    } else if (/\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (quote) throw new TripwireError('usage', `unclosed ${quote} in command: ${command}`);
  if (started) words.push(word);
  return words;
}

/**
 * The program runs in its episode's own folder, so words that name files where Tripwire was started
 * (`node examples/agent.mjs`) are made absolute first: the command means what the user typed.
 */
export function resolveWords(words: string[], from: string): string[] {
  return words.map((w) => (w.startsWith('-') || isAbsolute(w) || !existsSync(resolve(from, w)) ? w : resolve(from, w)));
}

/** The last `max` bytes of a stream, with a note of how much was dropped before them. */
export class Tail {
  #chunks: Buffer[] = [];
  #size = 0;
  #dropped = 0;
  constructor(readonly max: number) {}

  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    while (this.#size > this.max && this.#chunks.length) {
      const first = this.#chunks[0]!;
      const over = this.#size - this.max;
      if (first.length <= over) {
        this.#chunks.shift();
        this.#size -= first.length;
        this.#dropped += first.length;
      } else {
        this.#chunks[0] = first.subarray(over);
        this.#size -= over;
        this.#dropped += over;
      }
    }
  }

  text(): string {
    const body = Buffer.concat(this.#chunks).toString('utf8');
    return this.#dropped ? `[… ${this.#dropped} bytes dropped]\n${body}` : body;
  }

  lastLine(): string | undefined {
    return Buffer.concat(this.#chunks).toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
  }
}

export interface Exit {
  code: number | null;
  signal: string | null;
}

export interface Program {
  child: ChildProcess;
  stdout: Tail;
  stderr: Tail;
  /** Resolves when the program has exited (or could not start: code null, the error in stderr). */
  exited: Promise<Exit>;
  exit?: Exit;
  /** The signal Tripwire had to send, if any. */
  killed?: 'SIGTERM' | 'SIGKILL';
  /** Ends the whole process group: SIGTERM, then SIGKILL after `graceMs`. */
  kill(graceMs: number): Promise<void>;
}

/** After the program exits, how long its output pipes may stay open (a grandchild holding them) before they are cut. */
const DRAIN_MS = 1000;

/**
 * Starts a program in its own process group, under the machine's isolation (see sandbox.ts), so
 * that ending it ends everything it started.
 */
export function startProgram(words: string[], o: { cwd: string; env: Record<string, string>; maxOutputBytes: number; isolation: Isolation; home: string; stdin?: boolean }): Program {
  // The home is made the program's own below; what it must reach besides is the folder above it.
  const wrapped = wrap(words, o.isolation, o.cwd === o.home ? dirname(o.home) : o.cwd);
  // Its own uid needs its own home (and the temporary folder there) to be writable.
  if (wrapped.uid !== undefined) chownSync(o.home, wrapped.uid, wrapped.uid);
  // Without a namespace, a grandchild that left the process group is found by this mark.
  const mark = o.isolation === 'none' ? randomUUID() : undefined;
  const env = mark ? { ...o.env, TRIPWIRE_PROCESS_MARK: mark } : o.env;
  const [file, ...args] = wrapped.words;
  const child = spawn(file!, args, { cwd: o.cwd, env, stdio: [o.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'], detached: true });
  const stdout = new Tail(o.maxOutputBytes);
  const stderr = new Tail(o.maxOutputBytes);
  child.stdout!.on('data', (c: Buffer) => stdout.push(c));
  child.stderr!.on('data', (c: Buffer) => stderr.push(c));
  /** In a namespace the program is pid 2 and its init reports a signal as 128 + its number. */
  const ended = (code: number | null, signal: string | null): Exit => {
    const sent = program.killed;
    if (o.isolation !== 'none' && sent && code === 128 + osConstants.signals[sent]) return { code: null, signal: sent };
    return { code, signal };
  };
  const program: Program = {
    child, stdout, stderr,
    exited: new Promise<Exit>((resolve) => {
      child.once('error', (e) => {
        stderr.push(Buffer.from(`could not start ${file}: ${e.message}\n`));
        resolve((program.exit = { code: null, signal: null }));
      });
      // 'close' drains the output pipes; a grandchild holding them open gets DRAIN_MS, then they are cut.
      child.once('exit', (code, signal) => {
        const cut = setTimeout(() => {
          child.stdout!.destroy();
          child.stderr!.destroy();
          resolve((program.exit ??= ended(code, signal)));
        }, DRAIN_MS);
        cut.unref();
        child.once('close', () => {
          clearTimeout(cut);
          resolve((program.exit ??= ended(code, signal)));
        });
      });
    }),
    async kill(graceMs) {
      if (child.pid === undefined) return;
      const group = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // the group is gone already
        }
      };
      if (!program.exit) {
        program.killed = 'SIGTERM';
        group('SIGTERM');
        const gone = await Promise.race([program.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref())]);
        if (!gone) program.killed = 'SIGKILL';
      }
      // Whatever it started and left behind in its group goes too (in a namespace, the kernel ends the rest).
      group('SIGKILL');
      if (mark) killMarked(mark);
      await Promise.race([program.exited, new Promise((r) => setTimeout(r, 2000).unref())]);
    },
  };
  return program;
}

/** Without a namespace: SIGKILL to every process that still carries the episode's mark (those that called setsid). */
export function killMarked(mark: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return; // no /proc: only the process group was ended
  }
  const needle = `TRIPWIRE_PROCESS_MARK=${mark}\0`;
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone, or not ours to read
    }
  }
}
