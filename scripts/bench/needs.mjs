// needs.match at 1k and 20k volunteers (requests, documents read, time) against a naive scan of every volunteer,
// through the built functions on a local cloud; then match quality on a generated town (500 recipients' services,
// 2,000 volunteers), computed with the same pure rules (server/rules/matching.ts) against a nearest-only baseline.
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HQ, startBenchCloud } from './cloud.mjs';
import { table, verdict } from './table.mjs';

const PII_KEY = 'c3'.repeat(32);
const DAY = 86_400_000;

export function loadRules(root) {
  const outfile = join(mkdtempSync(join(tmpdir(), 'bench-needs-')), 'rules.cjs');
  buildSync({
    stdin: {
      contents: [
        "export * from './server/rules/matching';",
        "export { encrypt } from './server/rules/pii';",
        "export { TOWNS, SPECIALTIES, SLOTS } from './typings/data';",
        "export { parseEjson } from './local-cloud/db/codec';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile,
  });
  return createRequire(import.meta.url)(outfile);
}

/** A small deterministic generator (the bench gives the same figures every run). */
function generator(seed) {
  let state = seed;
  const next = (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pick = (list) => list[next(list.length)];
  return { next, pick };
}

/** Common specialties more often, as in the bureau's registers. */
const WEIGHTED = ['其他', '其他', '医疗', '护理', '护理', '理发', '家电维修', '教育辅导', '心理', '文艺', '驾驶'];

function person(g, R, i, town, centre) {
  const specialties = [...new Set(Array.from({ length: g.next(3) }, () => g.pick(WEIGHTED)))];
  const availability = Array.from({ length: 1 + g.next(4) }, () => ({ weekday: g.next(7), slot: g.pick(R.SLOTS) }));
  return {
    _id: `v${i}`,
    openid: `o${i}`,
    cardNo: `ZSBA-2019-${String(i).padStart(6, '0')}`,
    name: `义工${i}`,
    town,
    community: `社区${g.next(20)}`,
    specialties,
    serviceAreas: [town],
    availability,
    birthYear: 1950 + g.next(58),
    lat: centre.lat + (g.next(1100) - 550) / 10_000,
    lng: centre.lng + (g.next(1200) - 600) / 10_000,
    registeredAt: Date.now() - g.next(700) * DAY,
    ...(g.next(3) ? { lastServedAt: Date.now() - g.next(90) * DAY } : {}),
  };
}

const centreOf = (t) => ({ lat: 22.3 + (t % 6) * 0.08, lng: 113.2 + Math.floor(t / 6) * 0.08 });

async function benchBudget(root, R) {
  const { cloud, call } = await startBenchCloud(root, { PII_KEY });
  const insert = (collection, docs) => {
    for (let i = 0; i < docs.length; i += 1000) {
      cloud.db.handle('database.insertDocument', {
        collectionName: collection,
        data: docs.slice(i, i + 1000).map((d) => JSON.stringify(d)),
      });
    }
  };
  const g = generator(7);
  const town = R.TOWNS[0];
  const centre = centreOf(0);
  try {
    const coord = await call(
      'volunteers',
      {
        action: 'register',
        name: '苏社工',
        mobile: '13600000001',
        town,
        specialties: [],
        birthYear: 1985,
        privacyConsentVersion: '2026-01',
      },
      'bench-coord',
    );
    await call('brigades', { action: 'setCoordinator', town, cardNo: coord.data.cardNo }, HQ);
    const brigade = (await call('brigades', { action: 'create', name: '测试大队', town, joinMode: 'open' }, HQ)).data;
    const detail = { name: '陈阿婆', address: '悦来南路 8 号', lat: centre.lat, lng: centre.lng };
    insert('recipients', [
      {
        _id: 'r1',
        displayName: '陈婆婆',
        town,
        community: '社区3',
        categories: ['独居老人'],
        status: 'active',
        consent: { by: 'self', version: '2026-01', at: Date.now() },
        sealed: R.encrypt(JSON.stringify(detail), Buffer.from(PII_KEY, 'hex')),
        createdBy: 'bench',
        createdAt: Date.now(),
        updatedAt: Date.now(),
      },
    ]);
    const service = { category: '探访慰问', specialties: ['护理'], frequency: 'weekly', weekday: 2, slot: 'morning' };
    const saved = await call(
      'needs',
      {
        action: 'savePlan',
        recipientId: 'r1',
        brigadeId: brigade.brigadeId,
        goals: '每周探访',
        services: [{ ...service, durationMinutes: 60, people: 2, startDate: Date.now() + DAY }],
      },
      'bench-coord',
    );
    const request = { action: 'match', planId: saved.data.planId, serviceId: saved.data.services[0].serviceId };
    const rows = [];
    let seeded = 0;
    for (const size of [1000, 20000]) {
      const docs = [];
      for (let i = seeded; i < size; i += 1) {
        const t = i % R.TOWNS.length;
        docs.push(person(g, R, i, R.TOWNS[t], centreOf(t)));
      }
      insert('volunteers', docs);
      seeded = size;
      await call('needs', request, 'bench-coord');
      const m = await call('needs', request, 'bench-coord');
      rows.push([
        `${size / 1000}k volunteers: needs.match (${m.data.items.length} shown)`,
        `${m.metrics.requests} requests, ${m.metrics.docsRead} docs, ${m.ms.toFixed(0)} ms`,
        '≤ 5 requests, ≤ 1000 docs',
        m.metrics.requests <= 5 && m.metrics.docsRead <= 1000 ? 'ok' : 'OVER',
      ]);
      const metrics = { requests: 0, docsRead: 0, docsWritten: 0 };
      const started = performance.now();
      const all = [];
      for (let last = ''; ;) {
        const page = cloud.db.handle(
          'database.getDocument',
          {
            collectionName: 'volunteers',
            queryType: 'WHERE',
            query: JSON.stringify({ _id: { $gt: last } }),
            order: JSON.stringify({ _id: 1 }),
            limit: 1000,
          },
          metrics,
        );
        for (const s of page.list) all.push(R.parseEjson(s));
        if (page.list.length < 1000) break;
        last = all[all.length - 1]._id;
      }
      const facts = all.map((v) => ({ ...v, volunteerId: v._id, qualifications: [], load: 0, adult: true, visits: 0 }));
      const naive = R.rank({ ...service, qualifications: [], adultsOnly: false }, { town, ...centre }, facts);
      const ms = performance.now() - started;
      rows.push([
        `${size / 1000}k: naive scan of every volunteer, ranked in memory (${naive.ranked.length} fit)`,
        `${metrics.requests} requests, ${metrics.docsRead} docs, ${ms.toFixed(0)} ms`,
        '(comparison)',
        'ok',
      ]);
    }
    return table('needs.match: database requests and documents read (SPEC: ≤ 5 requests, ≤ 1,000 documents)', rows);
  } finally {
    await cloud.stop();
  }
}

/** Greedy matching of every service in order; `score` ranks (the real rules, or distance only). */
function runTown(R, town, services, volunteers, { nearestOnly, previous = new Map(), gone = new Set() }) {
  const load = new Map();
  const carers = new Map();
  const distances = [];
  for (const s of services) {
    const facts = volunteers
      .filter((v) => !gone.has(v._id))
      .map((v) => ({
        ...v,
        volunteerId: v._id,
        qualifications: [],
        load: load.get(v._id) ?? 0,
        adult: v.birthYear <= 2008,
        visits: 0,
        serving: !nearestOnly && (previous.get(s.id) ?? []).includes(v._id),
        groupServing: false,
      }));
    const out = R.rank(s, s.place, facts);
    const ranked = nearestOnly ? [...out.ranked].sort((a, b) => a.distanceKm - b.distanceKm) : out.ranked;
    const chosen = ranked.slice(0, s.people);
    carers.set(
      s.id,
      chosen.map((c) => c.volunteerId),
    );
    for (const c of chosen) {
      load.set(c.volunteerId, (load.get(c.volunteerId) ?? 0) + 1);
      distances.push(c.distanceKm);
    }
  }
  const covered = services.filter((s) => carers.get(s.id).length === s.people).length;
  const mean = distances.reduce((a, b) => a + b, 0) / Math.max(1, distances.length);
  return { carers, covered: covered / services.length, mean, maxLoad: Math.max(0, ...load.values()) };
}

export function benchQuality(R) {
  const g = generator(11);
  const centre = centreOf(0);
  const town = R.TOWNS[0];
  const volunteers = Array.from({ length: 2000 }, (_, i) => person(g, R, i, town, centre));
  const categories = ['探访慰问', '义剪', '义诊', '陪同就医', '家电维修', '课业辅导'];
  const needs = { 义剪: ['理发'], 义诊: ['医疗'], 陪同就医: ['护理'], 家电维修: ['家电维修'], 课业辅导: ['教育辅导'] };
  const services = Array.from({ length: 500 }, (_, i) => {
    const category = g.pick(categories);
    return {
      id: `s${i}`,
      specialties: needs[category] ?? [],
      qualifications: [],
      weekday: g.next(7),
      slot: g.pick(R.SLOTS),
      adultsOnly: g.next(4) === 0,
      people: 1 + g.next(3),
      place: {
        town,
        community: `社区${g.next(20)}`,
        lat: centre.lat + (g.next(1100) - 550) / 10_000,
        lng: centre.lng + (g.next(1200) - 600) / 10_000,
      },
    };
  });
  // Between the two runs 200 volunteers join (some nearer than today's carers) and the busiest carer leaves.
  const joined = Array.from({ length: 200 }, (_, i) => person(g, R, 2000 + i, town, centre));
  const rows = [];
  for (const nearestOnly of [false, true]) {
    const first = runTown(R, town, services, volunteers, { nearestOnly });
    const counts = new Map();
    for (const ids of first.carers.values()) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const leaver = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const again = runTown(R, town, services, [...volunteers, ...joined], {
      nearestOnly,
      previous: first.carers,
      gone: new Set([leaver]),
    });
    let stayed = 0;
    let kept = 0;
    for (const [id, ids] of first.carers) {
      const now = new Set(again.carers.get(id));
      for (const v of ids.filter((x) => x !== leaver)) {
        stayed += 1;
        if (now.has(v)) kept += 1;
      }
    }
    rows.push([
      nearestOnly ? 'nearest-only baseline (same hard filters)' : 'needs.match rules (score with continuity)',
      `covered ${(first.covered * 100).toFixed(1)}%, mean ${first.mean.toFixed(2)} km, busiest carer ${first.maxLoad}` +
        `; re-matched after the busiest carer left and 200 joined: ${((kept / Math.max(1, stayed)) * 100).toFixed(1)}% of carers kept`,
      '(comparison)',
      'ok',
    ]);
  }
  return table('Match quality: generated town, 500 services, 2,000 volunteers (greedy, in service order)', rows);
}

export async function benchNeeds(root) {
  const R = loadRules(root);
  const budget = await benchBudget(root, R);
  const quality = benchQuality(R);
  return budget && quality && verdict(0, 0) === 'ok';
}
