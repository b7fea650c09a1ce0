// An agent program that reports what it was given, floods stderr, and exits 0 without finishing.
import { writeFileSync } from 'node:fs';

writeFileSync(process.env.REPORT_TO, JSON.stringify({ env: process.env, cwd: process.cwd() }));
process.stderr.write('x'.repeat(100_000));
console.log(`my key is ${process.env.OPENAI_API_KEY ?? 'not here'}`);
console.log(`the token is ${process.env.TRIPWIRE_MCP_TOKEN}`);
console.log('I could not do it without tools.');
