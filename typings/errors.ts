/** Error codes of the call contract (SPEC "Call contract"). Stable: clients switch on them. */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'FAILED_PRECONDITION',
  'RESOURCE_EXHAUSTED',
  'ABORTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default Chinese messages, used when a function gives no more specific one. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登记成为义工',
  PERMISSION_DENIED: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  ALREADY_EXISTS: '已经存在，无需重复操作',
  FAILED_PRECONDITION: '当前状态不允许此操作',
  RESOURCE_EXHAUSTED: '名额已满或操作过于频繁',
  ABORTED: '操作冲突，请稍后重试',
  INTERNAL: '系统繁忙，请稍后再试',
};

export interface OkEnvelope<T> {
  ok: true;
  data: T;
}

export interface ErrorEnvelope {
  ok: false;
  code: ErrorCode;
  /** Chinese, fit to show to the user. */
  message: string;
  /** Field-level problems of an INVALID_ARGUMENT, keyed by the request path (e.g. `guardian.mobile`). */
  fields?: Record<string, string>;
  /** The invocation's request id, to find the log line. */
  requestId?: string;
}

/** What every cloud function returns. */
export type Envelope<T> = OkEnvelope<T> | ErrorEnvelope;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
