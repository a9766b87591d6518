import { type RefObject, useEffect } from 'react';

/**
 * Focuses the element after React has rendered it, each time `signal` grows (e.g. a count of
 * failed submits), so that an error summary is read out and keyboard users start from it.
 */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, signal: number): void {
  useEffect(() => {
    if (signal > 0) ref.current?.focus();
  }, [ref, signal]);
}
