/** Errors with the codes the cloud puts in `{ code, message }` (wx-server-sdk maps them to errCode). */
export class DbError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/**
 * A unique index violation as the cloud reports it: code DATABASE_REQUEST_FAILED (wx-server-sdk errCode -502001)
 * with MongoDB's E11000 text in the message.
 */
export function duplicateKeyError(coll: string, index: string, key: string): DbError {
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${key}`,
  );
}

export function invalidParam(message: string): DbError {
  return new DbError('INVALID_PARAM', message);
}

/**
 * The cloud's own texts for a transaction conflict and for a finished or expired transaction, as
 * @cloudbase/node-sdk's tests against the cloud expect them (code and message), and as they reach wx-server-sdk callers
 * (errCode -501001, the message inside errMsg).
 */
export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ' +
  'Please check your request, but if the problem persists, contact us.';
export const TRANSACTION_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit ' +
  'or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

/** A transaction conflict: code DATABASE_TRANSACTION_CONFLICT with the cloud's message. */
export function conflict(): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT_MESSAGE);
}

/** A transaction that is unknown, committed, aborted or past its 30 s: code DATABASE_TRANSACTION_FAIL. */
export function transactionFail(): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST_MESSAGE);
}
