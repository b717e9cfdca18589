import { lazy, type ComponentType } from 'react';

/**
 * A screen or section loaded on first use, so the first paint carries only the frame.
 * Use in registry.ts / slots.ts:
 *
 *   notes: lazyNamed(() => import('./notes/NotesScreen'), 'NotesScreen'),
 *
 * The frame wraps screens and settings sections in Suspense (a "Loading…" line) and an
 * error boundary (a chunk that fails to load says so and offers Try again).
 */
export function lazyNamed<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  return lazy(async (): Promise<{ default: ComponentType }> => {
    const module = await load();
    return { default: module[name] };
  });
}
