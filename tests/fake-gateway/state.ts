import { randomBytes, randomInt } from 'node:crypto';

/**
 * What the fake gateway remembers. Fansly-side data (login sessions, management sessions)
 * lives on the Fansly user, so it survives a disconnect and reconnect, like the real thing;
 * a connection is the gateway's own record (`fansly_…` id, dashboard label).
 */

export interface FakeLoginSession {
  id: string;
  ip: string;
  locationData: { city: string | null; stateCode: string | null; countryCode: string | null };
  /** Epoch milliseconds. */
  lastUsed: number;
  status: string;
  deviceId: string | null;
  userAgent: string | null;
  /** The gateway's own login: the one `allExceptCurrent` keeps. */
  current: boolean;
}

export interface FakeManagementSession {
  id: string;
  label: string;
  permissions: string[];
  /** Epoch milliseconds (the client converts to ISO). */
  createdAt: number;
  lastUsedAt: number | null;
  /** `pending` until the link is claimed, then `active`. */
  status: 'pending' | 'active';
  /** The secret part of the one-time claim link. */
  claimToken: string;
}

export interface FakeUser {
  nativeId: string;
  username: string;
  password: string;
  displayName: string | null;
  avatarUrl: string | null;
  /** Masked e-mail shown when a code is sent. */
  maskedEmail: string;
  /** Connecting this user asks for a 2FA code first. */
  requiresTwoFactorOnConnect: boolean;
  loginSessions: FakeLoginSession[];
  managementSessions: FakeManagementSession[];
}

export interface FakeConnection {
  /** The gateway's id, shaped `fansly_…`. */
  accountId: string;
  nativeId: string;
  name: string;
  countryCode: string;
  status: 'active';
  connectedAt: number;
}

/** A code "sent" by e-mail: tests and the CLI read it from here. */
export interface SentCode {
  kind: 'connect' | 'stepUp';
  /** Connection id for step-up codes, username for connect codes. */
  subject: string;
  token: string;
  code: string;
  sentAt: number;
}

export interface StepUpChallenge {
  id: string;
  accountId: string;
  token: string;
  code: string;
  verified: boolean;
  /** A verified challenge authorises one sensitive action, then it is spent. */
  used: boolean;
  expiresAt: number;
}

export interface ConnectChallenge {
  token: string;
  username: string;
  code: string;
  expiresAt: number;
}

/** Access-level options the fake offers on `GET /{accountId}/management/permissions`. */
export const FAKE_PERMISSIONS: { id: string; label: string }[] = [
  { id: 'posts', label: 'Posts and the homepage' },
  { id: 'messages', label: 'Messages' },
  { id: 'massMessages', label: 'Mass messages' },
  { id: 'mediaVault', label: 'Media vault' },
  { id: 'scheduledPosts', label: 'Scheduled post queue' },
  { id: 'lists', label: 'Lists' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'creatorDashboard', label: 'Creator dashboard' },
  { id: 'statistics', label: 'Earnings and profile statistics' },
  { id: 'trackingLinks', label: 'Tracking links' },
  { id: 'referrals', label: 'Referrals' },
  { id: 'profile', label: 'Profile' },
  { id: 'wallet', label: 'Wallet balance' },
  { id: 'settings', label: 'Settings' },
];

const CODE_LIFETIME_MS = 10 * 60_000;

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Fansly-style numeric string id (snowflake-like, too long for a JS number). */
export function randomNativeId(): string {
  return `${randomInt(1, 9)}${Array.from({ length: 17 }, () => randomInt(0, 10)).join('')}`;
}

export class FakeState {
  readonly users = new Map<string, FakeUser>(); // by username (lower-case)
  readonly connections = new Map<string, FakeConnection>(); // by accountId
  readonly connectChallenges = new Map<string, ConnectChallenge>(); // by token
  readonly stepUps: StepUpChallenge[] = [];
  readonly sentCodes: SentCode[] = [];

  constructor(
    private readonly now: () => number,
    private readonly fixedCode: string | null,
  ) {}

  newCode(): string {
    return this.fixedCode ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
  }

  addUser(user: Partial<FakeUser> & { username: string; password: string }): FakeUser {
    const full: FakeUser = {
      nativeId: randomNativeId(),
      displayName: null,
      avatarUrl: null,
      maskedEmail: `${user.username[0] ?? 'a'}*********y@g****.com`,
      requiresTwoFactorOnConnect: false,
      loginSessions: [],
      managementSessions: [],
      ...user,
    };
    this.users.set(full.username.toLowerCase(), full);
    return full;
  }

  userByNativeId(nativeId: string): FakeUser | undefined {
    for (const user of this.users.values()) if (user.nativeId === nativeId) return user;
    return undefined;
  }

  /** The Fansly user behind a connection id, or undefined when not connected. */
  userOf(accountId: string): FakeUser | undefined {
    const connection = this.connections.get(accountId);
    return connection ? this.userByNativeId(connection.nativeId) : undefined;
  }

  /** Connects a user: a gateway record plus the gateway's own (current) login session. */
  connect(user: FakeUser, name: string, countryCode: string, accountId?: string): FakeConnection {
    for (const existing of this.connections.values()) {
      if (existing.nativeId === user.nativeId) {
        existing.name = name;
        return existing;
      }
    }
    const connection: FakeConnection = {
      accountId: accountId ?? `fansly_${randomHex(12)}`,
      nativeId: user.nativeId,
      name,
      countryCode,
      status: 'active',
      connectedAt: this.now(),
    };
    this.connections.set(connection.accountId, connection);
    for (const session of user.loginSessions) session.current = false;
    user.loginSessions.push({
      id: randomNativeId(),
      ip: '203.0.113.10',
      locationData: { city: 'Frankfurt', stateCode: 'HE', countryCode: 'DE' },
      lastUsed: this.now(),
      status: 'active',
      deviceId: `gw-${randomHex(4)}`,
      userAgent: 'Fansly API gateway',
      current: true,
    });
    return connection;
  }

  openConnectChallenge(user: FakeUser): ConnectChallenge {
    const challenge: ConnectChallenge = {
      token: randomHex(16),
      username: user.username,
      code: this.newCode(),
      expiresAt: this.now() + CODE_LIFETIME_MS,
    };
    this.connectChallenges.set(challenge.token, challenge);
    this.sentCodes.push({
      kind: 'connect',
      subject: user.username,
      token: challenge.token,
      code: challenge.code,
      sentAt: this.now(),
    });
    return challenge;
  }

  openStepUp(accountId: string): StepUpChallenge {
    const challenge: StepUpChallenge = {
      id: randomNativeId(),
      accountId,
      token: Buffer.from(randomHex(16)).toString('base64url'),
      code: this.newCode(),
      verified: false,
      used: false,
      expiresAt: this.now() + CODE_LIFETIME_MS,
    };
    this.stepUps.push(challenge);
    this.sentCodes.push({
      kind: 'stepUp',
      subject: accountId,
      token: challenge.token,
      code: challenge.code,
      sentAt: this.now(),
    });
    return challenge;
  }

  /** Marks a step-up verified when token and code match. Wrong code: the challenge stays open. */
  verifyStepUp(accountId: string, token: string, code: string): boolean {
    const challenge = this.stepUps.find((c) => c.accountId === accountId && c.token === token);
    if (!challenge || challenge.used || challenge.expiresAt < this.now()) return false;
    if (challenge.code !== code) return false;
    challenge.verified = true;
    return true;
  }

  /** Spends a verified step-up for one sensitive action. */
  consumeStepUp(accountId: string, token: string, code: string): boolean {
    const challenge = this.stepUps.find(
      (c) =>
        c.accountId === accountId &&
        c.token === token &&
        c.code === code &&
        c.verified &&
        !c.used &&
        c.expiresAt >= this.now(),
    );
    if (!challenge) return false;
    challenge.used = true;
    return true;
  }

  createManagementSession(
    user: FakeUser,
    label: string,
    permissions: string[],
  ): FakeManagementSession {
    const session: FakeManagementSession = {
      id: randomNativeId(),
      label,
      permissions,
      createdAt: this.now(),
      lastUsedAt: null,
      status: 'pending',
      claimToken: randomHex(24),
    };
    user.managementSessions.push(session);
    return session;
  }

  /** What a manager opening the link does: the link is spent, the session becomes active. */
  claimManagementSession(claimToken: string): FakeManagementSession | undefined {
    for (const user of this.users.values()) {
      const session = user.managementSessions.find((s) => s.claimToken === claimToken);
      if (session && session.status === 'pending') {
        session.status = 'active';
        session.lastUsedAt = this.now();
        return session;
      }
    }
    return undefined;
  }

  /** A login appearing from somewhere (to test "new login detected"). */
  addLoginSession(username: string, partial: Partial<FakeLoginSession> = {}): FakeLoginSession {
    const user = this.users.get(username.toLowerCase());
    if (!user) throw new Error(`fake gateway: no user ${username}`);
    const session: FakeLoginSession = {
      id: randomNativeId(),
      ip: '198.51.100.77',
      locationData: { city: null, stateCode: null, countryCode: null },
      lastUsed: this.now(),
      status: 'active',
      deviceId: null,
      userAgent: null,
      current: false,
      ...partial,
    };
    user.loginSessions.push(session);
    return session;
  }
}

/** Fixed names for the seeded demo data, so tests and people can refer to them. */
export const DEMO = {
  password: 'demo-password',
  twoFactorUsername: 'locked_creator',
  accounts: {
    main: { accountId: 'fansly_42dbe0a1c3f4e5d6a7b8c9d0', username: 'demo_creator' },
    second: { accountId: 'fansly_9a8b7c6d5e4f3a2b1c0d9e8f', username: 'second_creator' },
  },
} as const;

/** Two connected accounts with login sessions (one unknown) and management sessions; one more user that needs 2FA to connect. */
export function seedDemo(state: FakeState, now: number): void {
  const hour = 3_600_000;
  const day = 24 * hour;
  const main = state.addUser({
    username: DEMO.accounts.main.username,
    password: DEMO.password,
    nativeId: '281474976710656001',
    displayName: 'Demo Creator',
    avatarUrl: 'https://cdn.example.invalid/avatars/demo.png',
    maskedEmail: 'd*********r@g****.com',
  });
  const second = state.addUser({
    username: DEMO.accounts.second.username,
    password: DEMO.password,
    nativeId: '281474976710656002',
    displayName: 'Second Creator',
    maskedEmail: 's*********r@p****.me',
  });
  state.addUser({
    username: DEMO.twoFactorUsername,
    password: DEMO.password,
    nativeId: '281474976710656003',
    displayName: 'Locked Creator',
    maskedEmail: 'l*********r@g****.com',
    requiresTwoFactorOnConnect: true,
  });

  main.loginSessions.push(
    {
      id: '600000000000000001',
      ip: '192.0.2.14',
      locationData: { city: 'Lisbon', stateCode: '11', countryCode: 'PT' },
      lastUsed: now - 2 * hour,
      status: 'active',
      deviceId: 'laptop-a1',
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15',
      current: false,
    },
    {
      id: '600000000000000002',
      ip: '198.51.100.201',
      locationData: { city: 'Lagos', stateCode: 'LA', countryCode: 'NG' },
      lastUsed: now - 20 * 60_000,
      status: 'active',
      deviceId: null,
      userAgent: 'Mozilla/5.0 (Linux; Android 10) Chrome/120.0 Mobile',
      current: false,
    },
  );
  state.connect(main, 'Main account', 'PT', DEMO.accounts.main.accountId);
  main.managementSessions.push(
    {
      id: '700000000000000001',
      label: 'Agency: chat team',
      permissions: ['messages', 'massMessages', 'mediaVault'],
      createdAt: now - 30 * day,
      lastUsedAt: now - 3 * hour,
      status: 'active',
      claimToken: randomHex(24),
    },
    {
      id: '700000000000000002',
      label: 'Assistant: scheduling',
      permissions: ['posts', 'scheduledPosts'],
      createdAt: now - 2 * day,
      lastUsedAt: null,
      status: 'pending',
      claimToken: randomHex(24),
    },
  );

  second.loginSessions.push({
    id: '600000000000000011',
    ip: '192.0.2.99',
    locationData: { city: 'Toronto', stateCode: 'ON', countryCode: 'CA' },
    lastUsed: now - day,
    status: 'active',
    deviceId: 'phone-b2',
    userAgent: 'Fansly iOS',
    current: false,
  });
  state.connect(second, 'Second account', 'CA', DEMO.accounts.second.accountId);
  second.managementSessions.push({
    id: '700000000000000011',
    label: 'Manager: full access',
    permissions: ['posts', 'messages', 'wallet', 'settings', 'statistics'],
    createdAt: now - 90 * day,
    lastUsedAt: now - 10 * day,
    status: 'active',
    claimToken: randomHex(24),
  });
}
