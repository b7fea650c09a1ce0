import { createHash } from 'node:crypto';
import { chmodSync, cpSync, type Dirent, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { egress, PUBLIC, type Egress } from '../grading/egress.ts';

/**
 * One episode's folders for an MCP server: `workspace` (a fresh copy of the scenario's fixture, the
 * server's cwd and root) and `home` (an empty HOME and TMPDIR), under a temporary root removed when
 * the episode ends. What the agent and the trace see names them by fixed paths (`/workspace`,
 * `/home/user`), so traces do not depend on where the temporary folder happened to be, and a path
 * the agent copies from an observation back into a call still works.
 */
export const VIRTUAL_WORKSPACE = '/workspace';
export const VIRTUAL_HOME = '/home/user';

/** Text files up to this size are in the state with their content; larger or binary ones by digest. */
const MAX_CONTENT_BYTES = 64 * 1024;
/** A runaway server must not make every step read a million files. */
const MAX_ENTRIES = 2000;

export interface WorkspaceFile {
  path: string;
  size: number;
  /** Permission bits in octal, as `ls -l` would give them in digits: `0644`. */
  mode: string;
  /** UTF-8 text (absent for a binary or large file: then `sha256`). */
  content?: string;
  sha256?: string;
  /** For a symbolic link: where it points (it is never followed). */
  link?: string;
}

export interface WorkspaceState {
  files: WorkspaceFile[];
  dirs: string[];
}

export class Workspace {
  readonly root: string;
  readonly dir: string;
  readonly home: string;
  readonly #pairs: [string, string][];

  /** A fresh workspace: `fixture` (a folder) copied in, or empty. */
  constructor(fixture?: string) {
    this.root = realpathSync(mkdtempSync(join(tmpdir(), 'tripwire-mcp-')));
    this.dir = join(this.root, 'workspace');
    this.home = join(this.root, 'home');
    mkdirSync(this.dir);
    this.refill(fixture);
    // Longest first: the workspace and home before the root that holds them.
    this.#pairs = [[this.dir, VIRTUAL_WORKSPACE], [this.home, VIRTUAL_HOME], [this.root, '/tripwire']];
  }

  /**
   * As new, for the next episode of a server kept across episodes: the workspace emptied and
   * `fixture` copied in again, the home folder emptied. The folders themselves stay (a server's cwd).
   */
  refill(fixture?: string): void {
    emptyFolder(this.dir);
    // The home's tmp folder is emptied rather than removed and made again (a reused server's episode
    // would pay a removal and a creation for a folder almost always empty); anything else goes.
    for (const name of existsSync(this.home) ? readdirSync(this.home) : []) {
      const abs = join(this.home, name);
      if (name === 'tmp' && lstatSync(abs).isDirectory()) {
        chmodSync(abs, TMP_MODE);
        emptyFolder(abs);
      } else rmSync(abs, { recursive: true, force: true });
    }
    if (fixture) cpSync(fixture, this.dir, { recursive: true, preserveTimestamps: false, verbatimSymlinks: true });
    normaliseModes(this.dir);
    mkdirSync(join(this.home, 'tmp'), { recursive: true, mode: TMP_MODE });
  }

  /** `{workspace}`, `{home}` and `{port}` in a server's arguments and variables. */
  expand(text: string, port?: number): string {
    return text.replaceAll('{workspace}', this.dir).replaceAll('{home}', this.home).replaceAll('{port}', String(port ?? ''));
  }

  /** What the agent and the trace see: the real folders replaced by their fixed names, at any depth. */
  toVirtual<T>(value: T): T {
    return mapStrings(value, (s) => this.#pairs.reduce((t, [real, shown]) => t.replaceAll(real, shown), s)) as T;
  }

  /** What the server gets: a path the agent wrote under `/workspace` (or `/home/user`) named by the real folder. */
  toReal<T>(value: T): T {
    return mapStrings(value, (s) => {
      for (const [real, shown] of this.#pairs) if (s === shown || s.startsWith(`${shown}/`)) return real + s.slice(shown.length);
      return s;
    }) as T;
  }

  /** Every file and folder of the workspace, sorted, paths relative to it (with `/`). */
  async read(): Promise<WorkspaceState> {
    const files: WorkspaceFile[] = [];
    const dirs: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      // The listing is synchronous: it is read after every step and is almost always a handful of
      // names (an ASB bridge's workspace is empty), where a promise and a thread-pool hop cost more than it.
      const entries = listing(join(this.dir, rel)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (files.length + dirs.length >= MAX_ENTRIES) return;
        const path = rel ? `${rel}/${e.name}` : e.name;
        const abs = join(this.dir, path);
        const info = await lstat(abs).catch(() => undefined);
        if (!info) continue;
        const mode = (info.mode & 0o7777).toString(8).padStart(4, '0');
        if (info.isDirectory()) {
          dirs.push(path);
          await walk(path);
        } else if (info.isSymbolicLink()) {
          files.push({ path, size: 0, mode, link: this.toVirtual(await readlink(abs)) });
        } else if (info.isFile()) {
          const bytes = await readFile(abs).catch(() => undefined);
          if (!bytes) continue;
          const text = bytes.length <= MAX_CONTENT_BYTES ? utf8(bytes) : undefined;
          files.push(text === undefined ? { path, size: info.size, mode, sha256: createHash('sha256').update(bytes).digest('hex') } : { path, size: info.size, mode, content: this.toVirtual(text) });
        }
      }
    };
    await walk('');
    return { files, dirs };
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * The files under the shared folders, as what reached their readers: `leaks` and `exposes` read
 * these like an email sent or a file shared in a machine environment (grading/egress.ts).
 */
export function sharedEgress(files: readonly WorkspaceFile[], shared: readonly { path: string; with: readonly string[] }[]): Egress[] {
  const out: Egress[] = [];
  for (const share of shared) {
    const prefix = share.path.replace(/^\.?\/+|\/+$/g, '');
    const channel = share.with.some((w) => w.trim().toLowerCase() === PUBLIC) ? 'public' : 'share';
    for (const f of files) {
      if (prefix !== '' && f.path !== prefix && !f.path.startsWith(`${prefix}/`)) continue;
      out.push(egress(channel, share.with, `${f.path}\n${f.content ?? ''}`, { ref: f.path }));
    }
  }
  return out;
}

/** The home's tmp folder's mode, whatever the umask (a reused server's is set back to it). */
const TMP_MODE = 0o755;

/** The entries of a folder, none when it cannot be read. */
function listing(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Removes what is in `dir`, leaving the folder itself. */
function emptyFolder(dir: string): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * Modes as git would give them on any machine (0644, 0755 for executables and folders): a checkout's
 * umask must not change what predicates and traces see.
 */
function normaliseModes(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) normaliseModes(abs);
    else if (e.isFile()) chmodSync(abs, lstatSync(abs).mode & 0o100 ? 0o755 : 0o644);
  }
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}
