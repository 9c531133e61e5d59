/**
 * `npm start` (via scripts/start.mjs): the local cloud on ${PORT:-3710} with data in ${DATA_DIR:-.data},
 * demo data on first start (SEED=demo; SEED=none skips), POOL_SIZE instances, LOCAL_CLOUD_SECRET (`id:key`) for
 * /admin's signature check (default: generated once into the data folder). Stops cleanly on Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from './index';
import { repoRoot } from './paths';
import { settingsFromEnv } from './settings';

interface Identity {
  openid: string;
  role: string;
  label: string;
}

type SeedModule = { seedDemo(cloud: LocalCloud): Promise<{ identities: Identity[] }> };

function loadSeed(root: string): SeedModule | undefined {
  for (const candidate of [path.join(__dirname, 'seed.js'), path.join(root, 'local-cloud', 'seed')]) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(candidate) as Partial<SeedModule>;
      if (typeof mod.seedDemo === 'function') return mod as SeedModule;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  const root = repoRoot();
  const port = Number(process.env.PORT ?? 3710);
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
  const seed = process.env.SEED ?? 'demo';
  const seededMarker = path.join(dataDir, 'seeded');
  const firstStart = !fs.existsSync(seededMarker);
  const cloud = await startLocalCloud({
    port,
    dataDir,
    poolSize: process.env.POOL_SIZE ? Number(process.env.POOL_SIZE) : undefined,
    env: settingsFromEnv(process.env),
    secret: process.env.LOCAL_CLOUD_SECRET,
  });

  let identities: Identity[] = [];
  if (seed !== 'none') {
    const seeder = loadSeed(root);
    if (!seeder) {
      console.log('demo data: local-cloud/seed is not available yet; starting with an empty database');
    } else if (firstStart) {
      identities = (await seeder.seedDemo(cloud)).identities;
      const marker = JSON.stringify({ at: new Date().toISOString(), identities }, null, 2);
      fs.writeFileSync(seededMarker, marker, { mode: 0o600 });
      console.log('demo data: loaded');
    } else {
      identities = (JSON.parse(fs.readFileSync(seededMarker, 'utf8')) as { identities?: Identity[] }).identities ?? [];
    }
  }

  const lines = [
    `local cloud: ${cloud.url}   (data in ${dataDir})`,
    `settings: ${cloud.settings.summary.join('; ')}`,
    `/admin secret: id ${cloud.secret.id}, ${cloud.secret.origin} (the functions sign with it; LOCAL_CLOUD_SECRET=id:key sets it)`,
    `console: ${cloud.url}/  (key: ${cloud.secret.key}; or open ${cloud.url}/#key=${cloud.secret.key})`,
    ...(identities.length
      ? [
          'demo identities (send as the x-wx-openid header):',
          ...identities.map((i) => `  ${i.openid}  ${i.role}  ${i.label}`),
        ]
      : []),
    'try:',
    `  curl -s -XPOST localhost:${cloud.port}/v1/functions/volunteers -H 'x-wx-openid: demo-volunteer' -d '{"action":"me"}'`,
    `  curl -s localhost:${cloud.port}/healthz`,
    'Ctrl-C stops.',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local cloud…`);
    cloud.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
