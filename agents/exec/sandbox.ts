import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * How an exec agent's program is kept from what is not its own. Filtering its environment is not
 * enough: a program running as Tripwire's user reads Tripwire's whole initial environment in
 * /proc/<ppid>/environ, and every other episode's MCP token in /proc/<pid>/environ.
 *
 * - `namespace-user`: Tripwire runs as root. The program runs in its own pid namespace with its own
 *   /proc (it sees only its own processes) as a uid of its own (files only root or another episode
 *   may read stay closed to it). When it exits or is killed, the kernel ends everything it started.
 * - `namespace`: not root, but unprivileged user namespaces are allowed: the same pid namespace and
 *   /proc, as Tripwire's own user (files Tripwire's user can read, it can read).
 * - `none`: neither. Only the filtered environment and the process group hold; /proc/<ppid>/environ
 *   is readable to the program, and a grandchild that calls setsid is found by a marker in its
 *   environment and killed at the end of the episode, unless it has rewritten its environment.
 */
export type Isolation = 'namespace-user' | 'namespace' | 'none';

const NAMESPACE = ['--pid', '--fork', '--mount-proc', '--kill-child'];

/**
 * pid 1 of the namespace: the kernel delivers to a namespace's pid 1 only signals it handles, so the
 * program runs as pid 2 where SIGTERM reaches it. It exits with the program; the kernel then kills
 * whatever is left. Its own stderr is closed so that the shell's "Terminated" is not the program's.
 * Its stdin is handed on through fd 4: sh gives a background command /dev/null otherwise (an exec
 * guard reads its requests there).
 */
const INIT = 'exec 3>&2 2>/dev/null 4<&0; "$@" 2>&3 3>&- <&4 4<&- & c=$!; exec 3>&- 4<&-; while :; do wait $c; s=$?; kill -0 $c || exit $s; done';

let found: Isolation | undefined;

const works = (args: string[]) => spawnSync('unshare', [...args, '--', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;

/** The strongest isolation this machine offers (probed once per process). */
export function isolation(): Isolation {
  if (found) return found;
  if (process.platform !== 'linux') return (found = 'none');
  const root = process.getuid?.() === 0;
  if (root && works([...NAMESPACE, '-S', '65534', '-G', '65534'])) return (found = 'namespace-user');
  if (works(['--user', '--map-root-user', ...NAMESPACE])) return (found = 'namespace');
  return (found = 'none');
}

export const ISOLATION_DETAIL: Record<Isolation, string> = {
  'namespace-user': "each program in its own pid namespace and /proc, as a uid of its own: it cannot read Tripwire's environment, another episode's token or root's files, and all it starts ends with its episode",
  namespace: "each program in its own pid namespace and /proc (user namespace, same user): it cannot read Tripwire's environment or another episode's token, and all it starts ends with its episode; files your user can read, it can read",
  none: "no namespaces here (not Linux, or unshare missing or refused): a program gets a filtered environment but can read Tripwire's own in /proc/<ppid>/environ and other episodes' tokens; run Tripwire without credentials in its environment, or as root, or where unprivileged user namespaces are allowed",
};

export interface Wrapped {
  words: string[];
  /** The uid the program runs as, when it is not Tripwire's (its home must be its own). */
  uid?: number;
}

/** Whether another user can reach `path`: every folder above it lets others through (o+x). */
function reachableByOthers(path: string): boolean {
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      const st = statSync(p);
      // A folder must let others through, a file be readable or runnable by them.
      if ((st.mode & (st.isDirectory() ? 0o001 : 0o005)) === 0) return false;
    } catch {
      return true; // not a path: nothing to reach
    }
    if (dirname(p) === p) return true;
  }
}

/**
 * The command line that starts `words` under `level`. As root, the program gets a uid of its own
 * only where it can still reach its files (the working folder and any path among its words): under
 * a 0700 home it runs as root inside its pid namespace, which still hides Tripwire's /proc.
 */
export function wrap(words: string[], level: Isolation, cwd = process.cwd()): Wrapped {
  if (level === 'none') return { words };
  const ownUid = level === 'namespace-user' && [cwd, ...words.filter((w) => w.includes('/')).map((w) => resolve(cwd, w))].every(reachableByOthers);
  // A uid per episode, away from real accounts: episodes cannot read each other's files either.
  const uid = ownUid ? randomInt(1_000_000, 2_000_000_000) : undefined;
  const who = uid !== undefined ? ['-S', String(uid), '-G', String(uid)] : level === 'namespace-user' ? [] : ['--user', '--map-root-user'];
  return { words: ['unshare', ...who, ...NAMESPACE, '--', 'sh', '-c', INIT, 'tripwire-init', ...words], ...(uid === undefined ? {} : { uid }) };
}
