/**
 * A cloud function's entry: parse the event, authorize the caller, validate the input, route to the
 * action, and answer with the envelope. A thrown bug becomes INTERNAL with a logged stack, never a leaked one.
 */
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../typings/api/index';
import type { Envelope } from '../typings/errors';
import { RequestContext } from './context';
import { AppError, invalid, unauthenticated } from './errors';
import { handleMediaResult, isMediaCheckEvent, type MediaCheckEvent } from './files/media-result';
import { createLogger, shortId } from './log';
import type { Schema } from './schema';
import { parseInput } from './validate';

/** Who may call: anyone with a WeChat identity, registered volunteers, or hq. Brigade leadership is checked per brigade inside actions. */
export type Access = 'anyone' | 'volunteer' | 'hq';

export interface Action<Req, Res> {
  access: Access;
  /**
   * Also callable with no WeChat identity (CloudBase 未登录模式: a page opened from Moments in single-page mode has
   * no OPENID). Only public reads of `anyone` actions; every other action refuses such a caller.
   */
  guest?: true;
  input: Schema<Req>;
  run(input: Req, ctx: RequestContext): Promise<Res>;
}

/** Code for every action of the contract: an action the contract names but no code routes is a compile error. */
export type Actions<F extends FunctionName> = {
  [A in ActionName<F>]: Action<RequestOf<F, A>, ResponseOf<F, A>>;
};

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
}

export interface FunctionDefinition<F extends FunctionName> {
  actions: Actions<F>;
  /** Runs when the function's timer trigger fires. */
  timer?: (ctx: RequestContext, event: TimerEvent) => Promise<unknown>;
}

interface InvocationContext {
  request_id?: string;
  requestId?: string;
}

let fallbackSeq = 0;
function requestIdOf(context: InvocationContext | undefined): string {
  return context?.requestId ?? context?.request_id ?? `local-${Date.now().toString(36)}-${(fallbackSeq += 1)}`;
}

async function authorize({ access, guest }: Pick<Action<unknown, unknown>, 'access' | 'guest'>, ctx: RequestContext) {
  if (!ctx.openid && !(guest && access === 'anyone')) throw unauthenticated('无法识别身份，请在微信中打开小程序');
  if (access === 'volunteer') await ctx.requireVolunteer();
  if (access === 'hq') await ctx.requireHq();
}

export function defineFunction<F extends FunctionName>(name: F, definition: FunctionDefinition<F>) {
  return async function main(event: unknown, context?: InvocationContext): Promise<Envelope<unknown>> {
    const requestId = requestIdOf(context);
    const started = Date.now();
    const log = createLogger({ fn: name, requestId });
    const raw = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>;
    const actionName = typeof raw.action === 'string' ? raw.action : '';
    let ctx: RequestContext | undefined;
    try {
      ctx = new RequestContext(requestId, log);
      if (raw.Type === 'Timer' && definition.timer && !ctx.openid) {
        const data = await definition.timer(ctx, raw as unknown as TimerEvent);
        log.info('timer', { trigger: raw.TriggerName, ms: Date.now() - started });
        return { ok: true, data };
      }
      // Message push (deploy/functions.ts MESSAGE_PUSH): the platform's media-check verdict. Only a traceId the
      // functions recorded settles anything, so a client sending such an event itself changes nothing.
      if (isMediaCheckEvent(raw)) {
        const data = await handleMediaResult(ctx, raw as unknown as MediaCheckEvent);
        log.info('media result', { settled: data.settled, ms: Date.now() - started });
        return { ok: true, data };
      }
      const action = (definition.actions as Record<string, Action<unknown, unknown> | undefined>)[actionName];
      if (!action || !Object.prototype.hasOwnProperty.call(definition.actions, actionName)) {
        throw invalid(actionName ? `不支持的操作：${actionName}` : '缺少操作名 action');
      }
      await authorize(action, ctx);
      const { action: _omit, ...params } = raw;
      const input = parseInput(action.input, params);
      const data = await action.run(input, ctx);
      log.info('call', { action: actionName, caller: shortId(ctx.openid), ms: Date.now() - started, ok: true });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        log.info('call', {
          action: actionName,
          caller: shortId(ctx?.openid ?? ''),
          ms: Date.now() - started,
          ok: false,
          code: error.code,
        });
        return {
          ok: false,
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
          requestId,
        };
      }
      const e = error as Error;
      log.error('internal', { action: actionName, message: e?.message, stack: e?.stack, ms: Date.now() - started });
      return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId };
    }
  };
}
