/** What other features (the dashboard, reports, the schedule) may read of the X meetings. */
export { listAgendaForPrint, listAgendaItemsOfYear, listDecisionsOfYear } from './progress.queries.ts';
