export const CHROMIUM_ENV: 'DOORMAN_CHROMIUM';
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
export function requireChromium(env?: NodeJS.ProcessEnv): string;
