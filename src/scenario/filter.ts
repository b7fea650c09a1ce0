/** `--scenario` filters: an exact id, or a glob over ids (`*` any run of characters, `?` one). */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function matchesAny(id: string, filters: readonly string[]): boolean {
  return filters.length === 0 || filters.some((f) => f === id || globToRegExp(f).test(id));
}
