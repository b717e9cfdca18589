import { BOOT_MARKS } from './boot-marks';
import { api } from './client';

/**
 * What the first render needs from main, asked for before React, the stores and the screens
 * are even evaluated (main.tsx imports this module first), so the round trip to main runs
 * while the rest of the script is still being parsed. Null when there is no bridge (the
 * frame then says so through the stores' own errors).
 */
function askEarly() {
  try {
    const bridge = api();
    return {
      settings: bridge.settings.get(),
      overview: bridge.overview.get({ accountId: null }),
    };
  } catch {
    return null;
  }
}

performance.mark(BOOT_MARKS.script);
export const boot = askEarly();
