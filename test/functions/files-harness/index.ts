/**
 * Test-only cloud function `files`: the files API (server/files) behind the real handler, so tests reach it
 * through the local cloud and the unmodified SDK before a feature action calls it. Its 'qualification' hook
 * writes what it was told into `counters` (`hook:<ref>`), where the test reads it. Never deployed.
 */
import { db } from '../../../server/cloud';
import { acceptImage, registerMediaHook, removeFiles, temporaryUrls } from '../../../server/files';
import { defineFunction } from '../../../server/handler';
import { findByFileIds } from '../../../server/repos/files';
import { z } from '../../../server/schema';

registerMediaHook('qualification', async (_ctx, ref, media) => {
  await db.collection('counters').doc(`hook:${ref}`).set({ data: { media } });
});

const ids = z.object({ fileIds: z.array(z.string()) });

const actions = {
  accept: {
    access: 'anyone',
    input: z.object({ fileId: z.string(), prefix: z.string(), ref: z.string() }),
    run: (i: { fileId: string; prefix: string; ref: string }, ctx: never) =>
      acceptImage(ctx, i.fileId, { prefix: i.prefix, purpose: 'qualification', ref: i.ref }),
  },
  urls: {
    access: 'anyone',
    input: ids,
    run: async (i: { fileIds: string[] }) => Object.fromEntries(await temporaryUrls(i.fileIds)),
  },
  remove: { access: 'anyone', input: ids, run: (i: { fileIds: string[] }) => removeFiles(i.fileIds) },
  records: {
    access: 'anyone',
    input: ids,
    run: async (i: { fileIds: string[] }) =>
      (await findByFileIds(i.fileIds)).map(({ traceId, _id, ...rest }) => ({ ...rest, traced: Boolean(traceId) })),
  },
  hooked: {
    access: 'anyone',
    input: z.object({ ref: z.string() }),
    run: async (i: { ref: string }) => {
      const res = (await db.collection('counters').doc(`hook:${i.ref}`).get()) as unknown as {
        data: { media: string } | null;
      };
      return res.data?.media ?? null;
    },
  },
};

// The contract names only the real functions; this one is a test harness.
export const main = defineFunction('volunteers', { actions } as never);
