import { useEffect, useRef } from 'react';

/**
 * Calls `apply(value)` once `value` has not changed for `delayMs`, unless it already equals
 * `applied`. Used for search-as-you-type without a request per key press.
 */
export function useDebouncedApply<T>(
  value: T,
  applied: T,
  apply: (value: T) => void,
  delayMs: number,
): void {
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });
  useEffect(() => {
    if (Object.is(value, applied)) return undefined;
    const timer = setTimeout(() => applyRef.current(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, applied, delayMs]);
}
