import { execFile } from 'node:child_process';
import { TripwireError, type CallOptions } from '../../src/public/index.ts';
import { parseContentQuery, type Row } from '../shell/contentQuery.ts';
import { line } from '../shell/words.ts';

/** Runs one adb command (`args` after `-s <serial>`) and resolves to its standard output. */
export type AdbTransport = (args: string[], options?: CallOptions) => Promise<string>;

/** The real adb: `adb [-H host -P port] -s <serial> <args>`, each call a process, as every adb client does. */
export function adbExecutable(adb: string, serial: string | undefined, server?: { host?: string; port?: number }): AdbTransport {
  const prefix = [
    ...(server?.host ? ['-H', server.host] : []),
    ...(server?.port ? ['-P', String(server.port)] : []),
    ...(serial ? ['-s', serial] : []),
  ];
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      execFile(adb, [...prefix, ...args], { signal: options.signal, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
        if (error) reject(new TripwireError('device-transport', `adb ${[...prefix, ...args].join(' ').slice(0, 200)} failed: ${(stderr || error.message).trim()}`, { cause: error }));
        else resolve(stdout);
      });
    });
}

/** The few adb verbs Tripwire uses, over any transport (the real adb, or a stand-in in tests). */
export class Adb {
  constructor(readonly run: AdbTransport) {}

  /** `adb shell <line>`: the words are quoted once here. */
  shell(words: string[], options?: CallOptions): Promise<string> {
    return this.run(['shell', line(...words)], options);
  }

  /** An emulator console command through adb (`adb emu sms send ...`, `adb emu avd snapshot load ...`). */
  emu(words: string[], options?: CallOptions): Promise<string> {
    return this.run(['emu', ...words], options);
  }

  /** `content query` with a projection, parsed into rows keyed by those columns. */
  async query(uri: string, columns: readonly string[], extra: { where?: string; sort?: string } = {}, options?: CallOptions): Promise<Row[]> {
    const out = await this.shell([
      'content', 'query', '--uri', uri, '--projection', columns.join(':'),
      ...(extra.where ? ['--where', extra.where] : []),
      ...(extra.sort ? ['--sort', extra.sort] : []),
    ], options);
    return parseContentQuery(out, columns);
  }

  /** `content insert` with typed bindings: `s` string, `i` int, `l` long, `b` boolean. */
  insert(uri: string, binds: Bind[], options?: CallOptions): Promise<string> {
    return this.shell(['content', 'insert', '--uri', uri, ...binds.flatMap((b) => ['--bind', `${b[0]}:${b[1]}:${b[2]}`])], options);
  }
}

export type Bind = [column: string, type: 's' | 'i' | 'l' | 'b', value: string | number | boolean];
