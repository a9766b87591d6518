export * from './analyses.ts';
export * from './attachments.ts';
export * from './cluster-history.ts';
export * from './clusters.ts';
export * from './core.ts';
export * from './meeting-records.ts';
export * from './meetings.ts';
