export { backupToFile, restoreFromFile } from './backup-file.ts';
export { type BackupSummary, createBackup } from './create-backup.ts';
export { RestoreError, restoreBackup } from './restore-backup.ts';
