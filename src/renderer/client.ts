import type { Api } from '../shared/contract';
// error-codes, not errors: this module is on the first load and errors.ts brings zod.
import { isErrorCode, type AppError, type Result } from '../shared/error-codes';

/**
 * The renderer's only way to main. In the app it is the preload's `window.api`; component
 * tests hand it another implementation with `setApi`.
 */
let current: Api | null = null;

export function api(): Api {
  if (current) return current;
  if (typeof window !== 'undefined' && window.api) return window.api;
  throw new Error('Doorman bridge is not available');
}

export function setApi(next: Api | null): void {
  current = next;
}

/** An error answered by main, carrying its typed code for translation. */
export class ClientError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ClientError';
  }
}

/** Turns a bridge Result into a value or a thrown ClientError. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.data;
  throw new ClientError(result.error);
}

function isAppError(value: unknown): value is AppError {
  if (value === null || typeof value !== 'object') return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return isErrorCode(code) && typeof message === 'string';
}

/** Anything caught (a ClientError, a plain AppError from a Result, or a bug) as an AppError. */
export function toAppError(error: unknown): AppError {
  if (error instanceof ClientError) return error.error;
  if (isAppError(error)) return error;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
