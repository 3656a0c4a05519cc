import type { ClassSpellings } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { sharedWorkspaceRead } from '../../app/shared-read';

/**
 * The spelling each free-text class (industry, income, size) is shown by, one read per change for the whole screen
 * (an edited industry can change it); undefined until read, when classes show by their key.
 */
export const useClassSpellings: () => ClassSpellings | undefined = sharedWorkspaceRead(() => api('segments:classSpellings', {}));
