import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { Problem } from './types';

/** A refused request: the service's problem details (RFC 9457), or one made up for a network failure. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? 'Request failed');
    this.problem = problem;
  }

  /** The error as an ApiError: itself, or a status-0 problem saying what went wrong. */
  static from(error: unknown): ApiError {
    return error instanceof ApiError ? error : new ApiError({ status: 0, detail: String(error) });
  }

  get status(): number {
    return this.problem.status ?? 0;
  }

  /** The messages of one field of a validation problem (`errors[].field`), e.g. `title` or `options[1]`. */
  fieldErrors(field: string): string[] {
    return this.fieldViolations(field).map((e) => e.message ?? e.code ?? '');
  }

  /** The violations of one field, with their stable codes (`NOT_BLANK`, `SIZE`, …) and the service's message. */
  fieldViolations(field: string): { code?: string | undefined; message?: string | undefined }[] {
    return (this.problem.errors ?? []).filter((e) => e.field === field);
  }
}

type TokenSource = () => Promise<string | null>;
let tokenSource: TokenSource = async () => null;
let onUnauthenticated: () => void = () => undefined;

/** Called once by the sign-in layer: where bearer tokens come from, and what to do when one is refused. */
export function configureAuth(source: TokenSource, unauthenticated: () => void): void {
  tokenSource = source;
  onUnauthenticated = unauthenticated;
}

/** The bearer token for requests made outside the typed client (server-sent events, downloads). */
export function bearer(): Promise<string | null> {
  return tokenSource();
}

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await tokenSource();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthenticated();
    return response;
  },
};

/** The one typed client of the REST API; its paths and bodies are checked against openapi.yaml. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits a call of `api`, returning its body or throwing an ApiError with the problem. */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch {
    throw new ApiError({ status: 0, title: 'network', detail: 'The service cannot be reached' });
  }
  if (!answer.response.ok) {
    const problem = isProblem(answer.error)
      ? answer.error
      : { status: answer.response.status, title: answer.response.statusText };
    throw new ApiError(problem);
  }
  return answer.data as T;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value;
}
