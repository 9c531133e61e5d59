/**
 * The committed deploy files, generated from deploy/functions.ts: cloudbaserc.json (tcb CLI), and each function's
 * config.json (DevTools: timeout, timer triggers, open-API permissions) and package.json (cloud-installed SDK).
 * Each is marked generated in a field, as JSON has no comments; a unit test compares the committed files.
 */
import { FUNCTIONS, HANDLER, RUNTIME, SDK_VERSION, type FunctionSpec } from './functions';

export const GENERATED = 'Generated from deploy/functions.ts by `npm run build` — do not edit by hand.';

export interface DeployFile {
  /** Relative to the repository root. */
  path: string;
  json: unknown;
}

const triggersOf = (fn: FunctionSpec) => fn.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.cron }));

export function cloudbaserc(functions: FunctionSpec[] = FUNCTIONS) {
  return {
    version: '2.0',
    description: GENERATED,
    envId: '{{env.ENV_ID}}',
    $schema: 'https://framework-1258016615.tcloudbaseapp.com/schema/latest.json',
    functionRoot: './cloudfunctions',
    functions: functions.map((fn) => ({
      name: fn.name,
      timeout: fn.timeout,
      runtime: RUNTIME,
      installDependency: true,
      handler: HANDLER,
      envVariables: Object.fromEntries(fn.settings.map((s) => [s, `{{env.${s}}}`])),
      ...(fn.triggers.length ? { triggers: triggersOf(fn) } : {}),
    })),
  };
}

export function functionConfig(fn: FunctionSpec) {
  return {
    description: GENERATED,
    permissions: { openapi: fn.openapi },
    timeout: fn.timeout,
    ...(fn.triggers.length ? { triggers: triggersOf(fn) } : {}),
  };
}

export function functionPackage(fn: FunctionSpec) {
  return {
    name: fn.name,
    version: '0.1.0',
    private: true,
    description: `博爱义工 cloud function \`${fn.name}\` (index.js is built by \`npm run build\` from index.ts). ${GENERATED}`,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': SDK_VERSION },
  };
}

export function deployFiles(functions: FunctionSpec[] = FUNCTIONS): DeployFile[] {
  return [
    { path: 'cloudbaserc.json', json: cloudbaserc(functions) },
    ...functions.flatMap((fn) => [
      { path: `cloudfunctions/${fn.name}/config.json`, json: functionConfig(fn) },
      { path: `cloudfunctions/${fn.name}/package.json`, json: functionPackage(fn) },
    ]),
  ];
}
