import type { CardResponse, MeResponse, VerifyCardResponse } from '../../typings/api/volunteers';
import type { Profile } from '../../typings/entities';
import { CARD_NO_PATTERN } from '../../typings/data';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { call, fails, ok, registration } from './helpers';

let cloud: TestCloud;
const NOW = Date.UTC(2026, 10, 28, 1, 0); // 2026-11-28 09:00 in Zhongshan

beforeAll(async () => {
  cloud = await startTestCloud({ now: NOW });
});
afterAll(() => cloud.stop());

describe('volunteers.me', () => {
  it('tells a visitor they are not registered, with the visitor role', async () => {
    const me = await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'visitor-1');
    expect(me).toEqual({ registered: false, roles: ['visitor'] });
  });

  it('refuses a call without a WeChat identity', async () => {
    const error = await fails(cloud, 'volunteers', 'me', {}, '');
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown action with INVALID_ARGUMENT in Chinese', async () => {
    const error = await fails(cloud, 'volunteers', 'fly', {}, 'visitor-1');
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '不支持的操作：fly' });
  });
});

describe('volunteers.register', () => {
  it('issues a card number, stores the mobile encrypted and shows it masked', async () => {
    const reply = await call<Profile>(cloud, 'volunteers', 'register', registration(), 'reg-1');
    expect(reply.body.ok).toBe(true);
    const profile = (reply.body as { data: Profile }).data;
    expect(profile.cardNo).toMatch(CARD_NO_PATTERN);
    expect(profile.cardNo.startsWith('ZSBA-2026-')).toBe(true);
    expect(profile.mobile).toBe('138****8000');
    const stored = (await cloud.db.handle('database.getDocument', {
      collectionName: 'volunteers',
      queryType: 'WHERE',
      query: JSON.stringify({ openid: 'reg-1' }),
      limit: 1,
    })) as { list: string[] };
    const raw = JSON.stringify(stored.list);
    expect(raw).not.toContain('13800138000');
    expect(raw).toContain('mobileEnc');
    // The transaction (start, counter read and update, insert, commit) and the month's statistics counter;
    // the first registration of a month also creates that month's counter document.
    expect(reply.metrics.requests).toBeLessThanOrEqual(7);
  });

  it('keeps the card on a repeated register', async () => {
    const first = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'reg-2');
    const again = await ok<Profile>(cloud, 'volunteers', 'register', registration({ name: '别的名字' }), 'reg-2');
    expect(again.cardNo).toBe(first.cardNo);
    expect(again.name).toBe('陈小明');
  });

  it('gives field-level Chinese messages and writes nothing on bad input', async () => {
    const reply = await call(cloud, 'volunteers', 'register', registration({ mobile: '1234', name: '' }), 'bad-1');
    expect(reply.body).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      fields: { mobile: '手机号格式不正确，请填写 11 位手机号', name: '请填写姓名' },
    });
    expect(reply.metrics.docsWritten).toBe(0);
    expect((await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'bad-1')).registered).toBe(false);
  });

  it('requires a guardian with consent under 18', async () => {
    const minor = registration({ birthYear: 2012 });
    const error = await fails(cloud, 'volunteers', 'register', minor, 'minor-1');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.fields).toHaveProperty(['guardian.name']);
    const noConsent = { ...minor, guardian: { name: '陈大明', mobile: '13900139000', consent: false } };
    expect((await fails(cloud, 'volunteers', 'register', noConsent, 'minor-1')).fields).toHaveProperty([
      'guardian.consent',
    ]);
    const withGuardian = { ...minor, guardian: { name: '陈大明', mobile: '13900139000', consent: true } };
    const profile = await ok<Profile>(cloud, 'volunteers', 'register', withGuardian, 'minor-1');
    expect(profile.guardian).toEqual({ name: '陈大明', mobile: '139****9000' });
  });

  it('refuses an outdated privacy notice version', async () => {
    const error = await fails(
      cloud,
      'volunteers',
      'register',
      registration({ privacyConsentVersion: '2020-01' }),
      'old-1',
    );
    expect(error.fields).toHaveProperty(['privacyConsentVersion']);
  });

  it('gives 50 people registering at once 50 distinct, gap-free card numbers', async () => {
    const before = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'burst-base');
    const base = Number(before.cardNo.slice(-6));
    const profiles = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ok<Profile>(
          cloud,
          'volunteers',
          'register',
          registration({ mobile: `139${String(i).padStart(8, '0')}` }),
          `burst-${i}`,
        ),
      ),
    );
    const numbers = profiles.map((p) => Number(p.cardNo.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => base + 1 + i));
  });
});

describe('the volunteer card', () => {
  it('verifies its own token and refuses an edited one', async () => {
    await ok(cloud, 'volunteers', 'register', registration({ name: '李四' }), 'card-1');
    const card = await ok<CardResponse>(cloud, 'volunteers', 'card', {}, 'card-1');
    expect(card).toMatchObject({ name: '李四', stars: 0, honours: [], brigades: [] });
    const seen = await ok<VerifyCardResponse>(cloud, 'volunteers', 'verifyCard', { token: card.token }, 'someone');
    expect(seen).toEqual({
      valid: true,
      cardNo: card.cardNo,
      name: '李四',
      stars: 0,
      honours: [],
      brigades: [],
      qualifications: [],
    });
    expect(JSON.stringify(seen)).not.toMatch(/138|mobile/);
    const [body, mac] = card.token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ v: 'x', n: card.cardNo })).toString('base64url')}.${mac}`;
    expect((await fails(cloud, 'volunteers', 'verifyCard', { token: forged }, 'someone')).code).toBe(
      'INVALID_ARGUMENT',
    );
    // The QR holds ids only: the volunteer id and the card number, signed; never a name or a mobile.
    expect(JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))).toEqual({
      v: expect.stringMatching(/^\S+$/),
      n: card.cardNo,
    });
  });

  it('is for registered volunteers only', async () => {
    expect((await fails(cloud, 'volunteers', 'card', {}, 'nobody')).code).toBe('UNAUTHENTICATED');
  });
});

describe('privacy rights', () => {
  it('exports everything with the full mobile, then deletes the profile so the openid can register afresh', async () => {
    const first = await ok<Profile>(cloud, 'volunteers', 'register', registration({ mobile: '13700137000' }), 'pipl-1');
    const exported = await ok<{ profile: Profile }>(cloud, 'volunteers', 'exportMine', {}, 'pipl-1');
    expect(exported.profile.mobile).toBe('13700137000');
    expect(await ok(cloud, 'volunteers', 'deleteMine', {}, 'pipl-1')).toEqual({ deleted: true });
    expect((await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'pipl-1')).registered).toBe(false);
    const again = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'pipl-1');
    expect(again.cardNo).not.toBe(first.cardNo);
  });
});

describe('volunteers.update', () => {
  it('changes the profile but never the card number, and re-masks a new mobile', async () => {
    const first = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'upd-1');
    const updated = await ok<Profile>(cloud, 'volunteers', 'update', { mobile: '13600136000', town: '东区' }, 'upd-1');
    expect(updated).toMatchObject({ cardNo: first.cardNo, mobile: '136****6000', town: '东区' });
    const me = await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'upd-1');
    expect(me.profile?.town).toBe('东区');
  });
});

describe('volunteers.update of a guardian', () => {
  const storedOf = async (openid: string) => {
    const res = (await cloud.db.handle('database.getDocument', {
      collectionName: 'volunteers',
      queryType: 'WHERE',
      query: JSON.stringify({ openid }),
      limit: 1,
    })) as { list: string[] };
    return res.list[0];
  };

  it('stores a new guardian mobile encrypted and shows it masked', async () => {
    const guardian = { name: '陈大明', mobile: '13900139000', consent: true };
    await ok(cloud, 'volunteers', 'register', registration({ birthYear: 2012, guardian }), 'upd-g');
    const updated = await ok<Profile>(
      cloud,
      'volunteers',
      'update',
      { guardian: { ...guardian, name: '陈大红', mobile: '13522224444' } },
      'upd-g',
    );
    expect(updated.guardian).toEqual({ name: '陈大红', mobile: '135****4444' });
    const exported = await ok<{ profile: Profile }>(cloud, 'volunteers', 'exportMine', {}, 'upd-g');
    expect(exported.profile.guardian?.mobile).toBe('13522224444');
    const stored = await storedOf('upd-g');
    expect(stored).not.toContain('13522224444');
    expect(stored).toContain('135****4444');
  });

  it('answers guardian: null in Chinese and changes nothing', async () => {
    await ok(cloud, 'volunteers', 'register', registration(), 'upd-null');
    const reply = await call(cloud, 'volunteers', 'update', { guardian: null }, 'upd-null');
    expect(reply.body).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: '监护人信息格式不正确',
      fields: { guardian: '监护人信息格式不正确' },
    });
    expect(reply.metrics.docsWritten).toBe(0);
  });
});
