/**
 * A one-time buyer's P(alive). In BG/NBD a customer can drop out only right after a repeat purchase, so one
 * with a single purchase day is "alive" with probability 1 however long ago it was (Fader, Hardie & Lee 2005):
 * the model has seen no repeat to learn when they leave. The figure is kept as the model gives it (the
 * likelihood score and the verdict use it correctly), but the screens do not show it as an estimate: a
 * "100% still a customer" beside someone who bought once, years ago, contradicts every other figure on the
 * row. They show it as not estimated, and sort it after the estimates.
 */

/** Purchase days (the first included) of a customer whose P(alive) is not an estimate. */
export const ONE_PURCHASE = 1;

/** Whether the model's P(alive) for a customer with `purchases` purchase days is an estimate. */
export const pAliveEstimated = (purchases: number): boolean => purchases > ONE_PURCHASE;
