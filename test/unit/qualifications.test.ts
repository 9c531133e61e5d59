import {
  checkDates,
  expiredTypes,
  heldCopy,
  heldTypes,
  lacksQualificationMessage,
  missingQualifications,
  reviewRefusal,
} from '../../server/rules/qualifications';
import { exclusion, type MatchCandidateFacts, type MatchService } from '../../server/rules/matching';

const NOW = Date.UTC(2026, 10, 28, 1, 0);
const DAY = 86_400_000;

describe('dates', () => {
  it('refuse an issue date in the future and an expiry not after the issue or already past', () => {
    expect(checkDates(NOW + DAY, undefined, NOW)).toEqual({ field: 'issuedAt', message: '发证日期不能晚于今天' });
    expect(checkDates(NOW - DAY, NOW - DAY, NOW)?.message).toBe('有效期至需晚于发证日期');
    expect(checkDates(NOW - 10 * DAY, NOW, NOW)?.message).toBe('该证书已过期，不能提交');
    expect(checkDates(NOW - 10 * DAY, NOW + 1, NOW)).toBeUndefined();
    expect(checkDates(undefined, undefined, NOW)).toBeUndefined();
  });
});

describe('what counts', () => {
  const held = [
    { type: '执业护士' as const, expiresAt: NOW + DAY },
    { type: '急救员' as const, expiresAt: NOW },
    { type: '社会工作者' as const },
  ];

  it('an expiry at or before now no longer counts, and is reported apart', () => {
    expect(heldTypes(held, NOW)).toEqual(['执业护士', '社会工作者']);
    expect(expiredTypes(held, NOW)).toEqual(['急救员']);
    expect(heldTypes(held, NOW + DAY)).toEqual(['社会工作者']);
  });

  it('a post needs any one of its qualifications, unexpired', () => {
    expect(missingQualifications(['执业医师', '执业护士'], held, NOW)).toEqual([]);
    expect(missingQualifications(['执业医师', '执业护士'], held, NOW + DAY)).toEqual(['执业医师', '执业护士']);
    expect(missingQualifications([], undefined, NOW)).toEqual([]);
    expect(lacksQualificationMessage(['执业医师', '执业护士'])).toBe(
      '该服务需要具备以下资格之一：执业医师 / 执业护士，请先在「我的资格证书」上传并通过审核',
    );
  });

  it('the copy keeps verified, unexpired ones only', () => {
    expect(
      heldCopy(
        [
          { type: '律师', status: 'verified', expiresAt: NOW + DAY },
          { type: '教师资格', status: 'pending' },
          { type: '电工证', status: 'verified', expiresAt: NOW - 1 },
          { type: '美发师', status: 'rejected' },
        ],
        NOW,
      ),
    ).toEqual([{ type: '律师', expiresAt: NOW + DAY }]);
  });
});

describe('who reviews', () => {
  const q = { volunteerId: 'v1', town: '石岐区' as const, brigadeIds: ['a'] };
  const nobody = { hq: false, towns: [], leads: [] };
  it('a leader of their brigade, the coordinator of their town or hq — never the owner', () => {
    expect(reviewRefusal({ ...nobody, callerId: 'l', leads: ['a'] }, q)).toBeUndefined();
    expect(reviewRefusal({ ...nobody, callerId: 'c', towns: ['石岐区'] }, q)).toBeUndefined();
    expect(reviewRefusal({ ...nobody, hq: true }, q)).toBeUndefined();
    expect(reviewRefusal({ ...nobody, callerId: 'l', leads: ['b'], towns: ['东区'] }, q)).toBe(
      '仅该义工所在大队的负责人、所在镇区的社工或总队可以审核',
    );
    expect(reviewRefusal({ callerId: 'v1', hq: true, towns: ['石岐区'], leads: ['a'] }, q)).toBe(
      '不能审核自己的资格证书',
    );
  });
});

describe('matching', () => {
  const service: MatchService = { specialties: [], qualifications: ['执业护士'], slot: 'morning', adultsOnly: false };
  const facts: MatchCandidateFacts = {
    volunteerId: 'v',
    specialties: [],
    qualifications: [],
    availability: [{ weekday: 1, slot: 'morning' }],
    town: '石岐区',
    load: 0,
    adult: true,
    visits: 0,
    serving: false,
    groupServing: false,
  };
  it('excludes an expired qualification as expired, a missing one as missing', () => {
    const place = { town: '石岐区' as const };
    expect(exclusion(service, place, { ...facts, expiredQualifications: ['执业护士'] })).toBe('资格已过期：执业护士');
    expect(exclusion(service, place, facts)).toBe('缺少资格：执业护士');
    expect(exclusion(service, place, { ...facts, qualifications: ['执业护士'] })).toBeUndefined();
  });
});
