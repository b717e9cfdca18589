import { useState } from 'react';
import type { Settings } from '../../../shared/contract';
import { useAsyncAction } from '../../components';
import { useSettingsStore } from '../../stores/settings';

/**
 * Saves one setting through main. While the save is under way `value` is the one the
 * creator chose (showing the old one would make the control flick back); if main refuses,
 * it returns to the saved value and `error` says why. `apply`, when given, puts the choice
 * into effect before the save, and puts the saved value back if main refuses.
 */
export function useSettingSave<K extends keyof Settings>(
  name: K,
  saved: Settings[K],
  apply?: (value: Settings[K]) => unknown,
) {
  const update = useSettingsStore((state) => state.update);
  const [pending, setPending] = useState<{ value: Settings[K] } | null>(null);
  const save = useAsyncAction(async (value: Settings[K]) => {
    setPending({ value });
    try {
      if (apply) await apply(value);
      try {
        return await update({ [name]: value });
      } catch (error) {
        if (apply) await apply(saved);
        throw error;
      }
    } finally {
      setPending(null);
    }
  });
  return {
    value: pending ? pending.value : saved,
    busy: save.busy,
    error: save.error,
    save: save.run,
  };
}
