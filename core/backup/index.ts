/** Backups of the one database file: on demand, daily at start-up with rotation, and restore after checks. */
export { backupHere, backupTo, DAILY_KEPT, restoreFrom, runAutomaticBackups, WEEKLY_KEPT } from './backup';
export { backupFolder, listBackups, type BackupFile, type BackupKind } from './files';
export { verifyBackupFile } from './verify';
