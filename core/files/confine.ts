import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { refuse } from './refusals';

const isInside = (folder: string, target: string) => {
  const rel = relative(folder, target);
  // `..x` is a name inside; only `..` as a whole first segment leads out.
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};
const isInsideOrSame = (folder: string, target: string) => folder === target || isInside(folder, target);

function exists(path: string): boolean {
  try {
    lstatSync(path); // lstat: a dangling symlink exists too, and must be judged, not written through
    return true;
  } catch {
    return false;
  }
}

/**
 * The real path of `given` (a file name, or a path) inside `folder`, or an AppError. Two checks:
 * lexical (`..` and absolute paths elsewhere are refused before the disk is touched), then real
 * (the nearest part that exists is resolved through its symlinks and must still be inside the
 * folder's own real path), so a symlink placed in the folder cannot lead out of it. Nothing is
 * URL-decoded: `%2e%2e` is a literal file name here.
 */
export function confine(folder: string, given: string, field: string[]): string {
  if (given.includes('\0')) throw refuse.pathNotAllowed(field);
  mkdirSync(folder, { recursive: true });
  const realFolder = realpathSync(folder);
  const target = resolve(folder, given);
  // A caller may spell the folder either way (e.g. /tmp/… or its real /private/tmp/…).
  const base = isInside(resolve(folder), target) ? resolve(folder) : isInside(realFolder, target) ? realFolder : null;
  if (base === null) throw refuse.outsideFolder(field, folder);
  const wanted = join(realFolder, relative(base, target));

  // Walk up to the nearest part that exists; the parts below it do not exist, so hold no symlinks.
  let existing = wanted;
  while (!exists(existing)) existing = dirname(existing);
  let realExisting: string;
  try {
    realExisting = realpathSync(existing);
  } catch {
    throw refuse.outsideFolder(field, folder); // a dangling symlink: where it points is outside our say
  }
  const real = join(realExisting, relative(existing, wanted));
  if (existing === wanted ? !isInside(realFolder, real) : !isInsideOrSame(realFolder, realExisting)) throw refuse.outsideFolder(field, folder);
  return real;
}
