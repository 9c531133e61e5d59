/**
 * The console in a real headless Chromium: enter the key, then every panel on a demo cloud — counts, the data
 * browser (filter, edit, delete), a call as an identity with its metrics and writes, the request log, a timer that
 * sends a message and the outbox showing it, the clock, storage, export and import. Needs /usr/bin/chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseEjson } from '../../local-cloud/db/codec';
import { seedDemo } from '../../local-cloud/seed';
import { registration } from '../functions/helpers';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

const NOW = Date.UTC(2026, 10, 28, 1); // 2026-11-28 09:00 in Zhongshan
const NEWCOMER = 'console-newcomer';

let cloud: TestCloud;
let browser: Browser;
let page: Page;
let refs: Record<string, string>;

function docs(collection: string, query: object = {}): Record<string, unknown>[] {
  const reply = cloud.db.handle('database.getDocument', {
    collectionName: collection,
    query: JSON.stringify(query),
    limit: 1000,
  }) as { list: string[] };
  return reply.list.map((t) => parseEjson(t) as Record<string, unknown>);
}

async function tab(name: string): Promise<void> {
  await page.click(`.nav a[data-tab="${name}"]`);
  await page.waitForSelector(`#${name}:not([hidden]) h2`);
}

beforeAll(async () => {
  cloud = await startTestCloud({ persistent: true, now: NOW, env: { PII_KEY: 'ab'.repeat(32) } });
  const seeded = await seedDemo(cloud);
  refs = seeded.refs;
  fs.writeFileSync(path.join(cloud.dataDir as string, 'seeded'), JSON.stringify({ identities: seeded.identities }));
  cloud.storage.files.put(
    'certs/console.png',
    fs.readFileSync(path.join(__dirname, '../fixtures/certificate.png')),
    NEWCOMER,
    NOW,
  );
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  page.on('pageerror', (e) => console.log('pageerror', e));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('asks for the key, refuses a wrong one, then shows the overview with the collections counted', async () => {
  await page.goto(cloud.url);
  await page.fill('#key', 'not-the-key');
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#login-error:has-text("密钥不正确")');
  await page.fill('#key', cloud.secret.key);
  await page.click('#login button[type=submit]');
  const posts = page.locator('#overview-collections tr[data-collection="posts"] td.num');
  await expect(posts.textContent()).resolves.toBe(String(docs('posts').length));
  expect(docs('posts').length).toBeGreaterThan(0);
  await expect(page.locator('#overview').textContent()).resolves.toContain('reminders');
});

test('the data browser filters, edits and deletes a document', async () => {
  await tab('data');
  await page.selectOption('#data-collection', 'posts');
  await page.waitForSelector('#data-table[data-collection="posts"]');
  const target = docs('posts', { _id: refs.post })[0];
  await page.fill('#data-filter', JSON.stringify({ status: target.status, title: target.title }));
  await page.click('#data-run');
  const expected = docs('posts', { status: target.status, title: target.title }).length;
  await page.waitForSelector(`#data-total:has-text("共 ${expected} 条")`);
  await expect(page.locator('#data-table tbody tr').count()).resolves.toBe(expected);

  await page.click(`#data-table tr[data-id="${refs.post}"] button`);
  // Room for the newcomer who signs up below, and a title to find in the message.
  const edited = { ...JSON.parse(await page.inputValue('#doc-editor')), title: '控制台改过的标题', quota: 50 };
  await page.fill('#doc-editor', JSON.stringify(edited, null, 2));
  await page.click('#doc-save');
  await page.waitForSelector('#toast:has-text("已保存")');
  expect(docs('posts', { _id: refs.post })[0]).toMatchObject({
    title: '控制台改过的标题',
    quota: 50,
    status: target.status,
  });
  // Dates survive the edit as dates.
  expect(docs('posts', { _id: refs.post })[0].startAt).toEqual(target.startAt);

  cloud.db.handle('database.insertDocument', {
    collectionName: 'posts',
    data: JSON.stringify({ _id: 'scratch', title: '草稿' }),
  });
  await page.fill('#data-filter', '{"_id":"scratch"}');
  await page.click('#data-run');
  await page.waitForSelector('#data-total:has-text("共 1 条")');
  await page.click('#data-table tr[data-id="scratch"] button');
  await page.check('#doc-delete-sure');
  await page.click('#doc-delete');
  await page.waitForSelector('#data-total:has-text("没有符合条件的文档")');
  expect(docs('posts', { _id: 'scratch' })).toHaveLength(0);
});

async function callAs(fn: string, action: string, event: object, openid: string): Promise<void> {
  await tab('functions');
  await page.selectOption('#call-fn', fn);
  await page.selectOption('#call-action', action);
  await page.fill('#call-event', JSON.stringify({ action, ...event }));
  await page.fill('#call-openid-custom', openid);
  await page.click('#call-run');
  await page.waitForSelector('#call-result .result-head');
}

test('calls volunteers.register and posts.signup as an identity, with the result, metrics and what it wrote', async () => {
  await tab('functions');
  // The demo identities are offered by name.
  await expect(page.locator('#call-openid').textContent()).resolves.toContain('未登记的访客');
  await callAs('volunteers', 'register', registration(), NEWCOMER);
  await expect(page.locator('#call-result .badge').textContent()).resolves.toBe('成功');
  await expect(page.locator('#call-metrics').textContent()).resolves.toMatch(/^请求 \d+ · 读 \d+ · 写 [1-9]\d*$/);

  const before = new Set(docs('signups', { postId: refs.post }).map((d) => d._id));
  await callAs('posts', 'signup', { postId: refs.post }, NEWCOMER);
  await expect(page.locator('#call-result .badge').textContent()).resolves.toBe('成功');
  await expect(page.locator('#call-result pre').textContent()).resolves.toContain('"confirmed"');
  const [signup] = docs('signups', { postId: refs.post }).filter((d) => !before.has(d._id));
  expect(signup).toBeDefined();
  await expect(page.locator('#call-result .writes').textContent()).resolves.toContain(String(signup._id));
});

test('the request log lists the call with caller, result and metrics, filterable, and shows what it wrote', async () => {
  await tab('requests');
  await page.selectOption('#log-fn', 'posts');
  await page.waitForSelector('#log-table[data-filter="fn=posts"]');
  const rows = page.locator('#log-table tbody tr');
  const first = await rows.first().textContent();
  expect(first).toContain('posts.signup');
  expect(first).toContain(NEWCOMER);
  expect(first).toContain('成功');
  expect(first).toMatch(/请求 \d+ · 读 \d+ · 写 [1-9]/);
  await expect(page.locator('#log-table').textContent()).resolves.not.toContain('volunteers.register');
  await rows.first().click();
  await expect(page.locator('#log-detail').textContent()).resolves.toContain('signups');
});

test('a timer fired from the console sends a reminder that the outbox shows as a phone would, linked from the log', async () => {
  await cloud.request(
    'reminders',
    { action: 'subscribe', postId: refs.post, templateId: 'local-reminder-template' },
    NEWCOMER,
  );
  const post = docs('posts', { _id: refs.post })[0];
  cloud.clock.set(Number(post.startAt) - 60 * 60_000);
  await tab('timers');
  await page.click('#timers tr[data-timer="reminders"] button');
  await page.waitForSelector('#timer-result .badge');
  await expect(page.locator('#timer-result .badge').textContent()).resolves.toBe('成功');

  await tab('requests');
  await page.selectOption('#log-fn', 'reminders');
  await page.waitForSelector('#log-table[data-filter="fn=reminders"]');
  await page.locator('#log-table tbody tr').first().click();
  await page.click('#log-detail .msg-link');
  const card = page.locator('#outbox article.phone.highlight');
  await card.waitFor();
  const text = await card.textContent();
  expect(text).toContain('活动开始提醒');
  expect(text).toContain('活动名称');
  expect(text).toContain('控制台改过的标题');
  expect(text).toContain(`pages/post/index?postId=${refs.post}`);
  expect(text).toContain(`发给 ${NEWCOMER}`);
  // And back from the message to the call that sent it.
  await card.locator('.sender-link').click();
  await page.waitForSelector('#log-detail h3');
  await expect(page.locator('#log-detail h3').textContent()).resolves.toContain('reminders');
  await expect(page.locator('#log-detail').textContent()).resolves.toMatch(/消息 #\d+/);
});

test('moves the clock', async () => {
  const before = cloud.clock.now();
  await tab('clock');
  await page.click('#clock-day');
  await page.waitForSelector('#toast:has-text("时钟已调到")');
  expect(cloud.clock.now() - before).toBeGreaterThanOrEqual(86_400_000);
  expect(cloud.clock.now() - before).toBeLessThan(86_400_000 + 60_000);
});

test('lists stored files and shows an image', async () => {
  await tab('storage');
  const row = page.locator('#storage-table tr[data-path="certs/console.png"]');
  await expect(row.textContent()).resolves.toContain('image/png');
  await row.locator('button').click();
  const img = page.locator('#storage-preview img');
  await img.waitFor();
  await expect(
    img.evaluate((el: HTMLImageElement) => el.decode().then(() => el.naturalWidth)),
  ).resolves.toBeGreaterThan(0);
});

test('export then import round-trips the database', async () => {
  await tab('backup');
  const download = page.waitForEvent('download');
  await page.click('#export-run');
  const file = await (await download).path();
  const before = docs('signups').length;
  cloud.db.handle('database.removeDocument', { collectionName: 'signups', query: '{}', multi: true });
  expect(docs('signups')).toHaveLength(0);
  await page.setInputFiles('#import-file', file);
  await page.check('#import-sure');
  await page.click('#import-run');
  await page.waitForSelector('#backup-status:has-text("已导入")');
  expect(docs('signups')).toHaveLength(before);
  expect(docs('posts', { _id: refs.post })[0]).toMatchObject({ title: '控制台改过的标题' });
});
