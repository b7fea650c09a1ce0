// A guard for the tests: allows everything and says which process decided, to count the processes a run starts.
import { createInterface } from 'node:readline';

for await (const line of createInterface({ input: process.stdin })) {
  JSON.parse(line);
  process.stdout.write(`${JSON.stringify({ allow: true, reason: `pid ${process.pid}` })}\n`);
}
