import { z } from 'zod';

/** One request/response channel: what main accepts and what it promises to answer. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ChannelSpec<I, O> {
  return { input, output };
}

/** Input of a channel that takes nothing. */
export const noInput = z.void();
/** Output of a channel that answers nothing but success. */
export const noOutput = z.null();

/** Ids, labels and free text have bounds so a hostile payload cannot balloon memory or disk. */
export const idSchema = z.string().trim().min(1).max(200);
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const isoDateSchema = z.iso.date();
