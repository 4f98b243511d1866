import type { ApiProblem } from './types';

/** Code used when the API could not be reached at all (no HTTP response). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/**
 * A failed API call. `code` is the stable machine code from the response body (for example
 * `INVALID_CREDENTIALS`), or `NETWORK_ERROR` when there was no response (then `status` is 0).
 * The web client translates the code; `message` is the API's English text, for logs only.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problem: ApiProblem | null = null,
  ) {
    super(message);
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
    (error as { cause?: unknown }).cause = cause;
    return error;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const problem = await readJson<ApiProblem>(response);
    if (problem && typeof problem === 'object' && typeof problem.code === 'string') {
      return new ApiError(response.status, problem.code, problem.message ?? '', problem);
    }
    return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'Error');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for the error fetch throws when its AbortSignal fires. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

/** Reads a JSON body; null for an empty or non-JSON body. */
export async function readJson<T>(response: Response): Promise<T | null> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * The failed rules per field of a `VALIDATION_FAILED` error, for example
 * `{ title: ['minLength'] }`; empty for any other error.
 */
export function fieldRules(error: unknown): Record<string, string[]> {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return {};
  const rules: Record<string, string[]> = {};
  for (const item of error.problem?.errors ?? []) {
    if (typeof item?.field !== 'string') continue;
    (rules[item.field] ??= []).push(String(item.rule));
  }
  return rules;
}
