import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { toAppError } from '../client';

export interface AsyncAction<A extends unknown[], T> {
  /** Runs the action unless it is already running; resolves to its value, or undefined if it failed or was skipped. */
  run: (...args: A) => Promise<T | undefined>;
  busy: boolean;
  error: AppError | null;
  reset: () => void;
}

export interface AsyncActionOptions {
  /**
   * A call while one is running replaces it instead of being ignored (a newer choice, such as
   * another file, wins): the older call's value and error are dropped when it settles.
   */
  latestWins?: boolean;
}

/**
 * Busy and error state for one action (a save, a revoke). A second call while the first
 * is running is ignored, so a double click never sends two requests.
 */
export function useAsyncAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
  { latestWins = false }: AsyncActionOptions = {},
): AsyncAction<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const running = useRef(false);
  const calls = useRef(0);
  const mounted = useRef(true);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      if (running.current && !latestWins) return undefined;
      const call = ++calls.current;
      const newest = () => call === calls.current;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        const value = await latest.current(...args);
        return newest() ? value : undefined;
      } catch (thrown) {
        if (mounted.current && newest()) setError(toAppError(thrown));
        return undefined;
      } finally {
        if (newest()) {
          running.current = false;
          if (mounted.current) setBusy(false);
        }
      }
    },
    [latestWins],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, reset };
}
