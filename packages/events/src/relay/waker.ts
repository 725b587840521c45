/** A sleep that `wake()` ends early (and that a wake arriving while awake is not lost for). */
export class Waker {
  private pending = false;
  private resolveSleep: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolveSleep = resolve;
      this.timer = setTimeout(() => this.finish(), ms);
    });
  }

  wake(): void {
    if (this.resolveSleep) this.finish();
    else this.pending = true;
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    const resolve = this.resolveSleep;
    this.timer = null;
    this.resolveSleep = null;
    this.pending = false;
    resolve?.();
  }
}
