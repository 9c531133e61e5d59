/**
 * The demo volunteer's qualifications (专业资格), made through the real functions: a certificate photo uploaded as
 * the phone does in development mode, one qualification verified by their brigade's leader (so the card and
 * matching show it), one waiting in the leader's and the coordinator's 资格审核, one rejected with a reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddQualificationRequest } from '../typings/api/volunteers';
import type { LocalCloud } from './index';
import { repoRoot } from './paths';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

const DAY = 86_400_000;

async function upload(cloud: LocalCloud, openid: string, cloudPath: string): Promise<string> {
  const bytes = fs.readFileSync(path.join(repoRoot(), 'local-cloud', 'seed-assets', 'certificate.png'));
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'certificate.png');
  const res = await fetch(`${cloud.url}/v1/storage/upload`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: form,
  });
  const body = (await res.json()) as { fileID?: string; message?: string };
  if (!body.fileID) throw new Error(`seed: uploading a certificate failed: ${body.message}`);
  return body.fileID;
}

export async function seedQualifications(
  cloud: LocalCloud,
  call: Call,
  volunteer: string,
  leader: string,
): Promise<void> {
  const me = await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, volunteer);
  const volunteerId = me.profile.volunteerId;
  const now = cloud.clock.now();
  const add = async (name: string, request: Omit<AddQualificationRequest, 'fileId'>) => {
    const fileId = await upload(cloud, volunteer, `qualifications/${volunteerId}/${name}.png`);
    const added = await call<{ qualificationId: string }>(
      cloud,
      'volunteers',
      { action: 'addQualification', ...request, fileId },
      volunteer,
    );
    return added.qualificationId;
  };
  const nurse = await add('nurse', {
    type: '执业护士',
    title: '护士执业证书',
    issuedAt: now - 3 * 365 * DAY,
    expiresAt: now + 2 * 365 * DAY,
  });
  const counsellor = await add('counsellor', { type: '心理咨询师', title: '三级心理咨询师' });
  await add('first-aid', { type: '急救员', title: '红十字救护员证', issuedAt: now - 60 * DAY });
  await cloud.mediaChecks.settle();
  const review = (qualificationId: string, approve: boolean, reason?: string) =>
    call(cloud, 'volunteers', { action: 'reviewQualification', volunteerId, qualificationId, approve, reason }, leader);
  await review(nurse, true);
  await review(counsellor, false, '照片不清晰，请重新拍摄上传');
}
