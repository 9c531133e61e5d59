// Pure outbox rules: reminder timing, what a send error means, backoff, template data within WeChat's limits.
import {
  MAX_ATTEMPTS,
  backoffMs,
  decideReminder,
  messageKey,
  noticeData,
  outcomeOf,
  promotedNote,
  reminderData,
  reminderDueAt,
  thing,
  timeValue,
} from '../../server/rules/outbox';

const START = Date.UTC(2026, 10, 29, 1, 0); // 2026-11-29 09:00 in Zhongshan
const MINUTE = 60_000;
const live = { signupStatus: 'confirmed', postStatus: 'published', startAt: START };

describe('decideReminder', () => {
  it('is due from the lead time until the start, not a moment before or after', () => {
    const due = reminderDueAt(START, 120);
    expect(due).toBe(START - 120 * MINUTE);
    expect(decideReminder(live, due - 1, 120)).toEqual({ reschedule: due });
    expect(decideReminder(live, due, 120)).toEqual({ send: true });
    expect(decideReminder(live, START - 1, 120)).toEqual({ send: true });
    expect(decideReminder(live, START, 120)).toEqual({ skip: 'started' });
  });

  it('skips withdrawn, waitlisted and cancelled sign-ups and cancelled or missing posts', () => {
    const now = START - 60 * MINUTE;
    expect(decideReminder({ ...live, signupStatus: 'withdrawn' }, now, 120)).toEqual({ skip: 'signup-withdrawn' });
    expect(decideReminder({ ...live, signupStatus: 'waitlisted' }, now, 120)).toEqual({ skip: 'signup-waitlisted' });
    expect(decideReminder({ ...live, signupStatus: undefined }, now, 120)).toEqual({ skip: 'signup-missing' });
    expect(decideReminder({ ...live, postStatus: 'cancelled' }, now, 120)).toEqual({ skip: 'post-cancelled' });
    expect(decideReminder({ signupStatus: 'confirmed' }, now, 120)).toEqual({ skip: 'post-missing' });
  });

  it('puts off a reminder whose post moved later', () => {
    const moved = { ...live, startAt: START + 24 * 60 * MINUTE };
    expect(decideReminder(moved, START - 120 * MINUTE, 120)).toEqual({ reschedule: moved.startAt - 120 * MINUTE });
  });
});

describe('outcomeOf', () => {
  const now = 1_000_000;
  it('sent on 0; 43101 is recorded and never retried; request errors fail at once', () => {
    expect(outcomeOf(0, 1, now)).toEqual({ status: 'sent' });
    expect(outcomeOf(43101, 1, now)).toEqual({ status: 'unsubscribed' });
    expect(outcomeOf(47003, 1, now)).toEqual({ status: 'failed' });
    expect(outcomeOf(40037, 1, now)).toEqual({ status: 'failed' });
  });

  it('retries transient errors with growing backoff a bounded number of times', () => {
    expect(outcomeOf(-1, 1, now)).toEqual({ status: 'pending', retryAt: now + MINUTE });
    expect(outcomeOf(45009, 2, now)).toEqual({ status: 'pending', retryAt: now + 2 * MINUTE });
    expect(outcomeOf(-1, MAX_ATTEMPTS, now)).toEqual({ status: 'failed' });
    expect(backoffMs(3)).toBe(4 * MINUTE);
    expect(backoffMs(20)).toBe(30 * MINUTE);
  });
});

describe('template data', () => {
  it('cuts thing values to 20 characters and never leaves them empty', () => {
    expect(thing('短标题')).toBe('短标题');
    const long = '一二三四五六七八九十一二三四五六七八九十一二';
    expect([...thing(long)]).toHaveLength(20);
    expect(thing(long).endsWith('…')).toBe(true);
    expect([...thing('一二三四五六七八九十一二三四五六七八九十')]).toHaveLength(20);
    expect(thing('  多个\n空白  ')).toBe('多个 空白');
    expect(thing('   ')).toBe('—');
  });

  it('shows the start in Asia/Shanghai', () => {
    expect(timeValue(START)).toBe('2026年11月29日 09:00');
    expect(timeValue(Date.UTC(2026, 11, 31, 16, 30))).toBe('2027年1月1日 00:30');
  });

  it('builds the reminder and notice with the template keys of the spec', () => {
    const data = reminderData({
      title: '探访',
      address: '石岐区悦来南路 1 号',
      brigadeName: '石岐博爱大队',
      startAt: START,
    });
    expect(Object.keys(data)).toEqual(['thing1', 'time2', 'thing3', 'thing4']);
    expect(noticeData('cancelled', '探访', '下雨')).toEqual({
      thing1: { value: '探访' },
      phrase2: { value: '已取消' },
      thing3: { value: '下雨' },
    });
    expect([...promotedNote(START)].length).toBeLessThanOrEqual(20);
  });

  it('keys one message per (sign-up or event, template)', () => {
    expect(messageKey('reminder', 'signup:p:v', 't')).toBe('reminder:signup:p:v|t');
    expect(messageKey('cancelled', 'signup:p:v', 't')).not.toBe(messageKey('promoted', 'signup:p:v', 't'));
  });
});
