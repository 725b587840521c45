/** A progress bar on stderr (one line, redrawn); plain lines when stderr is not a terminal. */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);
  private lastPct = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {
    this.draw(true);
  }

  add(n: number): void {
    this.done += n;
    this.draw(false);
  }

  finish(): void {
    this.done = this.total;
    this.draw(true);
    if (this.tty) process.stderr.write("\n");
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const frac = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const eta = rate > 0 ? (this.total - this.done) / rate : 0;
    const width = 30;
    const filled = Math.round(frac * width);
    const line = `${this.label.padEnd(34)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${fmt(this.done)}/${fmt(this.total)} rows ${fmt(Math.round(rate))}/s ${secs.toFixed(1)}s${frac < 1 ? ` eta ${eta.toFixed(0)}s` : ""}`;
    if (this.tty) {
      process.stderr.write(`\r${line}\x1b[K`);
    } else {
      const pct = Math.floor(frac * 4) * 25; // quarter steps in logs
      if (pct !== this.lastPct || (force && frac === 1)) {
        this.lastPct = pct;
        process.stderr.write(line + "\n");
      }
    }
  }
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}
