import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set size now, in bytes (VmRSS). */
  residentBytes: number;
  /** Highest resident set size since the process started, in bytes (VmHWM). */
  peakResidentBytes: number;
}

function kilobytesField(status: string, name: string, pid: number): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (match === null) throw new Error(`/proc/${pid}/status has no ${name} line (is the process still running?)`);
  return Number(match[1]) * 1024;
}

/** Reads a process's resident memory from /proc/<pid>/status (Linux). */
export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { residentBytes: kilobytesField(status, 'VmRSS', pid), peakResidentBytes: kilobytesField(status, 'VmHWM', pid) };
}
