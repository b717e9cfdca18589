import type { z } from 'zod';
import type { Result } from '../errors';
import { appContract } from './app';
import { settingsContract } from './settings';
import { vaultContract } from './vault';
import { accountsContract } from './accounts';
import { twofaContract } from './twofa';
import { notesContract } from './notes';
import { managersContract } from './managers';
import { activityContract } from './activity';
import { backupContract } from './backup';
import { sessionsContract } from './sessions';
import { loginsContract } from './logins';
import { checklistContract } from './checklist';
import { lockdownContract } from './lockdown';
import { monitorContract } from './monitor';
import { overviewContract } from './overview';
import type { EventName, EventPayload } from './events';

/**
 * Every channel between renderer and main, `domain:verb` -> schemas. Both sides are typed
 * from this one map, so a renamed channel is a compile error everywhere it is used.
 * Features add their map here, one line each.
 */
export const contract = {
  ...appContract,
  ...settingsContract,
  ...vaultContract,
  ...accountsContract,
  ...twofaContract,
  ...notesContract,
  ...managersContract,
  ...activityContract,
  ...backupContract,
  ...sessionsContract,
  ...loginsContract,
  ...checklistContract,
  ...lockdownContract,
  ...monitorContract,
  ...overviewContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;

type ApiFunction<C extends Channel> = [ChannelInput<C>] extends [void | undefined]
  ? () => Promise<Result<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

type EventSubscriptions = {
  [E in EventName as `on${Capitalize<E>}`]: (
    listener: (payload: EventPayload<E>) => void,
  ) => () => void;
};

/** `window.api`: one namespace per domain, one function per channel, plus `on*` events. */
export type Api = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: ApiFunction<C>;
  };
} & EventSubscriptions;

/** The IPC channel name an event travels on. */
export function eventChannel(event: EventName): string {
  return `event:${event}`;
}

export function subscriptionName(event: EventName): string {
  return `on${event[0]!.toUpperCase()}${event.slice(1)}`;
}

export * from './events';
export * from './define';
export * from './app';
export * from './settings';
export * from './checklist';
export * from './lockdown';
export * from './monitor';
export * from './notes';
export * from './managers';
export * from './activity';
export * from './backup';
export * from './vault';
export * from './accounts';
export * from './twofa';
export * from './sessions';
export * from './logins';
export * from './overview';
