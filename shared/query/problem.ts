/**
 * RFC 9457 problem details: every error the API returns is `application/problem+json` with a stable
 * `type`, a short `title` and a `detail` written for the developer calling the API. Never internal names.
 */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://newsdrop.dev/problems/';

/** Problem kinds the API returns; the key is the last segment of the `type` URI. */
export const PROBLEMS = {
  'invalid-request': { status: 400, title: 'Invalid request' },
  'unknown-parameter': { status: 400, title: 'Unknown query parameter' },
  'invalid-parameter': { status: 400, title: 'Invalid query parameter' },
  'invalid-cursor': { status: 400, title: 'Invalid cursor' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-representable': { status: 409, title: 'Not representable in this format' },
  'internal-error': { status: 500, title: 'Internal server error' },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;
export type ProblemStatus = (typeof PROBLEMS)[ProblemKind]['status'];

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The query parameter at fault, when there is one. */
  parameter?: string;
}

/** Thrown by request handling; the app turns it into a problem response. */
export class ProblemError extends Error {
  readonly kind: ProblemKind;
  readonly parameter: string | undefined;

  constructor(kind: ProblemKind, detail: string, parameter?: string) {
    super(detail);
    this.name = 'ProblemError';
    this.kind = kind;
    this.parameter = parameter;
  }

  get status(): ProblemStatus {
    return PROBLEMS[this.kind].status;
  }

  toProblem(): Problem {
    return problem(this.kind, this.message, this.parameter);
  }
}

export function problemType(kind: ProblemKind): string {
  return `${PROBLEM_BASE}${kind}`;
}

export function problem(kind: ProblemKind, detail: string, parameter?: string): Problem {
  const { status, title } = PROBLEMS[kind];
  return {
    type: problemType(kind),
    title,
    status,
    detail,
    ...(parameter !== undefined && { parameter }),
  };
}
