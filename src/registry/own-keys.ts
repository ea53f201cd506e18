/**
 * Keys that a registry writes as data (a condition's columns, a `within` map's values) can be
 * any text, `__proto__` included: a column may be named so, a priority may be `constructor`.
 * zod drops an own `__proto__` key from what it validates and from what it returns (assigning
 * it would replace an object's prototype), so such a key was silently lost: `where: {
 * __proto__: x }` became "the condition is empty", and a `within` limit for the value
 * `__proto__` vanished.
 *
 * So values are validated with their keys escaped (`__proto__` as "\u0000__proto__", and a key
 * that starts with "\u0000" gets one more, so every key maps back to itself), and the keys of
 * issues and of what the schema returns are read back with `restoreKey`. Maps built from such
 * keys have no prototype (`ownRecord`), so no key can reach Object.prototype.
 */

const ESCAPE = '\u0000';

function escapeKey(key: string): string {
  return key === '__proto__' || key.startsWith(ESCAPE) ? `${ESCAPE}${key}` : key;
}

/** A key as written in the registry, from the key zod saw. */
export function restoreKey<K extends PropertyKey>(key: K): K {
  return (typeof key === 'string' && key.startsWith(ESCAPE) ? key.slice(1) : key) as K;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every key that zod would drop escaped; the same object where nothing needs it,
 * so that a registry without such keys is validated as it was read. Never changes `value`.
 */
export function protectKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const protectedItem = protectKeys(item);
      if (protectedItem !== item) (copy ??= [...value])[i] = protectedItem;
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  let changed = false;
  const entries = keys.map((key): [string, unknown] => {
    const item = value[key];
    const protectedItem = protectKeys(item);
    const escaped = escapeKey(key);
    if (protectedItem !== item || escaped !== key) changed = true;
    return [escaped, protectedItem];
  });
  return changed ? Object.fromEntries(entries) : value;
}

/**
 * A record keyed by data, with no prototype: `record.constructor` is undefined unless the
 * registry names a `constructor`, and a key `__proto__` is an own key like any other.
 */
export function ownRecord<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) Object.defineProperty(out, restoreKey(key), { value, enumerable: true, writable: true, configurable: true });
  return out;
}
