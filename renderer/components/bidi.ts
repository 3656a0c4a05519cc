/**
 * A value the user typed, set inside one of the app's sentences ("Same name and company: {{name}}"). Wrapped in
 * Unicode's first-strong isolate (FSI … PDI), it takes its own direction and keeps it to itself: an Arabic name
 * followed by " · " and a company no longer pulls the separator and the company to its left, and its trailing digits
 * stay with it. The sentence around it reads as written, in either language.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
