/** The open API as functions call it through the unmodified SDK: subscribe messages, msgSecCheck, wxacode. */
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

type Reply = { errCode: number; errMsg: string } & Record<string, unknown>;

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURES });
});
afterAll(() => cloud.stop());
beforeEach(() => {
  cloud.outbox.clear();
  cloud.outbox.setFaults({ clear: true });
});

const send = (payload: unknown, openid = 'sender') =>
  cloud.request<Reply>('messenger', { api: 'send', payload }, openid).then((r) => r.body);

const reminder = (thing1: string) => ({
  touser: 'volunteer-1',
  templateId: 'tmpl-reminder',
  page: 'pages/post/index?id=p1',
  data: { thing1: { value: thing1 }, time2: { value: '2026-05-01 09:00' }, phrase3: { value: '已通过' } },
});

test('subscribeMessage.send is recorded in the outbox with the decoded request', async () => {
  expect((await send(reminder('周六敬老院探访'))).errCode).toBe(0);
  const res = await fetch(`${cloud.url}/v1/outbox`);
  const outbox = (await res.json()) as {
    apiName: string;
    touser: string;
    openid: string;
    data: Record<string, unknown>;
  }[];
  expect(outbox).toHaveLength(1);
  expect(outbox[0]).toMatchObject({ apiName: 'subscribeMessage.send', touser: 'volunteer-1', openid: 'sender' });
  expect(outbox[0].data).toMatchObject({ template_id: 'tmpl-reminder', data: { thing1: { value: '周六敬老院探访' } } });
});

test('a thing longer than 20 characters is refused with 47003 and not sent', async () => {
  const r = await send(reminder('一二三四五六七八九十一二三四五六七八九十一'));
  expect(r.errCode).toBe(47003);
  expect(r.errMsg).toContain('thing1');
  expect(cloud.outbox.list()).toHaveLength(0);
  expect((await send({ ...reminder('ok'), templateId: '' })).errCode).toBe(40037);
  expect((await send({ ...reminder('ok'), data: { phrase1: { value: '太长的短语了' } } })).errCode).toBe(47003);
});

test('test controls: 43101 for an unsubscribed user, a transient -1 for the next send', async () => {
  await fetch(`${cloud.url}/v1/outbox/faults`, {
    method: 'POST',
    body: JSON.stringify({ unsubscribed: ['volunteer-1'], failNext: [{ errcode: -1, errmsg: 'system busy' }] }),
  });
  expect((await send(reminder('a'))).errCode).toBe(-1);
  expect((await send(reminder('a'))).errCode).toBe(43101);
  expect((await send({ ...reminder('a'), touser: 'volunteer-2' })).errCode).toBe(0);
  expect(cloud.outbox.list().map((e) => e.touser)).toEqual(['volunteer-2']);
});

test('msgSecCheck v2 gives risky for a listed word and pass otherwise; the list is configurable', async () => {
  const check = (content: string) =>
    cloud
      .request<Reply & { result: { suggest: string; label: number } }>('messenger', {
        api: 'check',
        payload: { openid: 'u', scene: 2, version: 2, content },
      })
      .then((r) => r.body);
  expect((await check('周末一起去做义工')).result).toEqual({ suggest: 'pass', label: 100 });
  expect((await check('来赌博吧')).result).toEqual({ suggest: 'risky', label: 20006 });
  cloud.setSecWords(['义工']);
  expect((await check('周末一起去做义工')).result.suggest).toBe('risky');
  cloud.setSecWords(['不会出现']);
  expect((await check('来赌博吧')).result.suggest).toBe('pass');
});

test('wxacode.getUnlimited returns a PNG', async () => {
  const r = await cloud.request<{ contentType: string; base64: string }>('messenger', {
    api: 'code',
    payload: { scene: 'b=12', page: 'pages/brigade/index' },
  });
  expect(r.body).toMatchObject({ contentType: 'image/png' });
  const png = Buffer.from(r.body.base64, 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.length).toBeGreaterThan(500);
});

test('an API missing from config.json permissions is refused, as in the cloud', async () => {
  const r = await cloud.request<Reply>('messenger', { api: 'template' });
  expect(r.body.errCode).toBe(-604101);
});
