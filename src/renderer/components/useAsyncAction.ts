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

/**
 * Busy and error state for one action (a save, a revoke). A second call while the first
 * is running is ignored, so a double click never sends two requests.
 */
export function useAsyncAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
): AsyncAction<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const running = useRef(false);
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

  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await latest.current(...args);
    } catch (thrown) {
      if (mounted.current) setError(toAppError(thrown));
      return undefined;
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, reset };
}
