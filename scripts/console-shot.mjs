#!/usr/bin/env node
/* global fetch, window */
// node scripts/console-shot.mjs: docs/images/console.png — the console's request log on a demo cloud, showing what
// a newcomer's sign-up wrote. Repeatable cloud (stopped clock, seeded ids) and a fixed browser, so runs match
// closely (durations in ms may differ). Needs /usr/bin/chromium (.ci/apt-packages.txt).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'images', 'console.png');
const NOW = Date.UTC(2026, 10, 28, 1); // 2026-11-28 09:00 in Zhongshan
const NEWCOMER = 'demo-newcomer';

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'functions', 'local-cloud'], {
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const require = createRequire(import.meta.url);
const { startLocalCloud } = require(join(root, '.build', 'local-cloud', 'index.js'));
const { seedDemo } = require(join(root, '.build', 'local-cloud', 'seed.js'));
const privacyVersion = /PRIVACY_NOTICE_VERSION = '([^']+)'/.exec(
  readFileSync(join(root, 'typings', 'data.ts'), 'utf8'),
)[1];

const dataDir = mkdtempSync(join(tmpdir(), 'console-shot-'));
const cloud = await startLocalCloud({
  port: 0,
  dataDir,
  timers: false,
  now: NOW,
  repeatable: { seed: 'console-shot' },
  log: () => undefined,
  functionOutput: 'silent',
  env: { PII_KEY: 'cd'.repeat(32) },
});
let browser;
try {
  const { identities, refs } = await seedDemo(cloud);
  writeFileSync(join(dataDir, 'seeded'), JSON.stringify({ identities }));

  const api = async (path, body, method = body === undefined ? 'GET' : 'POST') => {
    const res = await fetch(`${cloud.url}/v1/console${path}`, {
      method,
      headers: { 'x-local-key': cloud.secret.key, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const call = (fn, event, openid = NEWCOMER) => api('/call', { function: fn, event, openid });

  // A newcomer registers, signs up for the demo post (given room), asks for its reminder, and the reminder goes out.
  const post = (await api(`/docs/posts?filter=${encodeURIComponent(JSON.stringify({ _id: refs.post }))}`)).list[0];
  await api(`/docs/posts/${refs.post}`, { ...post, quota: post.quota + 5 }, 'PUT');
  await call('volunteers', {
    action: 'register',
    name: '陈小明',
    mobile: '13800138000',
    town: '石岐区',
    community: '悦来社区',
    specialties: ['医疗'],
    intentions: ['义诊'],
    serviceAreas: ['石岐区'],
    availability: [{ weekday: 6, slot: 'morning' }],
    birthYear: 1990,
    privacyConsentVersion: privacyVersion,
  });
  const signup = await call('posts', { action: 'signup', postId: refs.post });
  if (signup.code !== 'ok') throw new Error(`signup: ${JSON.stringify(signup.result)}`);
  await call('reminders', { action: 'subscribe', postId: refs.post, templateId: 'local-reminder-template' });
  const startAt = typeof post.startAt === 'number' ? post.startAt : Date.parse(post.startAt.$date);
  cloud.clock.set(startAt - 60 * 60_000);
  await api('/timers/reminders/fire', {});

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
      '--font-render-hinting=none',
      '--hide-scrollbars',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await page.goto(`${cloud.url}/#key=${cloud.secret.key}`);
  await page.click('.nav a[data-tab="requests"]');
  await page.waitForSelector('#log-table');
  await page.selectOption('#log-openid', NEWCOMER);
  await page.waitForSelector(`#log-table[data-filter="openid=${NEWCOMER}"]`);
  await page.click('#log-table tbody tr:has-text("posts.signup")');
  await page.waitForSelector('#log-detail h3');
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser?.close();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
