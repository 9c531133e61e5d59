/**
 * The typed client: every server call of the mini program goes through `call`.
 * It resolves to the envelope's `data` or throws a CallError carrying the contract's error code;
 * by default a failure also shows a Vant toast with the Chinese message (pages include
 * `<van-toast id="van-toast" />`).
 */
import Toast from '@vant/weapp/toast/toast';
import {
  DEFAULT_ERROR_MESSAGES,
  isErrorCode,
  type ActionName,
  type Envelope,
  type ErrorCode,
  type FunctionName,
  type RequestOf,
  type ResponseOf,
} from '../typings/index';
import { send } from './transport';

export class CallError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly requestId?: string;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, requestId?: string) {
    super(message);
    this.name = 'CallError';
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

export interface CallOptions {
  /** Show a toast with the error message (default true). */
  toast?: boolean;
}

const NETWORK_MESSAGE = '网络不给力，请检查网络后重试';

/** The call never reached the function (offline, callFunction failed): safe to resend with the same requestId. */
export const isNetworkFailure = (error: unknown) => error instanceof CallError && error.message === NETWORK_MESSAGE;

function toCallError(reply: unknown): CallError {
  const envelope = reply as Partial<Extract<Envelope<unknown>, { ok: false }>> | undefined;
  if (envelope && envelope.ok === false && isErrorCode(envelope.code)) {
    return new CallError(
      envelope.code,
      envelope.message || DEFAULT_ERROR_MESSAGES[envelope.code],
      envelope.fields,
      envelope.requestId,
    );
  }
  return new CallError('INTERNAL', DEFAULT_ERROR_MESSAGES.INTERNAL);
}

function showError(error: CallError): void {
  try {
    Toast({ type: 'fail', message: error.message, duration: 2500 });
  } catch {
    wx.showToast({ title: error.message, icon: 'none' });
  }
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  request: RequestOf<F, A>,
  options: CallOptions = {},
): Promise<ResponseOf<F, A>> {
  let reply: unknown;
  try {
    reply = await send(name, { ...(request as object), action });
  } catch {
    const error = new CallError('INTERNAL', NETWORK_MESSAGE);
    if (options.toast !== false) showError(error);
    throw error;
  }
  const envelope = reply as Envelope<ResponseOf<F, A>> | undefined;
  if (envelope && envelope.ok === true) return envelope.data;
  const error = toCallError(reply);
  if (options.toast !== false) showError(error);
  throw error;
}

/** `{}` fits the request (every field optional): the request argument may be left out. */
type Args<Req> = object extends Req ? [request?: Req, options?: CallOptions] : [request: Req, options?: CallOptions];

export type ServiceOf<F extends FunctionName> = {
  [A in ActionName<F>]: (...args: Args<RequestOf<F, A>>) => Promise<ResponseOf<F, A>>;
};

/** One typed function per action of a cloud function; `actions` must list every action of the contract. */
export function service<F extends FunctionName>(name: F, actions: Record<ActionName<F>, true>): ServiceOf<F> {
  const bound = {} as Record<string, unknown>;
  for (const action of Object.keys(actions) as ActionName<F>[]) {
    bound[action] = (request?: RequestOf<F, typeof action>, options?: CallOptions) =>
      call(name, action, (request ?? {}) as RequestOf<F, typeof action>, options);
  }
  return bound as ServiceOf<F>;
}
