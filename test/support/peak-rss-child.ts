/**
 * A child for test/unit/bench/own-peak-rss.test.ts: allocates MIB mebibytes of buffers it touches, then prints
 * its own peak RSS (bench/own-peak-rss.ts) and getrusage's, in bytes, as one JSON line.
 * Usage: node --import tsx test/support/peak-rss-child.ts MIB
 */
import { ownPeakRssBytes } from '../../bench/own-peak-rss';

const held: Buffer[] = [];
for (let i = 0; i < Number(process.argv[2]); i++) held.push(Buffer.alloc(1024 * 1024, i));
console.log(JSON.stringify({ own: ownPeakRssBytes(), rusage: process.resourceUsage().maxRSS * 1024, held: held.length }));
