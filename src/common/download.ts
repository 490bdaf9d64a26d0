import type { Readable } from 'node:stream';

/**
 * A file to send, made below the controllers: its bytes (or a stream of them) and the headers that go with it.
 * Services and the features' download helpers build one without knowing HTTP; a controller sends it with
 * `sendDownload`, `sendBytes` or `pipeDownload` (`src/common/download-response.ts`).
 */
export interface Download {
  /** The body: bytes at hand, or a stream read once as it is sent. */
  readonly content: Buffer | Readable;
  /** Content-Type. */
  readonly type: string;
  /** Content-Disposition: see `contentDisposition` in `src/storage/file-names.ts`. */
  readonly disposition: string;
  /** Content-Length, when it is known before sending. */
  readonly length?: number;
  /** Further headers (security and caching), set in this order. */
  readonly headers: Readonly<Record<string, string>>;
  /** For a stream made as it is sent (an archive): stops making it when the client goes away. */
  readonly abort?: () => void;
}
