import { elementScroll, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * For `useVirtualizer({ observeElementRect })`: learns the list's size from a ResizeObserver,
 * whose first answer comes after the browser's own layout, instead of reading `clientHeight`
 * while React commits. That read forces a layout of the whole page in the middle of the
 * first render (20–30 ms on a cold start here); with `initialRect` close to the real size
 * the first paint already shows the right rows. Without ResizeObserver (jsdom) it falls
 * back to the library's own reading.
 */
export function observeRectAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  onRect: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  const Observer = element?.ownerDocument.defaultView?.ResizeObserver;
  if (!element || !Observer) return observeElementRect(instance, onRect);
  const observer = new Observer(([entry]) => {
    if (!entry) return;
    onRect({
      width: Math.round(entry.contentRect.width),
      height: Math.round(entry.contentRect.height),
    });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

const placed = new WeakSet<object>();

/**
 * For `useVirtualizer({ scrollToFn })`: the library's own scrolling, except that the write it
 * makes when the list mounts (scroll to 0, where a new list already is) is skipped: writing
 * a scroll position forces a layout in the middle of the first render.
 */
export function scrollAfterMount<S extends Element, I extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<S, I>,
): void {
  if (!placed.has(instance)) {
    placed.add(instance);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}

/** A first guess at a list's height from the window (no layout read): `min(50vh, 32rem)`. */
export function initialListRect(
  viewportShare = 0.5,
  maxPx = 512,
): { width: number; height: number } {
  const height = typeof window === 'undefined' ? maxPx : window.innerHeight * viewportShare;
  return { width: 0, height: Math.min(height, maxPx) };
}

/**
 * The options every list of Doorman's passes to `useVirtualizer`, for a list whose CSS height
 * is `min(<viewportShare × 100>vh, <maxPx>px)`: its first rows are known before layout, and
 * neither measuring nor placing it forces a layout mid-render.
 */
export function placedWithoutForcedLayout(viewportShare: number, maxPx: number) {
  return {
    initialRect: initialListRect(viewportShare, maxPx),
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterMount,
  };
}
