/**
 * The end of a bench child's entry (bench/child-process.ts runs them): its result printed as the last line of
 * its output, one JSON value, or its error and exit code 1. Kept apart from the runner so a child's bundle
 * holds no bundler.
 */
export function printResultOf(work: Promise<unknown>): void {
  work.then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
