// The pure rules of trainings: what a training must carry, what a record moves, and how people are counted.
import { isQualified, kindProblem, personCounts, trainingDelta } from '../../server/rules/training';

describe('kindProblem', () => {
  it('asks a training for the category 培训, a topic and a trainer, and keeps 培训 for trainings', () => {
    const training = { kind: 'training' as const, category: '培训', topic: '急救', trainer: '李医生' };
    expect(kindProblem(training)).toBeUndefined();
    expect(kindProblem({ ...training, category: '义诊' })?.field).toBe('category');
    expect(kindProblem({ ...training, topic: '' })?.message).toBe('请填写培训主题');
    expect(kindProblem({ ...training, trainer: undefined })?.message).toBe('请填写讲师');
    expect(kindProblem({ kind: 'service', category: '义诊' })).toBeUndefined();
    expect(kindProblem({ category: '义诊' })).toBeUndefined();
    expect(kindProblem({ category: '培训' })?.field).toBe('category');
    expect(kindProblem({ category: '义诊', topic: '急救' })?.field).toBe('topic');
    expect(kindProblem({ category: '义诊', trainer: '李医生' })?.field).toBe('trainer');
  });
});

describe('trainingDelta', () => {
  it('counts an attendance once and its minutes as they change', () => {
    expect(trainingDelta(undefined, { status: 'attended', minutes: 60 })).toEqual({ minutes: 60, attended: 1 });
    expect(trainingDelta(undefined, { status: 'absent', minutes: 0 })).toEqual({ minutes: 0, attended: 0 });
    const was = { status: 'attended', minutes: 60 };
    expect(trainingDelta(was, { status: 'attended', minutes: 45 })).toEqual({ minutes: -15, attended: 0 });
    expect(trainingDelta({ status: 'absent', minutes: 0 }, was)).toEqual({ minutes: 60, attended: 1 });
  });
});

describe('personCounts and isQualified', () => {
  it('counts each person for their town and each brigade once', () => {
    const counts = personCounts('trained', [
      { town: '石岐区', brigadeIds: ['b1', 'b2', 'b1'] },
      { town: '东区', brigadeIds: [] },
    ]);
    expect(counts).toEqual({
      'total.trained': 2,
      'byTown.石岐区.trained': 1,
      'byTown.东区.trained': 1,
      'byBrigade.b1.trained': 1,
      'byBrigade.b2.trained': 1,
    });
    expect(personCounts('qualified', [{ town: '东区', brigadeIds: ['b1'] }], -1)).toEqual({
      'total.qualified': -1,
      'byTown.东区.qualified': -1,
      'byBrigade.b1.qualified': -1,
    });
  });

  it('holds a qualification without expiry or expiring later', () => {
    expect(isQualified(undefined, 1000)).toBe(false);
    expect(isQualified([{ expiresAt: 999 }], 1000)).toBe(false);
    expect(isQualified([{ expiresAt: 999 }, {}], 1000)).toBe(true);
    expect(isQualified([{ expiresAt: 1001 }], 1000)).toBe(true);
  });
});
