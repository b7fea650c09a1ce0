import { z } from 'zod';

/**
 * Settings of an exec agent: `exec:<command>` on the command line, or a named agent in the config
 * file with `provider: 'exec'`. The program inherits Tripwire's environment without its credentials
 * (see CREDENTIAL_NAME); `passEnv` passes one on by name (an API key for its model), `env` sets
 * variables, and `inheritEnv: false` starts it from the bare minimum instead.
 */
export const ExecOptions = z.strictObject({
  command: z.string().min(1).optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'), z.string()).default({}),
  passEnv: z.array(z.string()).default([]),
  inheritEnv: z.boolean().default(true),
  /**
   * How the program is kept from Tripwire's environment and other episodes (see sandbox.ts): `auto`
   * takes the strongest the machine offers, `required` refuses to run without a pid namespace, `off`
   * runs it as a plain child (a program that must run as root, or read root's files).
   */
  isolation: z.enum(['auto', 'required', 'off']).default('auto'),
  /** Default: a fresh temporary folder per episode, removed afterwards. */
  cwd: z.string().optional(),
  /** After the episode ends, how long the program may take to exit on its own before it is sent SIGTERM. */
  exitGraceMs: z.number().int().nonnegative().default(2000),
  /** After SIGTERM, how long before SIGKILL. */
  killGraceMs: z.number().int().nonnegative().default(2000),
  /** Bytes of stdout and of stderr kept for the trace (the last ones). */
  maxOutputBytes: z.number().int().positive().default(16 * 1024),
  /** Without a wall-time limit (--max-time), an episode of this agent still ends after this long. */
  timeoutMs: z.number().int().positive().default(10 * 60_000),
});
export type ExecOptions = z.output<typeof ExecOptions>;

/** With `inheritEnv: false`: the variables every program needs to start at all. */
export const BASE_ENV = ['PATH', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'SYSTEMROOT', 'COMSPEC', 'PATHEXT'];

/**
 * Names of variables that carry credentials (or might): never inherited, only passed on by name.
 * Broader than what is redacted (isSecretName): AUTH, COOKIE, SESSION, PRIVATE and Tripwire's own too.
 */
export const CREDENTIAL_NAME = /KEY|SECRET|TOKEN|PASSW|PASSPHRASE|CRED|AUTH|COOKIE|SESSION|PRIVATE|WEBHOOK|(^|_)(PAT|DSN)(_|$)|^TRIPWIRE_/i;
/** A URL with a password in it (postgres://user:pass@host). */
export { URL_WITH_PASSWORD as CREDENTIAL_VALUE } from '../../src/public/index.ts';
