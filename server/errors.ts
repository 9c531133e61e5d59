/** Errors an action may answer with: thrown as AppError, turned into the error envelope by the handler. */
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../typings/errors';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export const invalid = (message: string, fields?: Record<string, string>) =>
  new AppError('INVALID_ARGUMENT', message, fields);
export const unauthenticated = (message = DEFAULT_ERROR_MESSAGES.UNAUTHENTICATED) =>
  new AppError('UNAUTHENTICATED', message);
export const denied = (message = DEFAULT_ERROR_MESSAGES.PERMISSION_DENIED) =>
  new AppError('PERMISSION_DENIED', message);
export const notFound = (message = DEFAULT_ERROR_MESSAGES.NOT_FOUND) => new AppError('NOT_FOUND', message);
export const alreadyExists = (message: string) => new AppError('ALREADY_EXISTS', message);
export const precondition = (message: string) => new AppError('FAILED_PRECONDITION', message);
export const exhausted = (message: string) => new AppError('RESOURCE_EXHAUSTED', message);
