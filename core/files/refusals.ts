import { AppError } from '../../shared/contract';

/**
 * The ways a file reference is refused. All are `invalid_input` with an issue key the renderer
 * translates; the English message is what the CLI and logs show.
 */
export const refuse = {
  /** Resolves (lexically, or through a symlink) outside the folder this call may use. */
  outsideFolder: (field: string[], folder: string) =>
    new AppError('invalid_input', `${field.join('.')} must name a file inside ${folder}`, [{ path: field, key: 'path_outside_folder', params: { folder } }]),
  /** A path where this transport takes none (Electron's renderer), or one no file system would take (NUL). */
  pathNotAllowed: (field: string[]) =>
    new AppError('invalid_input', `${field.join('.')} is not accepted here: choose the file with the dialog`, [{ path: field, key: 'path_not_allowed' }]),
  /** Never issued, already used, expired, or a handle where this transport issues none. */
  handleUnknown: (field: string[]) =>
    new AppError('invalid_input', `${field.join('.')} is unknown or expired: choose the file again`, [{ path: field, key: 'handle_unknown' }]),
  /** A file picked for one thing (say, a restore) sent to another (an import). */
  handleWrongPurpose: (field: string[], purpose: string) =>
    new AppError('invalid_input', `${field.join('.')} was chosen for something else, not for ${purpose}`, [{ path: field, key: 'handle_wrong_purpose', params: { purpose } }]),
};
