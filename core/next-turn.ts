/**
 * Resolves on the event loop's next turn (setImmediate): long work awaits it between its steps
 * (shared/domain/steps.ts runStepsBetween), so the app keeps answering other calls meanwhile.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
