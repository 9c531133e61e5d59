/**
 * The deploy plan: a pure list of what must exist in a CloudBase environment, from database/collections.ts and
 * deploy/functions.ts. Each step is worded "ensure …": the apply step creates only what is missing or different.
 */
import type { CollectionSpec, IndexKey } from '../database/collections';
import { COLLECTIONS, SECURITY_RULE } from '../database/collections';
import { FUNCTIONS, HANDLER, RUNTIME, type FunctionSpec, type SettingName } from './functions';

export type Direction = '1' | '-1' | '2dsphere';

export interface IndexStep {
  kind: 'index';
  collection: string;
  name: string;
  /** In order: a compound index lists several keys. */
  keys: { field: string; direction: Direction }[];
  unique: boolean;
}

export interface FunctionStep {
  kind: 'function';
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  /** Names only; values come from the environment at deploy time and are never printed. */
  settings: SettingName[];
}

export type Step =
  | { kind: 'collection'; name: string }
  | IndexStep
  | { kind: 'rule'; collection: string; rule: { read: boolean; write: boolean } }
  | FunctionStep
  | { kind: 'trigger'; function: string; name: string; cron: string };

export interface DeployConfig {
  collections: CollectionSpec[];
  rule: { read: boolean; write: boolean };
  functions: FunctionSpec[];
}

export const PROJECT: DeployConfig = { collections: COLLECTIONS, rule: { ...SECURITY_RULE }, functions: FUNCTIONS };

const direction = (key: IndexKey): Direction => (key === '2dsphere' ? '2dsphere' : key === 1 ? '1' : '-1');

export function plan(config: DeployConfig = PROJECT): Step[] {
  const steps: Step[] = [];
  for (const c of config.collections) {
    steps.push({ kind: 'collection', name: c.name });
    for (const index of c.indexes) {
      steps.push({
        kind: 'index',
        collection: c.name,
        name: index.name,
        keys: Object.entries(index.keys).map(([field, key]) => ({ field, direction: direction(key) })),
        unique: index.unique === true,
      });
    }
    steps.push({ kind: 'rule', collection: c.name, rule: config.rule });
  }
  for (const fn of config.functions) {
    steps.push({
      kind: 'function',
      name: fn.name,
      runtime: RUNTIME,
      handler: HANDLER,
      timeout: fn.timeout,
      settings: fn.settings,
    });
    for (const t of fn.triggers) steps.push({ kind: 'trigger', function: fn.name, name: t.name, cron: t.cron });
  }
  return steps;
}

/** One line per step, for the dry run and the log of a real run. */
export function describe(step: Step): string {
  switch (step.kind) {
    case 'collection':
      return `ensure collection ${step.name} (create if missing)`;
    case 'index': {
      const keys = step.keys.map((k) => `${k.field}:${k.direction}`).join(', ');
      return `ensure index ${step.collection}.${step.name} {${keys}}${step.unique ? ' unique' : ''} (create if missing)`;
    }
    case 'rule':
      return `ensure security rule of ${step.collection} = ${JSON.stringify(step.rule)} (set if different)`;
    case 'function':
      return (
        `ensure function ${step.name}: ${step.runtime}, ${step.handler}, timeout ${step.timeout} s, ` +
        `settings ${step.settings.join(', ') || 'none'} (create if missing, else update code and config)`
      );
    case 'trigger':
      return `ensure timer trigger ${step.function}.${step.name} "${step.cron}" (create if missing or different)`;
  }
}
