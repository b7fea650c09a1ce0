import type { z } from 'zod';

export interface FieldIssue {
  field: string;
  message: string;
}

/** Renders a zod path as people write it: `accounts[0].balance`. */
export function fieldPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path, prefix), message: issue.message }));
}

/** One line naming every bad field, for error observations and load errors. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return fieldIssues(error, prefix).map((i) => `${i.field}: ${i.message}`).join('; ');
}
