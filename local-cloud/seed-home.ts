/**
 * The brigades' homes in the demo: two pilot brigades with a service brand and story (情暖夕阳, 邻里互助), and photos
 * of their recorded services from the seeded history (small drawings in seed-assets/, uploaded as the phone does in
 * development mode, added by the leader with posts.addPhotos and passed by the media check).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LocalCloud } from './index';
import { repoRoot } from './paths';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

interface SeedBrigade {
  brigadeId: string;
  leaderOpenid: string;
}

const BRANDS = [
  { brand: '邻里互助', story: '探访长者、陪伴福利院孩子、上门修家电，街坊有需要就到。', photos: [1, 4, 3] },
  { brand: '情暖夕阳', story: '每周为居家长者义诊、探访，让老人家不孤单。', photos: [2, 1] },
];

async function upload(cloud: LocalCloud, openid: string, asset: number, cloudPath: string): Promise<string> {
  const bytes = fs.readFileSync(path.join(repoRoot(), 'local-cloud', 'seed-assets', `service-${asset}.png`));
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), `service-${asset}.png`);
  const res = await fetch(`${cloud.url}/v1/storage/upload`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: form,
  });
  const body = (await res.json()) as { fileID?: string; message?: string };
  if (!body.fileID) throw new Error(`seed: uploading a service photo failed: ${body.message}`);
  return body.fileID;
}

export async function seedHomes(cloud: LocalCloud, call: Call, brigades: SeedBrigade[]): Promise<void> {
  for (const [i, { brand, story, photos }] of BRANDS.entries()) {
    const { brigadeId, leaderOpenid } = brigades[i];
    await call(cloud, 'brigades', { action: 'update', brigadeId, brand, story }, leaderOpenid);
    const me = await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, leaderOpenid);
    const recorded = await call<{ items: { postId: string }[] }>(
      cloud,
      'posts',
      { action: 'ofBrigade', brigadeId, state: 'recorded', pageSize: 3 },
      leaderOpenid,
    );
    // The latest recorded service gets two photos, the one before it one (when there are).
    for (const [p, post] of recorded.items.slice(0, 2).entries()) {
      const assets = p === 0 ? photos.slice(0, 2) : photos.slice(2);
      if (assets.length === 0) continue;
      const fileIds: string[] = [];
      for (const asset of assets) {
        fileIds.push(
          await upload(cloud, leaderOpenid, asset, `photos/${me.profile.volunteerId}/${post.postId}-${asset}.png`),
        );
      }
      await call(cloud, 'posts', { action: 'addPhotos', postId: post.postId, fileIds }, leaderOpenid);
    }
  }
  await cloud.mediaChecks.settle();
}
