import { z } from 'zod';

// zod compiles object parsers with `new Function` when eval is allowed, and finds out by trying it while
// the contract's schemas are built: under the app's CSP (no 'unsafe-eval') that probe is a reported
// violation. The interpreted parsers are fast enough here. Imported first by main.tsx, before any schema.
z.config({ jitless: true });
