import { PlanImportError } from './errors.js';

/**
 * A time limit the extractor checks in its loops, so that no input can keep it busy: past the
 * limit, `check()` throws a `timeout` PlanImportError.
 */
export class Deadline {
  private readonly endsAt: number;

  constructor(readonly timeoutMs: number) {
    this.endsAt = Date.now() + timeoutMs;
  }

  static none(): Deadline {
    return new Deadline(24 * 60 * 60 * 1000);
  }

  get expired(): boolean {
    return Date.now() > this.endsAt;
  }

  get remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  check(): void {
    if (this.expired) throw timeoutError(this.timeoutMs);
  }
}

export function timeoutError(timeoutMs: number): PlanImportError {
  return new PlanImportError(
    'timeout',
    `Đọc tài liệu quá thời gian cho phép (${Math.round(timeoutMs / 100) / 10} giây). Hãy thử với tài liệu ngắn hơn hoặc tách thành nhiều phần.`,
    { timeoutMs },
  );
}

/** Runs `work` and rejects with a `timeout` error when it takes longer than the deadline allows. */
export async function withDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(timeoutError(deadline.timeoutMs)), deadline.remainingMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
