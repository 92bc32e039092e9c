import { readFileSync } from 'node:fs';

/** Linux reports /proc times in USER_HZ ticks, 100 per second on every mainstream architecture. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds a process has used so far, user and system, all its threads (garbage collector and
 * thread pool included), from /proc/<pid>/stat. Resolution 10 ms: read it over seconds, not calls.
 */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after it are plain numbers.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11] and fields[12].
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
