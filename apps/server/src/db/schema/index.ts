export * from './clusters.ts';
export * from './core.ts';
export * from './meetings.ts';
export * from './meeting-records.ts';
