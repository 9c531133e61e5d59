/**
 * What can be checked before deploying, without an account: seven-field crons, runtime and timeouts, the required
 * setting names present in the environment (names only; values are never read out), function folders built.
 */
import { OPTIONAL_SETTINGS, type SettingName } from './functions';
import type { Step } from './plan';

export interface Finding {
  level: 'error' | 'warning';
  message: string;
}

/** Runtimes CloudBase accepts for Node functions (the runtime is fixed when a function is created). */
export const RUNTIMES = ['Nodejs10.15', 'Nodejs12.16', 'Nodejs14.18', 'Nodejs16.13', 'Nodejs18.15', 'Nodejs20.19'];
const CRON_FIELD = /^[0-9*/,\-?LW#A-Za-z]+$/;

export function isSevenFieldCron(cron: string): boolean {
  const fields = cron.trim().split(/\s+/);
  return fields.length === 7 && fields.every((f) => CRON_FIELD.test(f));
}

export interface CheckInput {
  env: Record<string, string | undefined>;
  /** Whether `cloudfunctions/<name>/index.js` exists. */
  built: (name: string) => boolean;
  /** A dry run reports missing settings as warnings; a real run refuses. */
  dryRun: boolean;
}

export function check(steps: Step[], input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const error = (message: string) => findings.push({ level: 'error', message });
  const missing = new Map<SettingName, string[]>();
  for (const step of steps) {
    if (step.kind === 'trigger' && !isSevenFieldCron(step.cron))
      error(`trigger ${step.function}.${step.name}: "${step.cron}" is not a seven-field cron`);
    if (step.kind !== 'function') continue;
    if (!RUNTIMES.includes(step.runtime)) error(`function ${step.name}: unknown runtime ${step.runtime}`);
    if (!Number.isInteger(step.timeout) || step.timeout < 1 || step.timeout > 900)
      error(`function ${step.name}: timeout ${step.timeout} s is outside 1–900`);
    if (!input.built(step.name)) error(`function ${step.name}: cloudfunctions/${step.name}/index.js is not built`);
    for (const s of step.settings) if (!input.env[s]) missing.set(s, [...(missing.get(s) ?? []), step.name]);
  }
  for (const [setting, fns] of missing) {
    findings.push({
      level: input.dryRun || OPTIONAL_SETTINGS.includes(setting) ? 'warning' : 'error',
      message: `setting ${setting} is not set in this environment (needed by ${fns.join(', ')})`,
    });
  }
  return findings;
}
