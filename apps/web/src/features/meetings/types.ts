/** How exactly a planned date is known: a day, a third of a month (上旬/中旬/下旬), a month… */
export type DatePrecision = 'day' | 'early' | 'mid' | 'late' | 'month' | 'quarter' | 'half' | 'year';

/** An X会議 as `GET /api/v1/meetings` lists it. */
export type Meeting = {
  id: string;
  sequence: number;
  title: string;
  planned: { precision: DatePrecision; start: string; end: string };
  /** The planned date in Japanese as the reform office wrote it (10月上旬). */
  plannedLabel: string;
  actualDate: string | null;
};
