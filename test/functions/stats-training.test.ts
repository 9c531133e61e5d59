// The training figures (培训与资格): trainings held and training minutes (never in the service figures), trained and
// qualified volunteers as shares of a town's volunteers and a brigade's active members, the CSV, and the nightly
// recount repairing them (membership changes and qualifications included).
import type { BrigadeStatsResponse, ExportResponse, OverviewResponse } from '../../typings/api/stats';
import type { CreatePostRequest } from '../../typings/api/posts';
import type { Post } from '../../typings/entities';
import { HQ, fails, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;
let training: Post;
const id = (openid: string) => w.people[openid].volunteerId;
const overview = (params: object = {}) => ok<OverviewResponse>(w.cloud, 'stats', 'overview', params, HQ);
const brigadeFigures = () =>
  ok<BrigadeStatsResponse>(w.cloud, 'stats', 'brigade', { brigadeId: w.brigade.brigadeId }, 'leader');
const TRAINING: Partial<CreatePostRequest> = {
  kind: 'training',
  category: '培训',
  title: '急救技能培训',
  topic: '心肺复苏与AED',
  trainer: '李医生',
};

const record = (postId: string, entries: object[]) => ok(w.cloud, 'timebank', 'record', { postId, entries }, 'leader');

async function patchVolunteer(openid: string, data: object) {
  await w.cloud.db.handle('database.modifyDocument', {
    collectionName: 'volunteers',
    queryType: 'WHERE',
    query: JSON.stringify({ _id: id(openid) }),
    data: JSON.stringify({ $set: data }),
  });
}

beforeAll(async () => {
  w = await timebankWorld();
  for (const p of ['s1', 's2', 's3', 's4']) await w.register(p, { name: `义工${p}`, town: '石岐区' });
  for (const p of ['e1', 'e2']) await w.register(p, { name: `义工${p}`, town: '东区' });
  const { code } = await ok<{ code: string }>(
    w.cloud,
    'brigades',
    'invite',
    { brigadeId: w.brigade.brigadeId },
    'leader',
  );
  for (const p of ['s1', 's2', 's3']) await ok(w.cloud, 'brigades', 'join', { code }, p);
  // Everyone checked in and out: 60 minutes each. s4 attends without being a member; e1 is absent.
  training = await w.served(['s1', 's2', 's4', 'e1'], { post: TRAINING });
  await record(training.postId, [
    { volunteerId: id('s1'), rating: 5 },
    { volunteerId: id('s2'), rating: 5 },
    { volunteerId: id('s4'), rating: 4 },
    { volunteerId: id('e1'), absent: true },
  ]);
}, 60_000);
afterAll(() => w.cloud.stop());

describe('the training figures', () => {
  it('count trainings, their minutes and trained volunteers, never as service', async () => {
    const o = await overview();
    expect(o).toMatchObject({ sessions: 0, minutes: 0, noShows: 0 });
    expect(o.training).toMatchObject({
      volunteers: 7,
      trainedVolunteers: 3,
      qualifiedVolunteers: 0,
      trainings: 1,
      trainingMinutes: 180,
    });
    expect(o.training.trainedShare).toBeCloseTo(3 / 7, 10);
    expect(o.training.byTown).toEqual([
      expect.objectContaining({ town: '石岐区', volunteers: 5, trainedVolunteers: 3, trainings: 1, trainedShare: 0.6 }),
      expect.objectContaining({ town: '东区', volunteers: 2, trainedVolunteers: 0, trainings: 0, trainedShare: 0 }),
    ]);
    // A brigade: the trainings it ran; trained among its active members (the leader and s1–s3; s4 trained but is
    // no member).
    const b = await brigadeFigures();
    expect(b).toMatchObject({ sessions: 0, minutes: 0 });
    expect(b.training).toEqual({
      volunteers: 4,
      trainedVolunteers: 2,
      qualifiedVolunteers: 0,
      trainedShare: 0.5,
      qualifiedShare: 0,
      trainings: 1,
      trainingMinutes: 180,
    });
  });

  it('move with service, adjustments and trainings nobody attended as each should', async () => {
    const service = await w.served(['s1']);
    await record(service.postId, [{ volunteerId: id('s1'), rating: 5 }]);
    await ok(
      w.cloud,
      'timebank',
      'adjust',
      {
        postId: training.postId,
        volunteerId: id('e1'),
        minutes: 30,
        rating: 4,
        reason: '签到表补录',
        requestId: 'stats-train-e1',
      },
      'leader',
    );
    const empty = await w.served(['s3'], { post: { ...TRAINING, topic: '防溺水' } });
    await record(empty.postId, [{ volunteerId: id('s3'), absent: true }]);
    const o = await overview();
    expect(o).toMatchObject({ sessions: 1, minutes: 60 });
    expect(o.training).toMatchObject({ trainings: 1, trainingMinutes: 210, trainedVolunteers: 4 });
    expect(o.training.byTown.find((t) => t.town === '东区')).toMatchObject({ trainedVolunteers: 1, trainedShare: 0.5 });
    const east = await overview({ town: '东区' });
    expect(east.training).toMatchObject({ volunteers: 2, trainedVolunteers: 1, trainings: 0, trainingMinutes: 0 });
    expect(east.training.byTown).toEqual([expect.objectContaining({ town: '东区', trainedVolunteers: 1 })]);
    // A period without the trainings: none held, but the people trained are counted as they are now.
    const later = await overview({ from: Date.UTC(2027, 5, 1), to: Date.UTC(2027, 5, 30) });
    expect(later.training).toMatchObject({ trainings: 0, trainingMinutes: 0, volunteers: 7, trainedVolunteers: 4 });
  });

  it('are in the CSV, by town and by brigade', async () => {
    const { csv } = await ok<ExportResponse>(w.cloud, 'stats', 'export', {}, HQ);
    const lines = csv.split('\r\n');
    const at = lines.indexOf('培训与资格（按镇区）');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('名称,义工人数,受训义工,受训义工占比,持证义工,持证义工占比,培训场次,培训时长（小时）');
    expect(lines.slice(at + 2, at + 5)).toEqual([
      // Trainings and their hours count for the town of the brigade that ran them; people for their own town.
      '石岐区,5,3,60.0%,0,0.0%,1,3.5',
      '东区,2,1,50.0%,0,0.0%,0,0.0',
      '合计,7,4,57.1%,0,0.0%,1,3.5',
    ]);
    const byBrigade = lines.indexOf('培训与资格（按大队）');
    expect(lines[byBrigade + 2]).toBe(`${w.brigade.name},4,2,50.0%,0,0.0%,1,3.5`);
  });
});

describe('the nightly recount', () => {
  it('agrees with the writes, then catches up memberships and qualifications and repairs planted drift', async () => {
    const before = await overview();
    expect(await ok(w.cloud, 'stats', 'reconcile', {}, HQ)).toBeTruthy();
    expect(await overview()).toEqual(before);
    // s4 joins after training: the brigade counts them from the next recount.
    const { code } = await ok<{ code: string }>(
      w.cloud,
      'brigades',
      'invite',
      { brigadeId: w.brigade.brigadeId },
      'leader',
    );
    await ok(w.cloud, 'brigades', 'join', { code }, 's4');
    // The qualifications feature keeps verified ones on the volunteer: one valid, one expired.
    await patchVolunteer('s3', { qualifications: [{ type: '急救员' }] });
    await patchVolunteer('e2', { qualifications: [{ type: '执业护士', expiresAt: Date.UTC(2020, 0, 1) }] });
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'stats',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: 'training' }),
      data: JSON.stringify({ $set: { 'total.trained': 99, 'byTown.东区.trained': 0 } }),
    });
    const month = `month:${before.byMonth[0].month}`;
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'stats',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: month }),
      data: JSON.stringify({ $set: { 'total.trainingMinutes': 1, 'total.trainings': 9 } }),
    });
    expect((await overview()).training.trainedVolunteers).toBe(99);
    await ok(w.cloud, 'stats', 'reconcile', {}, HQ);
    const after = await overview();
    expect(after.training).toMatchObject({
      trainedVolunteers: 4,
      qualifiedVolunteers: 1,
      trainings: 1,
      trainingMinutes: 210,
    });
    expect(after.training.qualifiedShare).toBeCloseTo(1 / 7, 10);
    expect(after.training.byTown.find((t) => t.town === '东区')).toMatchObject({
      trainedVolunteers: 1,
      qualifiedVolunteers: 0,
    });
    expect((await brigadeFigures()).training).toMatchObject({
      volunteers: 5,
      trainedVolunteers: 3,
      qualifiedVolunteers: 1,
      qualifiedShare: 0.2,
    });
  });

  it('are for those who may see the figures', async () => {
    expect((await fails(w.cloud, 'stats', 'brigade', { brigadeId: w.brigade.brigadeId }, 's1')).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await fails(w.cloud, 'stats', 'overview', {}, 's1')).code).toBe('PERMISSION_DENIED');
  });
});
