/**
 * Function settings, as set in the CloudBase console's environment variables. What is not given gets a
 * safe local default: a PII key generated once into the data folder (file `pii-key`), placeholder template
 * ids, the demo hq openid. Also returns what to print at start (never the PII key itself).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseKeyring } from '../server/rules/pii';

/** The settings the functions read from process.env. */
export const SETTING_KEYS = [
  'HQ_OPENIDS',
  'PII_KEY',
  'REMINDER_TEMPLATE_ID',
  'NOTICE_TEMPLATE_ID',
  'REMINDER_LEAD_MINUTES',
] as const;

export const DEFAULT_SETTINGS: Record<string, string> = {
  HQ_OPENIDS: 'demo-hq',
  REMINDER_TEMPLATE_ID: 'local-reminder-template',
  NOTICE_TEMPLATE_ID: 'local-notice-template',
  REMINDER_LEAD_MINUTES: '120',
};

export interface ResolvedSettings {
  env: Record<string, string>;
  /** Lines describing the settings in use, safe to print. */
  summary: string[];
}

function piiKey(dataDir: string | undefined): { key: string; origin: string } {
  if (!dataDir) return { key: randomBytes(32).toString('hex'), origin: 'generated for this run (no data folder)' };
  const file = path.join(dataDir, 'pii-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  }
  return { key: fs.readFileSync(file, 'utf8').trim(), origin: `local key in ${file}` };
}

/**
 * @param given settings from the environment (only non-empty values count); other keys pass through too.
 * @param dataDir the data folder, or undefined for an in-memory cloud.
 */
export function resolveSettings(
  given: Record<string, string | undefined>,
  dataDir: string | undefined,
): ResolvedSettings {
  const env: Record<string, string> = {};
  const summary: string[] = [];
  for (const [key, value] of Object.entries(given)) if (value) env[key] = value;
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    const fromEnv = Boolean(env[key]);
    if (!fromEnv) env[key] = value;
    summary.push(`${key}=${env[key]}${fromEnv ? '' : ' (local default)'}`);
  }
  if (env.PII_KEY) {
    const ring = parseKeyring(env.PII_KEY);
    summary.push(
      ring
        ? `PII_KEY set from the environment (${ring.keys.length} ${ring.keys.length === 1 ? 'key' : 'keys'})`
        : 'PII_KEY is not valid (each key 32 bytes, base64 or hex; older keys after a comma): registration and personal data will refuse to work',
    );
  } else {
    const { key, origin } = piiKey(dataDir);
    env.PII_KEY = key;
    summary.push(`PII_KEY ${origin}`);
  }
  return { env, summary };
}

/** Picks the function settings out of a process environment. */
export function settingsFromEnv(processEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, processEnv[k]]));
}

interface DeployConfig {
  functions?: { name?: string; envVariables?: Record<string, string> }[];
}

const deployConfigs = new Map<string, { mtimeMs: number; config: DeployConfig }>();

function readDeployConfig(file: string): DeployConfig | undefined {
  if (!fs.existsSync(file)) return undefined;
  const { mtimeMs } = fs.statSync(file);
  const cached = deployConfigs.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.config;
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as DeployConfig;
  deployConfigs.set(file, { mtimeMs, config });
  return config;
}

/**
 * The settings one function gets: exactly the environment variables its entry in the deploy config
 * (`cloudbaserc.json` beside the functions folder) declares, each `{{env.X}}` filled from the settings' X,
 * as the cloud does. Functions with no deploy config beside them (test fixtures) get every setting.
 */
export function functionSettings(
  functionsDir: string,
  name: string,
  settings: Record<string, string>,
): Record<string, string> {
  const config = readDeployConfig(path.join(functionsDir, '..', 'cloudbaserc.json'));
  if (!config) return settings;
  const declared = config.functions?.find((f) => f.name === name)?.envVariables ?? {};
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(declared)) {
    const filled = value.replace(/\{\{\s*env\.(\w+)\s*\}\}/g, (_, from: string) => settings[from] ?? '');
    if (filled) env[key] = filled;
  }
  return env;
}

/** A process environment without the function settings, so an instance gets only those its config declares. */
export function withoutSettings(processEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...processEnv };
  for (const key of SETTING_KEYS) delete env[key];
  return env;
}
