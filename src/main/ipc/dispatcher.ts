import type { z } from 'zod';
import {
  contract,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/contract';
import { DoormanError, type AppError, type Result } from '../../shared/errors';
import type { Logger } from '../platform/log';

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** Every channel must have a handler: a missing one is a compile error in the composition. */
export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

const INTERNAL_MESSAGE = 'Doorman hit an unexpected problem. Please try again.';

function fieldPaths(error: z.ZodError): string[] {
  const paths = error.issues.map((issue) => (issue.path.length ? issue.path.join('.') : '(input)'));
  return [...new Set(paths)].slice(0, 20);
}

/**
 * The one choke point every request passes: unknown channel, input that does not match the
 * channel's schema, a handler that throws, or an answer that does not match the promised
 * schema all become a typed `{ ok: false, error }`. Unknown errors are logged (redacted) and
 * reduced to a fixed sentence, so no stack, path or secret reaches the page. Parsing the
 * output also strips any field the contract does not name.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawInput) => {
    if (!Object.hasOwn(contract, channel)) {
      return failure({ code: 'unknownChannel', message: 'That request is not part of Doorman.' });
    }
    const spec = contract[channel as Channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      return failure({
        code: 'invalidInput',
        message: 'Some of the information sent was not valid.',
        fields: fieldPaths(parsed.error),
      });
    }
    let answer: unknown;
    try {
      const handler = handlers[channel as Channel] as (input: unknown) => unknown;
      answer = await handler(parsed.data);
    } catch (error) {
      if (error instanceof DoormanError) return failure(error.toAppError());
      log.error(`handler for ${channel} failed`, error);
      return failure({ code: 'internal', message: INTERNAL_MESSAGE });
    }
    const checked = spec.output.safeParse(answer ?? null);
    if (!checked.success) {
      log.error(`handler for ${channel} answered outside its contract`, checked.error.issues);
      return failure({ code: 'internal', message: INTERNAL_MESSAGE });
    }
    return { ok: true, data: checked.data };
  };
}

function failure(error: AppError): Result<never> {
  return { ok: false, error };
}
