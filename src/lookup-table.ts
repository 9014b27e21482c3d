// Tables keyed by names read from scanned files (extensions, package names, resource types): built without a
// prototype, so that a name such as `constructor` or `__proto__` finds nothing instead of Object.prototype's members.

/** A copy of `entries` with no prototype: `table[name]` is an own entry or undefined. */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
