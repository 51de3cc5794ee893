/**
 * Reads an S3 object's bytes for the ingest use case, with a size guard. The S3 client is injected. The
 * body stream is always consumed or destroyed: an abandoned GetObject body holds its socket until the
 * client's pool runs dry.
 */
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';

export type ReadResult =
  | { kind: 'ok'; bytes: Uint8Array; contentType?: string }
  | { kind: 'too_large'; size: number }
  /** The object is gone (deleted after the event was sent); its delete event will follow. */
  | { kind: 'missing' };

/** Fetches one object, refusing one over `maxBytes` without reading it all. */
export type ObjectReader = (bucket: string, key: string, maxBytes: number) => Promise<ReadResult>;

const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

interface Destroyable {
  destroy?: () => void;
}

export function s3ObjectReader(s3: S3Client): ObjectReader {
  return async (bucket, key, maxBytes) => {
    let res: GetObjectCommandOutput;
    try {
      res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound') return { kind: 'missing' };
      throw err;
    }
    // At runtime in Node the body is an IncomingMessage with the SDK's mixins: destroyable.
    const body = res.Body as (NonNullable<GetObjectCommandOutput['Body']> & Destroyable) | undefined;
    if (!body) return { kind: 'ok', bytes: new Uint8Array() };
    if (res.ContentLength !== undefined && res.ContentLength > maxBytes) {
      body.destroy?.();
      return { kind: 'too_large', size: res.ContentLength };
    }
    try {
      const bytes = await body.transformToByteArray();
      if (bytes.length > maxBytes) return { kind: 'too_large', size: bytes.length };
      // A generic type says nothing; the parser goes by the extension then.
      const contentType =
        res.ContentType && !GENERIC_TYPES.has(res.ContentType) ? res.ContentType : undefined;
      return { kind: 'ok', bytes, ...(contentType && { contentType }) };
    } catch (err) {
      body.destroy?.();
      throw err;
    }
  };
}
