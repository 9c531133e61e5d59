/**
 * Replaces the worker's global `Date` so that `Date.now()`, `new Date()` and `Date()` follow the local
 * cloud's clock, without any change to function code. A Proxy over the real constructor keeps
 * `instanceof Date`, `Date.UTC`, `Date.parse`, subclassing and dates built from explicit values unchanged.
 */

export function installClock(now: () => number): void {
  const RealDate = Date;
  const ClockDate = new Proxy(RealDate, {
    construct(target, args: unknown[], newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object;
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return now;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  globalThis.Date = ClockDate;
}
