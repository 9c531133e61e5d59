export interface Figures {
  volunteers: number;
  brigades: number;
  posts: number;
  sessions: number;
  minutes: number;
  peopleServed: number;
}

export interface OverviewRequest {
  /** Epoch ms; inclusive. All time when absent. */
  from?: number;
  to?: number;
}

export interface OverviewResponse extends Figures {
  byTown: (Figures & { town: string })[];
  byBrigade: (Figures & { brigadeId: string; name: string })[];
  /** `YYYY-MM`, Asia/Shanghai. */
  byMonth: (Figures & { month: string })[];
  byCategory: (Omit<Figures, 'volunteers' | 'brigades'> & { category: string })[];
}

export interface StatsApi {
  overview: { req: OverviewRequest; res: OverviewResponse };
  brigade: { req: OverviewRequest & { brigadeId: string }; res: Figures & { byMonth: OverviewResponse['byMonth'] } };
  export: { req: OverviewRequest; res: { csv: string; fileName: string } };
}
