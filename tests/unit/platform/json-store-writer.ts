// Child process for "killed in the middle of a write": rewrites one store as fast as it can,
// each version a large, self-checking document, until the parent kills it.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron-dist';
const { z } = await import('zod');
const { JsonStore } = await import('../../../src/main/platform/json-store');

const schema = z.object({ version: z.number().int(), filler: z.string(), check: z.number().int() });
const store = new JsonStore({
  dir: process.argv[2]!,
  name: 'crashy',
  schema,
  defaults: () => ({ version: 0, filler: '', check: 0 }),
  version: 1,
});
process.stdout.write('ready\n');
for (let version = store.get().version + 1; ; version++) {
  // Large enough that a write takes a while, so a kill often lands inside one.
  const filler = String(version % 10).repeat(200_000);
  store.set({ version, filler, check: version * 7 });
}

export {};
