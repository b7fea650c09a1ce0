// An agent program that ignores SIGTERM and leaves a child of its own running.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
writeFileSync(process.env.REPORT_TO, JSON.stringify({ pid: process.pid, child: child.pid }));
process.on('SIGTERM', () => console.error('SIGTERM ignored'));
setInterval(() => {}, 1000);
