import { readFileSync } from 'node:fs';

/**
 * This process's peak resident set size in bytes, of its own address space only. Linux's getrusage
 * (`process.resourceUsage().maxRSS`) keeps the largest RSS of the process across exec, and a child the bench
 * starts is forked from the bench's process first: once the bench held DuckDB's memory (which, unlike V8's
 * heap, is copied into a forked child's page tables), every child reported the bench's RSS at the fork —
 * 410 MiB for a child that itself peaked at 252, and the same figure in every run. /proc/self/status's VmHWM
 * is the high-water mark of the address space the process runs in now. Elsewhere, getrusage's figure.
 */
export function ownPeakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: no /proc.
  }
  // maxRSS is in KiB.
  return process.resourceUsage().maxRSS * 1024;
}
