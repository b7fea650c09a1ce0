/**
 * Module resolve hook (node:module register), used only by the built CLI once a user's module loads:
 * an import that resolves to one of the package's TypeScript sources gets the built JavaScript twin
 * instead, so a user's scenario importing '../../src/public/index.ts' by path shares the
 * running engine, its module state included, rather than loading a second copy from the sources.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Data { sources: string[]; from: string; to: string }
let data: Data = { sources: [], from: '', to: '' };

export function initialize(d: Data): void {
  data = d;
}

type Resolved = { url: string; format?: string | null; shortCircuit?: boolean };

export async function resolve(specifier: string, context: unknown, next: (s: string, c: unknown) => Promise<Resolved>): Promise<Resolved> {
  const r = await next(specifier, context);
  if (!r.url.endsWith('.ts') || !data.sources.some((s) => r.url.startsWith(s))) return r;
  const twin = data.to + r.url.slice(data.from.length).replace(/\.ts$/, '.js');
  return existsSync(fileURLToPath(twin)) ? { url: twin, format: 'module', shortCircuit: true } : r;
}
