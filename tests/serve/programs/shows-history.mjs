// An agent program that reports the conversation it was given to continue, then answers and exits 0.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.TRIPWIRE_HISTORY_FILE;
writeFileSync(process.env.REPORT_TO, JSON.stringify({ file: file ?? null, history: file ? JSON.parse(readFileSync(file, 'utf8')) : null, task: process.env.TRIPWIRE_TASK }));
console.log('I read the conversation.');
