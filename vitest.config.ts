import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `import 'electron'` under plain Node would try to download the binary; pointing the
// override at a path that does not exist makes it resolve to a harmless string instead.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron-dist';

export default defineConfig({
  test: {
    // Calendar days are local days (src/shared/domain/calendar.ts): the suite runs in UTC
    // wherever it is run, and the tests about other zones set TZ themselves.
    env: { ELECTRON_OVERRIDE_DIST_PATH: process.env.ELECTRON_OVERRIDE_DIST_PATH, TZ: 'UTC' },
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/unit/**/*.test.ts',
            'src/main/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/preload/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}', 'src/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
