/** Backups of the one database file: on demand, daily at start-up with rotation, and restore after checks. */
export { backupHere, backupTo, DAILY_KEPT, runAutomaticBackups, WEEKLY_KEPT } from './backup';
export { backupFolder, listBackups, type BackupFile, type BackupKind } from './files';
export { restoreFrom, type RestoreSeams } from './restore';
export { removeStrayBackupFiles } from './stray-files';
export { verifyBackupFile } from './verify';
