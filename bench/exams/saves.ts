import type autocannon from 'autocannon';
import type { LoadedExams } from './data';

/** The API path of an answer save. */
export const savePath = (attemptId: string, position: number) => `/api/v1/attempts/${attemptId}/items/${position}/response`;

/**
 * Numbers the saves of a whole benchmark run: save n goes to trainee n mod T, to the next question of theirs
 * each round, with seq n + 1. Seqs only grow, across every load run against the same database, so each save
 * is above the one kept for its item and is a real write, whichever server takes it.
 */
export class SaveSequence {
  private next = 0;

  constructor(private readonly data: LoadedExams) {}

  /** Save number n: its path, its caller and its body. */
  nth(n: number): { path: string; authorization: string; body: string } {
    const trainees = this.data.tokens.length;
    const trainee = n % trainees;
    const position = (Math.floor(n / trainees) % this.data.size.itemsPerAttempt) + 1;
    const choice = 'abcd'[n % 4];
    return {
      path: savePath(this.data.saveAttempts[trainee], position),
      authorization: `Bearer ${this.data.tokens[trainee]}`,
      body: JSON.stringify({ seq: n + 1, response: { kind: 'single', choice } }),
    };
  }

  /** The next save, not taken yet. */
  peek(): ReturnType<SaveSequence['nth']> {
    return this.nth(this.next);
  }

  take(): ReturnType<SaveSequence['nth']> {
    const save = this.nth(this.next);
    this.next += 1;
    return save;
  }

  /** For autocannon: one request, made afresh from the next save number before each sending. */
  requests(): autocannon.Request[] {
    return [
      {
        method: 'PUT',
        setupRequest: (request) => {
          const save = this.take();
          return {
            ...request,
            method: 'PUT',
            path: save.path,
            headers: { ...request.headers, 'content-type': 'application/json', authorization: save.authorization },
            body: save.body,
          };
        },
      },
    ];
  }

  /** `count` saves one after another, each answered 200 with saved: true before the next is sent. */
  async sequential(baseUrl: string, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const save = this.take();
      const res = await fetch(`${baseUrl}${save.path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: save.authorization },
        body: save.body,
      });
      const text = await res.text();
      if (res.status !== 200 || !(JSON.parse(text) as { saved?: boolean }).saved)
        throw new Error(`PUT ${save.path} answered ${res.status}: ${text.slice(0, 300)}`);
    }
  }
}
