/**
 * Qualifications (专业资格) in the demo, made through the real functions: certificate photos uploaded as the phone
 * does in development mode, then reviewed by whom the rules allow. The demo volunteer has one verified (the card and
 * matching show it), one waiting in their leader's and the coordinator's 资格审核 and one rejected with a reason; a
 * counsellor, a hairdresser and two social workers among the leaders are verified (about 30% of the volunteers hold
 * one, as the report counts), and a teacher's certificate waits in the demo leader's queue beside the first.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddQualificationRequest } from '../typings/api/volunteers';
import type { LocalCloud } from './index';
import { repoRoot } from './paths';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** The demo certificate pictures (marked 演示样例), and the plain one for certificates without their own. */
type Asset = 'certificate' | 'cert-nurse' | 'cert-counsellor' | 'cert-hairdresser';

async function upload(cloud: LocalCloud, openid: string, cloudPath: string, asset: Asset): Promise<string> {
  const bytes = fs.readFileSync(path.join(repoRoot(), 'local-cloud', 'seed-assets', `${asset}.png`));
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), `${asset}.png`);
  const res = await fetch(`${cloud.url}/v1/storage/upload`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: form,
  });
  const body = (await res.json()) as { fileID?: string; message?: string };
  if (!body.fileID) throw new Error(`seed: uploading a certificate failed: ${body.message}`);
  return body.fileID;
}

/** Who holds what, and who reviews it (`approve` false: rejected with `reason`; absent: still pending). */
interface Held {
  openid: string;
  name: string;
  asset: Asset;
  request: Omit<AddQualificationRequest, 'fileId'>;
  reviewer?: string;
  approve?: boolean;
  reason?: string;
}

export async function seedQualifications(
  cloud: LocalCloud,
  call: Call,
  who: { volunteer: string; leader: string; hq: string },
): Promise<void> {
  const now = cloud.clock.now();
  const { volunteer, leader, hq } = who;
  const held: Held[] = [
    {
      openid: volunteer,
      name: 'nurse',
      asset: 'cert-nurse',
      request: { type: '执业护士', title: '护士执业证书', issuedAt: now - 3 * YEAR, expiresAt: now + 2 * YEAR },
      reviewer: leader,
      approve: true,
    },
    {
      openid: volunteer,
      name: 'counsellor',
      asset: 'certificate',
      request: { type: '心理咨询师', title: '三级心理咨询师' },
      reviewer: leader,
      approve: false,
      reason: '照片不清晰，请重新拍摄上传',
    },
    {
      openid: volunteer,
      name: 'first-aid',
      asset: 'certificate',
      request: { type: '急救员', title: '红十字救护员证', issuedAt: now - 60 * DAY },
    },
    // 吴淑芬 and 邓美玲, verified by the leader of one of their brigades.
    {
      openid: 'demo-volunteer-3',
      name: 'counsellor',
      asset: 'cert-counsellor',
      request: { type: '心理咨询师', title: '心理咨询师职业资格证书', issuedAt: now - 4 * YEAR },
      reviewer: 'demo-leader-4',
      approve: true,
    },
    {
      openid: 'demo-volunteer-5',
      name: 'hairdresser',
      asset: 'cert-hairdresser',
      request: { type: '美发师', title: '美发师职业技能等级证书', issuedAt: now - 2 * YEAR },
      reviewer: 'demo-leader-5',
      approve: true,
    },
    // Two leaders are social workers (社工), verified by headquarters.
    {
      openid: leader,
      name: 'social-worker',
      asset: 'certificate',
      request: { type: '社会工作者', title: '助理社会工作师' },
      reviewer: hq,
      approve: true,
    },
    {
      openid: 'demo-leader-2',
      name: 'social-worker',
      asset: 'certificate',
      request: { type: '社会工作者', title: '社会工作师' },
      reviewer: hq,
      approve: true,
    },
    // 刘子轩's teaching certificate waits in the demo leader's 资格审核 after the demo volunteer's.
    {
      openid: 'demo-volunteer-4',
      name: 'teacher',
      asset: 'certificate',
      request: { type: '教师资格', title: '小学教师资格证' },
    },
  ];
  const added: { volunteerId: string; qualificationId: string; entry: Held }[] = [];
  for (const entry of held) {
    const me = await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, entry.openid);
    const volunteerId = me.profile.volunteerId;
    const fileId = await upload(cloud, entry.openid, `qualifications/${volunteerId}/${entry.name}.png`, entry.asset);
    const { qualificationId } = await call<{ qualificationId: string }>(
      cloud,
      'volunteers',
      { action: 'addQualification', ...entry.request, fileId },
      entry.openid,
    );
    added.push({ volunteerId, qualificationId, entry });
  }
  await cloud.mediaChecks.settle();
  for (const { volunteerId, qualificationId, entry } of added) {
    if (!entry.reviewer) continue;
    await call(
      cloud,
      'volunteers',
      { action: 'reviewQualification', volunteerId, qualificationId, approve: entry.approve, reason: entry.reason },
      entry.reviewer,
    );
  }
}
