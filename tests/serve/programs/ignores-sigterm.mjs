// An agent program that ignores SIGTERM and leaves a child of its own running (its report path in its argv).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)", process.env.REPORT_TO], { stdio: 'ignore' });
writeFileSync(process.env.REPORT_TO, JSON.stringify({ pid: process.pid, child: child.pid }));
process.on('SIGTERM', () => console.error('SIGTERM ignored'));
setInterval(() => {}, 1000);
