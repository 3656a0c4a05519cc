/** Which files a caller may read and write, by transport: real paths (CLI), confined folders (bridge), dialog handles (Electron). */
export { fileAccess, type FileAccess, type FileAccessChoice, type FileMode, type FileRef, type FileToRead } from './access';
export { confine } from './confine';
export { folderFor, type FilePurpose, type ReadPurpose, type WritePurpose } from './folders';
export { FileHandles, HANDLE_LIFETIME_MS } from './handles';
