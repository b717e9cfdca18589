import { createElement, lazy, useState, type ComponentType } from 'react';

/** A lazily loaded component whose chunk can be fetched ahead of its first render. */
export type PreloadableComponent = ComponentType & {
  /** Starts fetching the chunk (once); resolves when it is ready, never rejects. */
  preload(): Promise<void>;
};

/**
 * A screen or section loaded on first use, so the first paint carries only the frame.
 * Use in registry.ts / slots.ts:
 *
 *   notes: lazyNamed(() => import('./notes/NotesScreen'), 'NotesScreen'),
 *
 * The frame wraps screens and settings sections in Suspense (a "Loading…" line) and an
 * error boundary (a chunk that fails to load says so and offers Try again).
 *
 * `preload()` fetches the chunk early (the start screen at once, the others when the app is
 * idle): a component whose chunk is already there renders straight away instead of
 * suspending, so no "Loading…" fallback is shown and React does not hold the screen back
 * (it throttles revealing suspended content by up to 300 ms).
 */
/**
 * A screen shipped in the first-load script (the start screen): no chunk to wait for, so
 * the first render can show it with its data.
 */
export function eagerScreen(component: ComponentType): PreloadableComponent {
  return Object.assign((props: object) => createElement(component, props), {
    preload: () => Promise.resolve(),
  });
}

export function lazyNamed<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): PreloadableComponent {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const fetchChunk = () =>
    (pending ??= load().then(
      (module) => (loaded = module[name]),
      (error: unknown) => {
        // A failed fetch is tried again next time (Try again remounts the screen).
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(async (): Promise<{ default: ComponentType }> => ({
    default: await fetchChunk(),
  }));
  function LazyComponent(props: object) {
    // Chosen once per mount, so a chunk landing later never swaps (and remounts) the screen.
    const [Ready] = useState<ComponentType | null>(() => loaded);
    return createElement(Ready ?? Lazy, props);
  }
  return Object.assign(LazyComponent, {
    preload: () =>
      fetchChunk().then(
        () => undefined,
        () => undefined,
      ),
  });
}
