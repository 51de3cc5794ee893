/**
 * Progress of a long command on stderr: on a terminal one line redrawn in place (count, rate, ETA and
 * what it is on); otherwise a plain line at most once a second, so logs stay readable. Final summaries
 * belong on stdout, written by the command.
 */
export class Progress {
  private count = 0;
  private readonly started = Date.now();
  private lastLine = 0;

  constructor(
    private readonly label: string,
    /** Items expected, when known (the ETA needs it). */
    private readonly total?: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly tty = Boolean(out.isTTY),
  ) {}

  /** One more item done; `detail` names it or says how things stand. */
  tick(detail = '', count = this.count + 1): void {
    this.count = count;
    const now = Date.now();
    if (!this.tty && now - this.lastLine < 1000 && count !== this.total) return;
    this.lastLine = now;
    const line = this.line(now, detail);
    if (this.tty) {
      const cols = this.out.columns ?? 80;
      this.out.write(`\r\x1b[K${line.slice(0, cols - 1)}`);
    } else this.out.write(`${line}\n`);
  }

  /** A line of its own (an error about one item), without losing the progress line. */
  note(text: string): void {
    this.out.write(`${this.tty ? '\r\x1b[K' : ''}${text}\n`);
  }

  /** Clears the progress line (the command then prints its summary). */
  done(text?: string): void {
    if (this.tty) this.out.write('\r\x1b[K');
    if (text) this.out.write(`${text}\n`);
  }

  /** `uploading 120/1000  45.2/s  ETA 19 s  name` */
  line(now: number, detail: string): string {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.count / seconds;
    const of = this.total !== undefined ? `${this.count}/${this.total}` : String(this.count);
    const eta =
      this.total !== undefined && rate > 0 && this.count < this.total
        ? `  ETA ${formatSeconds((this.total - this.count) / rate)}`
        : '';
    return `${this.label} ${of}  ${rate.toFixed(1)}/s${eta}${detail ? `  ${detail}` : ''}`;
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
