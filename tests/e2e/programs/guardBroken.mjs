// A broken guard for the tests: argv[2] says how. `garbage` answers text that is not JSON, `noallow`
// JSON without "allow", `silent` never answers, `crash` exits at the first request.
import { createInterface } from 'node:readline';

const how = process.argv[2];
for await (const _line of createInterface({ input: process.stdin })) {
  if (how === 'garbage') process.stdout.write('sure, go ahead\n');
  else if (how === 'noallow') process.stdout.write('{"ok": true}\n');
  else if (how === 'crash') process.exit(7);
  // silent: nothing
}
