// Names others will see are normalised, refused with hidden or control characters, and pass content safety.
import type { Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { call, ok, registration } from './helpers';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.stop());

const HIDDEN: [string, string][] = [
  ['a zero-width space', '陈\u200b小明'],
  ['a zero-width joiner', '陈\u200d小明'],
  ['a right-to-left override', '陈\u202e明小'],
  ['a bidi isolate', '\u2067陈小明\u2069'],
  ['a control character', '陈\u0007小明'],
  ['a line break inside', '陈\n小明'],
];

describe('volunteer names', () => {
  it.each(HIDDEN)('refuses %s on register and writes nothing', async (_what, name) => {
    const reply = await call(cloud, 'volunteers', 'register', registration({ name }), `name-reg-${name.length}`);
    expect(reply.body).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      fields: { name: '姓名含有不可见或控制字符，请重新输入' },
    });
    expect(reply.metrics.docsWritten).toBe(0);
  });

  it.each(HIDDEN)('refuses %s in a guardian name and on update', async (_what, name) => {
    await ok(cloud, 'volunteers', 'register', registration(), 'name-upd');
    const guardian = { name, mobile: '13900139000', consent: true };
    const minor = await call(cloud, 'volunteers', 'register', registration({ birthYear: 2012, guardian }), 'name-g');
    expect(minor.body).toMatchObject({
      ok: false,
      fields: { 'guardian.name': '监护人姓名含有不可见或控制字符，请重新输入' },
    });
    const reply = await call(cloud, 'volunteers', 'update', { name }, 'name-upd');
    expect(reply.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(reply.metrics.docsWritten).toBe(0);
  });

  it('stores names normalised: full-width letters folded, inner spaces collapsed, ends trimmed', async () => {
    const profile = await ok<Profile>(
      cloud,
      'volunteers',
      'register',
      registration({ name: '\u3000Ａｌｉｃｅ \u3000  王 ' }),
      'name-norm',
    );
    expect(profile.name).toBe('Alice 王');
    const updated = await ok<Profile>(cloud, 'volunteers', 'update', { name: ' 李\u3000\u3000四 ' }, 'name-norm');
    expect(updated.name).toBe('李 四');
  });

  it('refuses a risky name through content safety on register and update', async () => {
    const reply = await call(cloud, 'volunteers', 'register', registration({ name: '赌博王' }), 'name-risky');
    expect(reply.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', fields: { name: expect.any(String) } });
    expect(reply.metrics.docsWritten).toBe(0);
    await ok(cloud, 'volunteers', 'register', registration(), 'name-risky');
    const update = await call(cloud, 'volunteers', 'update', { name: '傻逼' }, 'name-risky');
    expect(update.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', fields: { name: expect.any(String) } });
    expect(update.metrics.docsWritten).toBe(0);
  });
});
