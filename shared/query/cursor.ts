/**
 * Pagination cursors the API hands out: the store's cursor sealed so clients can neither forge nor
 * modify it, and bound to the filter it was issued for. Format: `base64url(JSON payload).base64url(mac)`,
 * mac = HMAC-SHA256(secret, payload). The payload carries a fingerprint of the filter; a cursor used
 * with another filter (or another endpoint) is refused, so the store never sees a cursor it did not
 * issue for that query.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { StoreCursor } from '../store/reader';
import { ProblemError } from './problem';

/** Longest cursor accepted; real ones are a few hundred characters. */
const MAX_CURSOR_LENGTH = 2048;
const MIN_SECRET_BYTES = 16;
const CURSOR_VERSION = 1;

interface CursorPayload {
  v: number;
  /** Fingerprint of the scope and filter the cursor belongs to. */
  f: string;
  c: StoreCursor;
}

/** JSON with object keys sorted at every level, so equal filters give equal fingerprints. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function filterFingerprint(scope: string, filter: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ scope, filter }))
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}

export class CursorSealer {
  private readonly key: Buffer;

  constructor(secret: string | Uint8Array) {
    this.key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
    if (this.key.length < MIN_SECRET_BYTES) {
      throw new Error(`the cursor secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
  }

  /** An opaque cursor for the page after this one of `filter` under `scope` (the endpoint). */
  seal(cursor: StoreCursor, scope: string, filter: unknown): string {
    const payload: CursorPayload = { v: CURSOR_VERSION, f: filterFingerprint(scope, filter), c: cursor };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The store cursor inside `token`; a 400 problem if it was modified or belongs to another filter. */
  open(token: string, scope: string, filter: unknown): StoreCursor {
    const tampered = () =>
      new ProblemError(
        'invalid-cursor',
        'The cursor is malformed or was modified. Use the `next` value of a previous page unchanged.',
        'cursor',
      );
    if (token.length > MAX_CURSOR_LENGTH) throw tampered();
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) throw tampered();
    const body = token.slice(0, dot);
    // Compare the MAC as text: base64url decoding ignores the spare bits of the last character, so
    // comparing decoded bytes would accept a cursor whose last character was changed.
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.mac(body).toString('base64url'), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw tampered();
    let payload: CursorPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
    } catch {
      throw tampered();
    }
    if (
      payload === null ||
      typeof payload !== 'object' ||
      payload.v !== CURSOR_VERSION ||
      typeof payload.c !== 'object' ||
      payload.c === null
    ) {
      throw tampered();
    }
    if (payload.f !== filterFingerprint(scope, filter)) {
      throw new ProblemError(
        'invalid-cursor',
        'The cursor belongs to a different query. Repeat the same filter parameters with it, or start again without a cursor.',
        'cursor',
      );
    }
    return payload.c;
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
