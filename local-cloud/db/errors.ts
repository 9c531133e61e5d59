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

export function conflict(message = 'database transaction conflict'): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', `[ResourceUnavailable.TransactionConflict] ${message}`);
}

export function transactionFail(message: string): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', `[ResourceUnavailable.TransactionNotExist] ${message}`);
}
