/**
 * Professional qualifications through the local cloud: upload → add → queue → review → verified on the card → a
 * post requiring it refuses someone without it and accepts the holder; who may review; expiry; the photo never
 * reaching a role that may not see it; bad files refused with nothing kept; two reviewers at once.
 */
import { createHash } from 'node:crypto';
import type { SignupResponse } from '../../typings/api/posts';
import type { Page, Post } from '../../typings/entities';
import type {
  CardResponse,
  QualificationsResponse,
  QueuedQualification,
  VerifyCardResponse,
} from '../../typings/api/volunteers';
import { HQ, call, fails, ok } from './helpers';
import { NOW } from './posts-fixture';
import { DAY, PNG, qualsWorld, type QualsWorld } from './qualifications-world';

let w: QualsWorld;

beforeAll(async () => {
  w = await qualsWorld();
});
afterAll(() => w.cloud.stop());

const review = (openid: string, volunteerId: string, qualificationId: string, approve = true, reason?: string) =>
  call<{ status: string }>(
    w.cloud,
    'volunteers',
    'reviewQualification',
    { volunteerId, qualificationId, approve, ...(reason ? { reason } : {}) },
    openid,
  );
const mine = (openid: string) => ok<QualificationsResponse>(w.cloud, 'volunteers', 'qualifications', {}, openid);
const card = (openid: string) => ok<CardResponse>(w.cloud, 'volunteers', 'card', {}, openid);
const queue = (openid: string, scope: object) =>
  ok<Page<QueuedQualification>>(w.cloud, 'volunteers', 'qualificationQueue', scope, openid);

describe('the way through', () => {
  let post: Post;

  it('upload → add → queue → verify → on the card → a post requiring it refuses others and accepts the holder', async () => {
    const { qualificationId, fileId, status } = await w.submit('nurse', { expiresAt: NOW + 400 * DAY });
    expect(status).toBe('pending');
    await w.settle();
    const [listed] = (await mine('nurse')).items;
    expect(listed).toMatchObject({ qualificationId, type: '执业护士', title: '护士执业证书', status: 'pending' });
    expect(listed.photoUrl).toMatch(/^http/);
    const photo = await fetch(listed.photoUrl as string);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(PNG);

    const page = await queue('leader', { brigadeId: w.brigade.brigadeId });
    expect(page.total).toBe(1);
    expect(page.items.map((q) => [q.name, q.type, q.town])).toEqual([['林护士', '执业护士', '石岐区']]);
    expect(page.items[0].photoUrl).toMatch(/^http/);
    expect(await card('nurse')).toMatchObject({ qualifications: [] });

    expect((await review('leader', w.people.nurse.volunteerId, qualificationId)).body).toEqual({
      ok: true,
      data: { status: 'verified' },
    });
    expect((await queue('leader', { brigadeId: w.brigade.brigadeId })).items).toEqual([]);
    expect((await card('nurse')).qualifications).toEqual(['执业护士']);
    const token = (await card('nurse')).token;
    const verified = await ok<VerifyCardResponse>(w.cloud, 'volunteers', 'verifyCard', { token }, 'plain');
    expect(verified.qualifications).toEqual(['执业护士']);
    expect(JSON.stringify(verified)).not.toContain(fileId);
    expect((await mine('nurse')).items[0]).toMatchObject({ status: 'verified', reviewedBy: '周队长' });

    post = await w.post({ title: '社区义诊护理', requiredQualifications: ['执业医师', '执业护士'] });
    expect(post.requiredQualifications).toEqual(['执业医师', '执业护士']);
    const got = await ok<Post>(w.cloud, 'posts', 'get', { postId: post.postId }, 'plain');
    expect(got.requiredQualifications).toEqual(['执业医师', '执业护士']);
    const refused = await call<SignupResponse>(w.cloud, 'posts', 'signup', { postId: post.postId }, 'plain');
    expect(refused.body).toMatchObject({
      ok: false,
      code: 'FAILED_PRECONDITION',
      message: '该服务需要具备以下资格之一：执业医师 / 执业护士，请先在「我的资格证书」上传并通过审核',
    });
    expect(refused.metrics.docsWritten).toBe(0);
    expect(await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, 'nurse')).toEqual({ status: 'confirmed' });
  });

  it('the leader may change what a post requires', async () => {
    const updated = await ok<Post>(
      w.cloud,
      'posts',
      'update',
      { postId: post.postId, requiredQualifications: [] },
      'leader',
    );
    expect(updated.requiredQualifications).toEqual([]);
    expect(await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, 'plain')).toEqual({ status: 'confirmed' });
  });
});

describe('who may review', () => {
  it('a leader of another brigade and the coordinator of another town are refused; the own town coordinator and hq may', async () => {
    const a = await w.submit('plain', { type: '急救员', title: '红十字救护员证' });
    const b = await w.submit('plain', { type: '美发师', title: '美发师职业资格' });
    await w.settle();
    const vid = w.people.plain.volunteerId;
    for (const openid of ['otherLeader', 'otherCoord', 'nurse']) {
      expect((await review(openid, vid, a.qualificationId)).body).toMatchObject({
        ok: false,
        code: 'PERMISSION_DENIED',
        message: '仅该义工所在大队的负责人、所在镇区的社工或总队可以审核',
      });
    }
    expect(
      (await fails(w.cloud, 'volunteers', 'qualificationQueue', { brigadeId: w.brigade.brigadeId }, 'otherLeader'))
        .code,
    ).toBe('PERMISSION_DENIED');
    expect((await fails(w.cloud, 'volunteers', 'qualificationQueue', { town: '石岐区' }, 'otherCoord')).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await queue('otherCoord', { town: '东区' })).items).toEqual([]);
    expect((await queue('coord', { town: '石岐区' })).items.map((q) => q.type)).toEqual(['急救员', '美发师']);
    expect((await review('coord', vid, a.qualificationId)).body).toMatchObject({ ok: true });
    expect((await review(HQ, vid, b.qualificationId, false, '照片模糊，请重新拍摄')).body).toMatchObject({
      ok: true,
      data: { status: 'rejected' },
    });
    const items = (await mine('plain')).items;
    expect(items.find((q) => q.qualificationId === b.qualificationId)).toMatchObject({
      status: 'rejected',
      reason: '照片模糊，请重新拍摄',
      reviewedBy: '总队',
    });
  });

  it('the owner may not review their own, even as leader; a rejection needs a reason', async () => {
    const own = await w.submit('leader', { type: '社会工作者', title: '助理社会工作师' });
    await w.settle();
    expect((await review('leader', w.people.leader.volunteerId, own.qualificationId)).body).toMatchObject({
      ok: false,
      code: 'PERMISSION_DENIED',
      message: '不能审核自己的资格证书',
    });
    const noReason = await review('coord', w.people.leader.volunteerId, own.qualificationId, false);
    expect(noReason.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '请填写驳回原因' });
    expect(noReason.metrics.docsWritten).toBe(0);
    expect((await mine('leader')).items[0].status).toBe('pending');
  });

  it('of two reviewers at once, exactly one wins', async () => {
    const q = await w.submit('plain', { type: '教师资格', title: '小学教师资格证' });
    await w.settle();
    const vid = w.people.plain.volunteerId;
    const replies = await Promise.all([
      review('leader', vid, q.qualificationId, true),
      review('coord', vid, q.qualificationId, false, '证书信息不清晰'),
      review(HQ, vid, q.qualificationId, true),
    ]);
    const won = replies.filter((r) => r.body.ok);
    expect(won).toHaveLength(1);
    for (const r of replies.filter((x) => !x.body.ok)) {
      expect(r.body).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    }
    const [doc] = await w.docs<{ status: string }>('qualifications', { _id: q.qualificationId });
    expect(doc.status).toBe(won[0] === replies[1] ? 'rejected' : 'verified');
  });
});

describe('expiry', () => {
  it('stops counting at its date on the card and at sign-up, before any timer; the daily timer then marks it expired', async () => {
    await w.register('medic', { name: '罗医生' });
    const q = await w.submit('medic', { type: '执业医师', title: '医师执业证书', expiresAt: NOW + 3 * DAY });
    await w.settle();
    expect((await review(HQ, w.people.medic.volunteerId, q.qualificationId)).body.ok).toBe(true);
    expect((await card('medic')).qualifications).toEqual(['执业医师']);
    const later = await w.post({
      title: '周末义诊',
      requiredQualifications: ['执业医师'],
      startAt: NOW + 5 * DAY,
      endAt: NOW + 5 * DAY + 2 * 3_600_000,
    });

    await w.at(NOW + 3 * DAY + 1000);
    expect((await card('medic')).qualifications).toEqual([]);
    expect((await fails(w.cloud, 'posts', 'signup', { postId: later.postId }, 'medic')).message).toBe(
      '该服务需要具备以下资格之一：执业医师，请先在「我的资格证书」上传并通过审核',
    );
    expect((await mine('medic')).items[0].status).toBe('verified');
    await w.cloud.fireTrigger('volunteers');
    expect((await mine('medic')).items[0].status).toBe('expired');
    const [medic] = await w.docs<{ qualifications: unknown[] }>('volunteers', { _id: w.people.medic.volunteerId });
    expect(medic.qualifications).toEqual([]);
  });
});

describe('bad input writes nothing', () => {
  it('a text file named .jpg, or a photo over 5 MB, is refused in Chinese and deleted from storage', async () => {
    await w.register('faker', { name: '假证人' });
    const before = (await w.docs('qualifications')).length;
    const text = await w.upload('faker', 'fake.jpg', Buffer.from('this is not an image at all'));
    const err = await fails(w.cloud, 'volunteers', 'addQualification', { type: '律师', fileId: text }, 'faker');
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请上传 JPG 或 PNG 格式的图片' });
    expect(w.cloud.storage.metaOf(text)).toBeUndefined();

    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024, 7)]);
    const huge = await w.upload('faker', 'huge.png', big);
    const tooBig = await fails(w.cloud, 'volunteers', 'addQualification', { type: '律师', fileId: huge }, 'faker');
    expect(tooBig).toMatchObject({ code: 'INVALID_ARGUMENT', message: '图片不能超过 5 MB' });
    expect(w.cloud.storage.metaOf(huge)).toBeUndefined();
    expect((await w.docs('qualifications')).length).toBe(before);
    expect((await mine('faker')).items).toEqual([]);
  });

  it('a photo under someone else’s folder, a future issue date, an unknown type or no photo is refused', async () => {
    const others = await w.upload('nurse', 'nurse-own.png');
    const err = await fails(w.cloud, 'volunteers', 'addQualification', { type: '律师', fileId: others }, 'faker');
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(w.cloud.storage.metaOf(others)).toBeDefined(); // someone else's photo is never deleted
    const mine2 = await w.upload('faker', 'ok.png');
    const future = await call(
      w.cloud,
      'volunteers',
      'addQualification',
      { type: '律师', fileId: mine2, issuedAt: NOW + 10 * DAY },
      'faker',
    );
    expect(future.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '发证日期不能晚于今天' });
    expect(future.metrics.docsWritten).toBe(0);
    expect(w.cloud.storage.metaOf(mine2)).toBeUndefined(); // a refused submission keeps nothing
    const unknown = await fails(w.cloud, 'volunteers', 'addQualification', { type: '驾驶证', fileId: mine2 }, 'faker');
    expect(unknown.message).toBe('请选择有效的资格类型');
    const noPhoto = await fails(w.cloud, 'volunteers', 'addQualification', { type: '律师' }, 'faker');
    expect(noPhoto).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请上传证书照片' });
  });

  it('the same photo twice gives back the first submission', async () => {
    const fileId = await w.upload('faker', 'twice.png');
    const first = await w.submit('faker', { fileId });
    const again = await w.submit('faker', { fileId });
    expect(again.qualificationId).toBe(first.qualificationId);
    expect((await mine('faker')).items).toHaveLength(1);
  });
});

describe('the media check', () => {
  it('a risky certificate photo rejects its qualification with a reason and is deleted; nobody can verify it', async () => {
    const bytes = Buffer.concat([PNG, Buffer.from('risky')]);
    w.cloud.mediaChecks.setControls({ risky: [createHash('sha256').update(bytes).digest('hex')] });
    const fileId = await w.upload('plain', 'risky.png', bytes);
    const q = await w.submit('plain', { type: '律师', fileId });
    await w.settle();
    w.cloud.mediaChecks.setControls({ clear: true });
    const item = (await mine('plain')).items.find((i) => i.qualificationId === q.qualificationId);
    expect(item).toMatchObject({ status: 'rejected', reason: '证书图片未通过内容安全检测', media: 'risky' });
    expect(item?.photoUrl).toBeUndefined();
    expect(w.cloud.storage.metaOf(fileId)).toBeUndefined();
    expect((await review(HQ, w.people.plain.volunteerId, q.qualificationId)).body).toMatchObject({
      ok: false,
      code: 'FAILED_PRECONDITION',
    });
  });
});

describe('the request budget', () => {
  it('adding and reviewing make a small fixed number of database requests', async () => {
    const fileId = await w.upload('nurse', 'budget.png');
    const added = await call<{ qualificationId: string }>(
      w.cloud,
      'volunteers',
      'addQualification',
      { type: '急救员', fileId },
      'nurse',
    );
    expect(added.metrics.requests).toBeLessThanOrEqual(6);
    await w.settle();
    const reviewed = await review(
      'leader',
      w.people.nurse.volunteerId,
      (added.body as { data: { qualificationId: string } }).data.qualificationId,
    );
    expect(reviewed.body.ok).toBe(true);
    expect(reviewed.metrics.requests).toBeLessThanOrEqual(6);
  });
});

describe('privacy', () => {
  it('no role that may not see a certificate gets its fileID or a URL of it', async () => {
    const q = await w.submit('nurse', { type: '心理咨询师', title: '心理咨询师证书' });
    await w.settle();
    const [own] = (await mine('nurse')).items.filter((i) => i.qualificationId === q.qualificationId);
    const url = (own.photoUrl as string).split('?')[0];
    const path = q.fileId.slice(q.fileId.indexOf('/', 'cloud://'.length) + 1);
    const vid = w.people.nurse.volunteerId;
    const token = (await card('nurse')).token;
    const replies = [];
    for (const openid of ['plain', 'otherLeader', 'otherCoord', 'visitor-x']) {
      replies.push(await call(w.cloud, 'volunteers', 'qualifications', { volunteerId: vid }, openid));
      replies.push(await call(w.cloud, 'volunteers', 'verifyCard', { token }, openid));
      replies.push(await call(w.cloud, 'volunteers', 'qualificationQueue', { brigadeId: w.brigade.brigadeId }, openid));
      replies.push(await call(w.cloud, 'volunteers', 'qualificationQueue', { town: '石岐区' }, openid));
      replies.push(await call(w.cloud, 'volunteers', 'qualificationQueue', {}, openid));
      replies.push(await call(w.cloud, 'brigades', 'members', { brigadeId: w.brigade.brigadeId }, openid));
      replies.push(await call(w.cloud, 'volunteers', 'me', {}, openid));
    }
    for (const r of replies) {
      const text = JSON.stringify(r.body);
      expect(text).not.toContain(q.fileId);
      expect(text).not.toContain(path);
      expect(text).not.toContain(url);
    }
    for (const openid of ['plain', 'otherLeader', 'otherCoord']) {
      expect((await fails(w.cloud, 'volunteers', 'qualifications', { volunteerId: vid }, openid)).code).toBe(
        'PERMISSION_DENIED',
      );
    }
    // Those who may review see it.
    const seen = await ok<QualificationsResponse>(
      w.cloud,
      'volunteers',
      'qualifications',
      { volunteerId: vid },
      'coord',
    );
    expect(seen.items.find((i) => i.qualificationId === q.qualificationId)?.photoUrl).toMatch(/^http/);
  });

  it('exportMine includes the qualifications; deleteMine erases them and their photos', async () => {
    await w.register('leaving', { name: '离开者' });
    const q = await w.submit('leaving', { type: '电工证', title: '低压电工作业证' });
    const exported = await ok<{ qualifications: { qualificationId: string }[] }>(
      w.cloud,
      'volunteers',
      'exportMine',
      {},
      'leaving',
    );
    expect(exported.qualifications.map((x) => x.qualificationId)).toEqual([q.qualificationId]);
    await ok(w.cloud, 'volunteers', 'deleteMine', {}, 'leaving');
    expect(await w.docs('qualifications', { _id: q.qualificationId })).toEqual([]);
    expect(w.cloud.storage.metaOf(q.fileId)).toBeUndefined();
  });
});
