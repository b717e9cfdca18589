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
import {
  eventChannel,
  subscriptionName,
  type ChannelName,
  type EventNameOnly,
} from './channel-names';

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

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The zod-free name lists (channel-names.ts) must name exactly this contract's channels and events. */
export const channelNamesMatchContract: Exactly<ChannelName, Channel> = true;
export const eventNamesMatchContract: Exactly<EventNameOnly, EventName> = true;

export { eventChannel, subscriptionName };

export * from './events';
export { CHANNEL_NAMES, EVENT_NAMES } from './channel-names';
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
