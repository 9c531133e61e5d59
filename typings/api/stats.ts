/**
 * stats: headquarters and brigade figures, read from counter documents kept current by the writes that change
 * the facts (never a scan of raw records), and reconciled nightly.
 */
export interface Figures {
  /** Registered volunteers (by the month they registered and their town). */
  volunteers: number;
  brigades: number;
  /** Recruitment posts, by the month they start. */
  posts: number;
  /** Service sessions: attendances recorded by leaders. */
  sessions: number;
  minutes: number;
  /** People served, as the leaders entered when recording. */
  peopleServed: number;
  /** Confirmed volunteers recorded absent. */
  noShows: number;
}

export interface OverviewRequest {
  /** Epoch ms; inclusive. All time when absent. Counted by Asia/Shanghai month. */
  from?: number;
  to?: number;
  /** Only this town's figures. */
  town?: string;
}

/**
 * Needs figures (供需配对): the state now (recipients, plans, services), and households surveyed in the period.
 * The first visit is, until visit posts exist, the first accepted pair (结对) of a recipient made from a survey.
 */
export interface NeedsFigures {
  /** Active recipients. */
  recipients: number;
  /** Active recipients per category (a recipient counts in each of theirs), most first. */
  byCategory: { category: string; recipients: number }[];
  /** Households surveyed (需求调查 submitted), in the period's months. */
  surveyed: number;
  plansOpen: number;
  plansClosed: number;
  /** Services of open plans with enough accepted carers. */
  servicesCovered: number;
  /** Services of open plans still short of carers. */
  servicesOpen: number;
  /** Median whole days from the survey to the recipient's first accepted pair; absent until there is one. */
  medianDaysToFirstVisit?: number;
  /**
   * Continuity: the share (0–1) of visits written by the plan's accepted carers, a visit being a 探访记录 written
   * on a plan (reviews excluded); absent until there is one.
   */
  continuity?: number;
}

/**
 * Training and qualifications, the report's own measures (培训覆盖率, 专业技术资格占比). Shares are of the volunteers
 * in scope now (registered in the town, or active members of the brigade); trainings and minutes in the period.
 */
export interface TrainingFigures {
  /** The denominator: volunteers in scope now. */
  volunteers: number;
  /** Volunteers with at least one recorded training (attended). */
  trainedVolunteers: number;
  /** Volunteers holding at least one verified, unexpired qualification. */
  qualifiedVolunteers: number;
  /** trainedVolunteers / volunteers, 0–1 (0 when there are none). */
  trainedShare: number;
  qualifiedShare: number;
  /** Training posts with at least one attendance recorded, by the month they start. */
  trainings: number;
  /** Training minutes recorded (never in `minutes`). */
  trainingMinutes: number;
}

/** 微心愿 (all time, from the public board's counters): on the wall, claimed, fulfilled (photos in or closed). */
export interface WishFigures {
  asked: number;
  claimed: number;
  fulfilled: number;
}

/** Where sign-ups and joins came from (chat card, Moments, poster scan, feed), counted by the writes themselves. */
export interface SourceFigures {
  signups: { chat: number; moments: number; poster: number; feed: number };
  joins: { chat: number; moments: number; poster: number; feed: number };
}

export interface OverviewResponse extends Figures {
  /** 招募来源 in the period. */
  sources: SourceFigures;
  /** 微心愿: the city's (or the coordinator's town's), and each town's. */
  wishes: WishFigures & { byTown: (WishFigures & { town: string })[] };
  /** 培训与资格: the city's (or the town's), and each town's. */
  training: TrainingFigures & { byTown: (TrainingFigures & { town: string })[] };
  /** 供需配对: the city's (or the coordinator's town's) figures, and each town's for hq. */
  needs: NeedsFigures & { byTown: (NeedsFigures & { town: string })[] };
  /** Volunteers who served in the last 90 days (now, whatever the period). */
  activeVolunteers: number;
  /** noShows / (sessions + noShows), 0–1; 0 when nothing was recorded. */
  noShowRate: number;
  byTown: (Figures & { town: string })[];
  byBrigade: (Figures & { brigadeId: string; name: string; town: string })[];
  /** `YYYY-MM`, Asia/Shanghai, oldest first. */
  byMonth: (Figures & { month: string })[];
  byCategory: (Pick<Figures, 'posts' | 'sessions' | 'minutes' | 'peopleServed'> & { category: string })[];
}

/**
 * "Records stay honest": what was recorded beyond the checked-in time, each time with a reason the leader gave
 * (kept on the record). Counted by the writes that record or correct, reconciled like every figure.
 */
export interface HonestyFigures {
  /** Attendances recorded with more minutes than the post's length (endAt − startAt). */
  overCapRecords: number;
  /** The minutes beyond the post's length, summed over those attendances. */
  overCapMinutes: number;
  /** Attendances credited although the volunteer never checked in (e.g. 现场未扫码签到). */
  uncheckedRecords: number;
  /** The minutes credited to those attendances. */
  uncheckedMinutes: number;
}

export interface BrigadeStatsResponse extends Omit<Figures, 'volunteers' | 'brigades'>, HonestyFigures {
  brigadeId: string;
  name: string;
  /** Active members now. */
  members: number;
  noShowRate: number;
  byMonth: (Figures & { month: string })[];
  byCategory: OverviewResponse['byCategory'];
  training: TrainingFigures;
  sources: SourceFigures;
}

export interface ExportResponse {
  /** UTF-8 with a BOM, so Excel opens the Chinese correctly. */
  csv: string;
  fileName: string;
}

export interface StatsApi {
  overview: { req: OverviewRequest; res: OverviewResponse };
  brigade: { req: Omit<OverviewRequest, 'town'> & { brigadeId: string }; res: BrigadeStatsResponse };
  export: { req: OverviewRequest; res: ExportResponse };
  reconcile: { req: Record<string, never>; res: { checked: number; repaired: number } };
}
