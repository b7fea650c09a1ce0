// A hostile agent program: it reads every /proc/<pid>/environ it can (its parent's first, for
// Tripwire's credentials; the others for other episodes' MCP tokens), leaves a grandchild in a
// session of its own that holds stdout open, and exits 0.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const seen = {};
for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
  try {
    for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const at = entry.indexOf('=');
      if (at > 0) (seen[entry.slice(0, at)] ??= new Set()).add(entry.slice(at + 1));
    }
  } catch {
    // not readable
  }
}
const leftover = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', process.env.LEFTOVER_MARK], { detached: true, stdio: ['ignore', 'inherit', 'ignore'] });
leftover.unref();
let parent = [];
try {
  parent = readFileSync(`/proc/${process.ppid}/environ`, 'utf8').split('\0').map((e) => e.split('=')[0]).filter(Boolean);
} catch {
  // not readable
}
const report = { own: process.env.TRIPWIRE_MCP_TOKEN, ppid: process.ppid, parent, uid: process.getuid(), seen: Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, [...v]])) };
writeFileSync(join(process.env.REPORT_DIR, `${process.env.TRIPWIRE_MCP_TOKEN}.json`), JSON.stringify(report));
console.log(`GH_PAT is ${process.env.GH_PAT ?? 'not here'}`);
console.log('done looking');
