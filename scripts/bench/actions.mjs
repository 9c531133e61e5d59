// Database requests per action and sign-up throughput under contention, measured on a real local cloud
// (the built functions, the local cloud's per-invocation metrics), against SPEC's budgets.
import { HQ, startBenchCloud } from './cloud.mjs';
import { table, verdict } from './table.mjs';

const HOUR = 3_600_000;

export async function benchActions(root) {
  const { cloud, call } = await startBenchCloud(root);
  const person = (i) => ({
    name: `义工${i}`,
    mobile: `136${String(i).padStart(8, '0')}`,
    town: '石岐区',
    specialties: ['医疗'],
    birthYear: 1990,
    privacyConsentVersion: '2026-01',
  });
  try {
    const PEOPLE = 200;
    const crowd = Array.from({ length: PEOPLE }, (_, i) => `bench-${i}`);
    const register = await call('volunteers', { action: 'register', ...person(9999) }, 'bench-leader');
    await Promise.all(crowd.map((id, i) => call('volunteers', { action: 'register', ...person(i) }, id)));
    const brigade = (
      await call('brigades', { action: 'create', name: '测试大队', town: '石岐区', joinMode: 'open' }, HQ)
    ).data;
    await call('brigades', { action: 'setLeader', brigadeId: brigade.brigadeId, cardNo: register.data.cardNo }, HQ);
    const now = Date.now();
    const newPost = (i, quota, extra = {}) =>
      call(
        'posts',
        {
          action: 'create',
          brigadeId: brigade.brigadeId,
          title: `测试招募第${i}场`,
          description: '测试',
          category: '探访慰问',
          address: '石岐区',
          startAt: now + (48 + i * 3) * HOUR,
          endAt: now + (49 + i * 3) * HOUR,
          quota,
          ...extra,
        },
        'bench-leader',
      );
    for (let i = 0; i < 60; i += 1) await newPost(100 + i, 5);
    const invite = (await call('brigades', { action: 'invite', brigadeId: brigade.brigadeId }, 'bench-leader')).data;

    const small = (await newPost(1, 1)).data;
    // At a time no other post of the bench uses (the contention rounds take 2–6), so bench-2 has no clash.
    const membersOnly = (await newPost(40, 5, { membersOnly: true })).data;
    const measured = [
      [
        'volunteers.register (+ statistics)',
        await call('volunteers', { action: 'register', ...person(5000) }, 'bench-new'),
        6,
      ],
      ['volunteers.me (first start)', await call('volunteers', { action: 'me' }, 'bench-1'), 5],
      ['volunteers.me (hot path)', await call('volunteers', { action: 'me' }, 'bench-1'), 2],
      ['brigades.join', await call('brigades', { action: 'join', code: invite.code }, 'bench-2'), 5],
      ['brigades.list (page of 20)', await call('brigades', { action: 'list' }, 'bench-1'), 5],
      ['posts.list (page of 20)', await call('posts', { action: 'list', pageSize: 20 }, 'bench-1'), 2],
      ['posts.get', await call('posts', { action: 'get', postId: small.postId }, 'bench-1'), 2],
      ['posts.signup (confirmed)', await call('posts', { action: 'signup', postId: small.postId }, 'bench-1'), 4],
      [
        'posts.signup (confirmed, members only)',
        await call('posts', { action: 'signup', postId: membersOnly.postId }, 'bench-2'),
        4,
      ],
      // The waitlist is ordered in a transaction: start, read the post and the sign-up, write both, commit (6).
      [
        'posts.signup (waitlisted, a transaction)',
        await call('posts', { action: 'signup', postId: small.postId }, 'bench-2'),
        8,
      ],
      [
        'posts.get (waitlisted, with the place)',
        await call('posts', { action: 'get', postId: small.postId }, 'bench-2'),
        2,
      ],
      ['posts.withdraw (promotes)', await call('posts', { action: 'withdraw', postId: small.postId }, 'bench-1'), 8],
      ['posts.mine', await call('posts', { action: 'mine' }, 'bench-2'), 5],
    ];
    const verdicts = [];
    verdicts.push(
      table(
        'Database requests per action (local cloud metrics; SPEC: about five; me, list, get ≤ 2; a confirmed sign-up ≤ 4)',
        measured.map(([name, r, budget]) => [
          name,
          `${r.metrics.requests} requests, ${r.metrics.docsRead} docs read`,
          `≤ ${budget}`,
          verdict(r.metrics.requests, budget),
        ]),
      ),
    );
    const list = measured.find(([n]) => n.startsWith('posts.list'))[1];
    const payload = Buffer.byteLength(JSON.stringify(list.data.items));
    verdicts.push(
      table('List pages', [
        [
          'posts.list docs read (page 20, 60+ posts)',
          list.metrics.docsRead,
          '≤ 21',
          verdict(list.metrics.docsRead, 21),
        ],
        [
          'feed setData of one page (JSON bytes)',
          `${(payload / 1024).toFixed(1)} KB`,
          '≤ 64 KB',
          verdict(payload, 64 * 1024),
        ],
      ]),
    );

    const rounds = [];
    for (let round = 1; round <= 5; round += 1) {
      const post = (await newPost(round + 1, 50)).data;
      const started = Date.now();
      const answers = await Promise.all(
        crowd.map((id) => call('posts', { action: 'signup', postId: post.postId }, id)),
      );
      const ms = Date.now() - started;
      const confirmed = answers.filter((a) => a.data.status === 'confirmed').length;
      const positions = answers
        .filter((a) => a.data.status === 'waitlisted')
        .map((a) => a.data.position)
        .sort((a, b) => a - b);
      const gapFree = positions.every((p, i) => p === i + 1);
      rounds.push({ round, ms, confirmed, gapFree, perSecond: Math.round((PEOPLE * 1000) / ms) });
    }
    verdicts.push(
      table(
        `Sign-up contention: ${PEOPLE} simultaneous sign-ups for 50 places, 5 rounds (pool of 4 function instances)`,
        rounds.map((r) => [
          `round ${r.round}: ${r.perSecond} sign-ups/s (${r.ms} ms)`,
          `${r.confirmed} confirmed, waitlist ${r.gapFree ? 'gap-free' : 'HAS GAPS'}`,
          '50 confirmed, gap-free',
          r.confirmed === 50 && r.gapFree ? 'ok' : 'OVER',
        ]),
      ),
    );
    return verdicts.every(Boolean);
  } finally {
    await cloud.stop();
  }
}
