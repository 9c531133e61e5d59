/**
 * The brigade's home (大队主页): this year's people served and service minutes from the statistics' month documents
 * (one read of at most 12 documents, only this brigade's counters), up to 3 upcoming public posts (the feed's indexed
 * query), and up to 6 recent passed photos of recorded services with temporary URLs. Database requests: 3.
 */
import type { BrigadeHome } from '../../typings/api/brigades';
import { urlsOfPassed } from '../files/urls';
import * as photos from '../repos/photos';
import * as posts from '../repos/posts';
import * as stats from '../repos/stats';
import { HOME_PHOTOS } from '../rules/photos';
import { key } from '../rules/stats';
import { shanghaiYear } from '../rules/time';

const UPCOMING = 3;

async function yearFigures(brigadeId: string, now: number) {
  const year = shanghaiYear(now);
  const path = `byBrigade.${key(brigadeId)}`;
  const months = await stats.monthDocs(`${year}-01`, `${year}-12`, { [path]: true });
  let yearPeopleServed = 0;
  let yearMinutes = 0;
  for (const month of months) {
    const mine = month.byBrigade?.[key(brigadeId)];
    yearPeopleServed += mine?.peopleServed ?? 0;
    yearMinutes += mine?.minutes ?? 0;
  }
  return { yearPeopleServed, yearMinutes };
}

export async function homeOf(brigadeId: string, now: number): Promise<Omit<BrigadeHome, 'brand' | 'story'>> {
  const [figures, soon, recent] = await Promise.all([
    yearFigures(brigadeId, now),
    posts.soonest({ brigadeId, from: now }, UPCOMING),
    photos.recentPassed(brigadeId, HOME_PHOTOS),
  ]);
  const urls = await urlsOfPassed(recent.map((p) => p.fileId));
  return {
    ...figures,
    upcoming: soon.slice(0, UPCOMING).map((p) => ({
      postId: p._id,
      title: p.title,
      startAt: p.startAt,
      quota: p.quota,
      confirmedCount: p.confirmedCount,
    })),
    photos: recent.flatMap((p) => {
      const url = urls.get(p.fileId);
      return url ? [{ url, postTitle: p.postTitle, at: p.at }] : [];
    }),
  };
}
