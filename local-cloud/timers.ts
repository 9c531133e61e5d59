/**
 * Timer triggers: each function's config.json timer (seven-field cron: sec min hour day month weekday year,
 * evaluated in Asia/Shanghai, by croner) fires on schedule against the LOCAL clock. The scheduler checks
 * once a second; when the clock was moved past one or more due times, the trigger fires ONCE on the next
 * check (missed runs coalesce, as a restarted instance would not replay them), then waits for the next due
 * time after the current clock. Moving the clock backwards re-plans every trigger from the new time.
 * `fire(name)` runs a trigger at once (`POST /v1/triggers/:name`).
 */
import { Cron } from 'croner';
import type { Clock } from './clock';
import type { FunctionHost, InvocationOutcome } from './functions/host';
import type { FunctionRegistry, TimerTrigger } from './functions/registry';

export const TIMER_ZONE = 'Asia/Shanghai';

/** The event CloudBase passes to a timer-triggered function. */
export function timerEvent(trigger: TimerTrigger, at: number): Record<string, unknown> {
  return {
    Type: 'Timer',
    TriggerName: trigger.name,
    Time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Message: '',
  };
}

export function parseCron(config: string): Cron {
  const fields = config.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer "${config}": CloudBase cron needs seven fields`);
  return new Cron(config, { timezone: TIMER_ZONE, paused: true, mode: '7-part' });
}

interface Planned {
  fn: string;
  trigger: TimerTrigger;
  cron: Cron;
  due: number | undefined;
}

export class TimerScheduler {
  private planned = new Map<string, Planned>();
  private interval?: NodeJS.Timeout;
  private lastCheck: number;
  private running = new Set<Promise<unknown>>();

  constructor(
    private readonly registry: FunctionRegistry,
    private readonly host: FunctionHost,
    private readonly clock: Clock,
  ) {
    this.lastCheck = clock.now();
    this.replan(this.lastCheck);
  }

  /** Re-reads the functions' triggers (new or changed config.json) and plans each from `from`. */
  replan(from: number): void {
    const next = new Map<string, Planned>();
    for (const fn of this.registry.list()) {
      if (!fn.timer) continue;
      const old = this.planned.get(fn.name);
      if (old && old.trigger.config === fn.timer.config && from >= this.lastCheck) {
        next.set(fn.name, { ...old, trigger: fn.timer });
        continue;
      }
      const cron = parseCron(fn.timer.config);
      next.set(fn.name, { fn: fn.name, trigger: fn.timer, cron, due: cron.nextRun(new Date(from))?.getTime() });
    }
    this.planned = next;
  }

  start(periodMs = 1000): void {
    if (this.interval) return;
    this.interval = setInterval(() => void this.tick(), periodMs);
    this.interval.unref();
  }

  /** Fires every trigger whose due time the clock has reached; returns the names fired. */
  async tick(): Promise<string[]> {
    const now = this.clock.now();
    this.replan(now < this.lastCheck ? now : this.lastCheck);
    this.lastCheck = now;
    const fired: Promise<unknown>[] = [];
    const names: string[] = [];
    for (const p of this.planned.values()) {
      if (p.due === undefined || p.due > now) continue;
      p.due = p.cron.nextRun(new Date(now))?.getTime();
      names.push(p.fn);
      fired.push(this.run(p.fn, p.trigger, now));
    }
    await Promise.all(fired);
    return names;
  }

  /** Runs a function's timer trigger now; undefined when it has none. */
  fire(name: string): Promise<InvocationOutcome> | undefined {
    const fn = this.registry.get(name);
    if (!fn?.timer) return undefined;
    return this.run(name, fn.timer, this.clock.now());
  }

  nextDue(name: string): number | undefined {
    return this.planned.get(name)?.due;
  }

  /** Stops the schedule; runs in flight finish or are ended by the host's stop. */
  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
  }

  inFlight(): number {
    return this.running.size;
  }

  private run(name: string, trigger: TimerTrigger, at: number): Promise<InvocationOutcome> {
    const p = this.host.invoke(name, timerEvent(trigger, at), { source: 'timer' });
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }
}
