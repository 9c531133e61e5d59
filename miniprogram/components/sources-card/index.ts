/**
 * <sources-card sources="{{ stats.sources }}">: 招募来源 on the hq dashboard and a brigade's figures — the period's
 * sign-ups and joins by where they came from (a scanned poster, Moments, a chat card, the feed), with each share.
 */
import type { SourceFigures } from '../../typings/index';
import { toSourceRows } from './view';

const isSources = (s: Partial<SourceFigures>): s is SourceFigures => !!s.signups && !!s.joins;

Component({
  properties: {
    sources: { type: Object, value: {} },
  },
  data: {
    view: { rows: [], total: 0 } as ReturnType<typeof toSourceRows>,
  },
  observers: {
    sources(sources: Partial<SourceFigures>) {
      if (!isSources(sources)) return;
      this.setData({ view: toSourceRows(sources) });
    },
  },
});
