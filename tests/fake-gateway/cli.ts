/**
 * `npm run fake-gateway [-- --port 4477 --key KEY --latency 0 --limit 600 --code 123456 --no-assumed]`
 *
 * Starts the fake gateway with seeded demo data so a person can point Doorman at it
 * (Settings → gateway address) and try every screen without a real account.
 */
import { DEMO, startFakeGateway } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function numberArg(name: string, fallback: number): number {
  const value = arg(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number`);
    process.exit(2);
  }
  return n;
}

const port = numberArg('port', 4477);
const apiKey = arg('key') ?? 'doorman-demo-key-0001';
const limit = arg('limit') === 'unlimited' ? null : numberArg('limit', 600);
const code = arg('code') ?? '123456';

const gateway = await startFakeGateway({
  port,
  apiKeys: [apiKey],
  forbiddenApiKeys: ['doorman-demo-key-noperm'],
  latencyMs: numberArg('latency', 0),
  rateLimitPerMinute: limit,
  assumedRoutes: !process.argv.includes('--no-assumed'),
  fixedTwoFactorCode: code,
  seed: 'demo',
  onRequest: (r) =>
    console.log(`${new Date().toISOString()} ${r.method} ${r.path}${r.query} -> ${r.outcome}`),
});

console.log(`Fake Fansly API gateway listening.

  Gateway address:  ${gateway.url}
  API key:          ${apiKey}
  Key without permissions (answers 403): ${gateway.forbiddenApiKey}

  Connected: ${DEMO.accounts.main.username}, ${DEMO.accounts.second.username}
  Connect needing 2FA: username ${DEMO.twoFactorUsername}, password ${DEMO.password}
  Every 2FA code is: ${code}
  Rate limit: ${limit === null ? 'unlimited' : `${limit} per minute`}; assumed routes: ${
    gateway.settings.assumedRoutes ? 'on' : 'off (404)'
  }

Ctrl+C stops it.`);

const stop = () => {
  void gateway.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
