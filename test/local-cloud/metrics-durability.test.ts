/** Metrics headers count each invocation's database work; data and outbox survive a restart. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, startTestCloud } from '../helpers/local-cloud';

test('x-db-* headers count the invocation’s requests and documents, including what it called', async () => {
  const cloud = await startTestCloud({ functionsDir: FIXTURES });
  try {
    const none = await cloud.request('whoami', {}, 'u');
    expect(none.metrics).toEqual({ requests: 0, docsRead: 0, docsWritten: 0 });
    const many = await cloud.request<{ read: number }>('notes', { action: 'many', n: 3 }, 'u');
    expect(many.body.read).toBe(3);
    expect(many.metrics).toEqual({ requests: 4, docsRead: 3, docsWritten: 3 });
    const nested = await cloud.request('caller', { target: 'notes', data: { action: 'many', n: 2 } }, 'u');
    expect(nested.metrics).toEqual({ requests: 3, docsRead: 5, docsWritten: 2 });
  } finally {
    await cloud.stop();
  }
});

test('a restarted local cloud on the same data folder keeps documents, outbox and PII key', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-restart-'));
  try {
    const first = await startTestCloud({ functionsDir: FIXTURES, dataDir });
    const added = await first.request<{ id: string }>('notes', { action: 'add', text: '留存' });
    await first.request('messenger', {
      api: 'send',
      payload: { touser: 'v', templateId: 't', data: { thing1: { value: '提醒' } } },
    });
    const key = first.settings.env.PII_KEY;
    await first.stop();

    const second = await startTestCloud({ functionsDir: FIXTURES, dataDir });
    try {
      const read = await second.request<{ text: string }>('notes', { action: 'get', id: added.body.id });
      expect(read.body.text).toBe('留存');
      expect(second.outbox.list()).toHaveLength(1);
      expect(second.settings.env.PII_KEY).toBe(key);
      expect(key).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
