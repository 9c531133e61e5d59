/**
 * The qualifications world: brigade A (石岐区) led by `leader`, with `nurse` and `plain` as members; brigade B (东区)
 * led by `otherLeader`; `coord` coordinates 石岐区 and `otherCoord` 东区; hq. Photos are uploaded as the phone does
 * in the local cloud's development mode (`POST /v1/storage/upload`), then submitted with addQualification.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseEjson } from '../../local-cloud/db/codec';
import type { InviteResponse } from '../../typings/api/brigades';
import type { AddQualificationRequest, AddQualificationResponse } from '../../typings/api/volunteers';
import type { Brigade } from '../../typings/entities';
import { HQ, ok } from './helpers';
import { postsWorld, type PostsWorld } from './posts-fixture';

export const PNG = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'certificate.png'));
export const DAY = 86_400_000;

export interface QualsWorld extends PostsWorld {
  b: Brigade;
  /** Uploads bytes to `qualifications/<volunteerId>/<name>` as `openid`; the fileID. */
  upload(openid: string, name: string, bytes?: Buffer): Promise<string>;
  /** Uploads a photo and submits it; the qualificationId and the photo's fileID. */
  submit(
    openid: string,
    over?: Partial<AddQualificationRequest>,
  ): Promise<AddQualificationResponse & { fileId: string }>;
  /** Waits until the media checks asked for so far have delivered their verdicts. */
  settle(): Promise<void>;
  docs<T = Record<string, unknown>>(collection: string, query?: object): Promise<T[]>;
}

let photoSeq = 0;

export async function qualsWorld(): Promise<QualsWorld> {
  const w = await postsWorld(2);
  const { cloud } = w;
  await w.register('nurse', { name: '林护士' });
  await w.register('plain', { name: '黄义工' });
  const invite = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: w.brigade.brigadeId }, 'leader');
  for (const openid of ['nurse', 'plain']) await ok(cloud, 'brigades', 'join', { code: invite.code }, openid);
  await w.register('otherLeader', { name: '何队长', town: '东区' });
  const b = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '东区博爱大队', town: '东区', joinMode: 'open' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: b.brigadeId, cardNo: w.people.otherLeader.cardNo }, HQ);
  await w.register('coord', { name: '梁社工' });
  await w.register('otherCoord', { name: '吴社工', town: '东区' });
  await ok(cloud, 'brigades', 'setCoordinator', { town: '石岐区', cardNo: w.people.coord.cardNo }, HQ);
  await ok(cloud, 'brigades', 'setCoordinator', { town: '东区', cardNo: w.people.otherCoord.cardNo }, HQ);

  const upload = async (openid: string, name: string, bytes = PNG) => {
    const form = new FormData();
    form.append('cloudPath', `qualifications/${w.people[openid].volunteerId}/${name}`);
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${cloud.url}/v1/storage/upload`, {
      method: 'POST',
      headers: { 'x-wx-openid': openid },
      body: form,
    });
    const body = (await res.json()) as { fileID?: string; message?: string };
    if (!body.fileID) throw new Error(`upload failed: ${res.status} ${body.message}`);
    return body.fileID;
  };
  const submit = async (openid: string, over: Partial<AddQualificationRequest> = {}) => {
    photoSeq += 1;
    const fileId = over.fileId ?? (await upload(openid, `photo-${photoSeq}.png`));
    const added = await ok<AddQualificationResponse>(
      cloud,
      'volunteers',
      'addQualification',
      { type: '执业护士', title: '护士执业证书', issuedAt: Date.UTC(2020, 0, 1), ...over, fileId },
      openid,
    );
    return { ...added, fileId };
  };
  const settle = async () => {
    await cloud.mediaChecks.settle();
  };
  const docs = async <T>(collection: string, query: object = {}) => {
    const res = (await cloud.db.handle('database.getDocument', {
      collectionName: collection,
      queryType: 'WHERE',
      query: JSON.stringify(query),
      limit: 1000,
    })) as { list: string[] };
    return res.list.map((s) => parseEjson(s) as T);
  };
  return { ...w, b, upload, submit, settle, docs };
}
