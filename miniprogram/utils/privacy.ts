/**
 * The privacy-authorization flow (app.json `__usePrivacyCheck__: true`).
 * When a privacy API or component needs consent, WeChat calls the `wx.onNeedPrivacyAuthorization` listener
 * with a `resolve` function; the privacy popup on the current page shows the notice and answers through it:
 * `exposureAuthorization` when shown, then `agree` (with the agree button's id, after its
 * `agreeprivacyauthorization` event) or `disagree`.
 */

export type PrivacyEvent = 'exposureAuthorization' | 'agree' | 'disagree';

export interface PrivacyResolveOption {
  event: PrivacyEvent;
  buttonId?: string;
}

export type PrivacyResolve = (option: PrivacyResolveOption) => void;

export type PrivacyListener = (referrer: string) => void;

type NeedPrivacyAuthorization = (listener: (resolve: PrivacyResolve, eventInfo: { referrer?: string }) => void) => void;

/** The `id` of the agree button: WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'agree-privacy-btn';

let pending: PrivacyResolve[] = [];
let referrer = '';
const listeners = new Set<PrivacyListener>();

/** Called by WeChat (or a test) when consent is needed. Several privacy calls may wait on one answer. */
export function needAuthorization(resolve: PrivacyResolve, eventInfo?: { referrer?: string }): void {
  pending.push(resolve);
  referrer = eventInfo?.referrer ?? '';
  listeners.forEach((listener) => listener(referrer));
}

/** Registers the app-wide listener; call once in `App.onLaunch`. */
export function installPrivacyHandler(): void {
  const on = (wx as unknown as { onNeedPrivacyAuthorization?: NeedPrivacyAuthorization }).onNeedPrivacyAuthorization;
  if (typeof on === 'function') on.call(wx, needAuthorization);
}

/** A popup subscribes while it is on screen; it is told at once if a request is already waiting. */
export function subscribe(listener: PrivacyListener): () => void {
  listeners.add(listener);
  if (pending.length > 0) listener(referrer);
  return () => listeners.delete(listener);
}

/** Tells the platform the notice is visible (allowed any number of times before the answer). */
export function exposed(): void {
  pending.forEach((resolve) => resolve({ event: 'exposureAuthorization' }));
}

/** Answers every waiting request. */
export function answer(agreed: boolean): void {
  const waiting = pending;
  pending = [];
  waiting.forEach((resolve) => resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }));
}
