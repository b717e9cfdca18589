import { useEffect, useRef, type RefObject } from 'react';

/** What Tab can reach: a dialog's focus trap, a step's first field. */
export const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Moves focus to the first field or button inside `container`, so a view that replaced the
 * focused element (a step of a flow) does not drop focus to <body>.
 */
export function focusFirstIn(container: HTMLElement | null): void {
  container?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
}

/** Focus for a view that closed: back to where it came from, else the main region, never <body>. */
export function returnFocus(opener: HTMLElement | null): void {
  opener?.focus();
  if (!opener || document.activeElement !== opener) document.getElementById('main')?.focus();
}

/**
 * For a view that replaces or hides its opener while `open` (an inline form): when it closes,
 * focus goes back to the opener, never <body>.
 */
export function useReturnFocusOnClose(open: boolean, opener: RefObject<HTMLElement | null>): void {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      returnFocus(opener.current);
    }
  }, [open, opener]);
}
