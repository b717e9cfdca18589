// Imported first by the web tier: `electron-store` imports `electron`, whose index would
// download the binary under plain Node. With this override it resolves to a harmless path
// string instead, and electron-store runs on an absolute `cwd` (a temp dir per test).
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron-dist';

export {};
