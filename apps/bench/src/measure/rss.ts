import { readdirSync, readFileSync } from "node:fs";

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS every 200 ms until stopped; returns the peak. */
export function sampleRss(pid: number): () => number {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const v = rssMb(pid);
    if (v > peak) peak = v;
  }, 200);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb(pid));
  };
}

/**
 * CPU time a process has used so far, in ms: the sum over its threads of the time each spent on
 * a CPU (/proc/<pid>/task/<tid>/schedstat, nanoseconds — the JavaScript thread, libuv's pool, the
 * garbage collector's helpers). /proc/<pid>/stat's utime + stime counts the same in 10 ms ticks,
 * too coarse for a round of a few hundred requests at under a millisecond each; it is the
 * fallback where schedstat is missing.
 */
export function cpuMs(pid: number): number {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        /* a thread that ended meanwhile */
      }
    }
    if (ns > 0) return ns / 1e6;
  } catch {
    /* no schedstat: the tick counts below */
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[11] = utime, fields[12] = stime (clock ticks; 100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
