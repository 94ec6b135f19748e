/** Errors the Admin client turns Shopify's answers into; callers can branch on the class. */
export interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

export class AdminApiError extends Error {
  override name = "AdminApiError";
}

/** A mutation answered with userErrors: the request was understood but refused. */
export class AdminUserErrors extends AdminApiError {
  override name = "AdminUserErrors";
  constructor(
    readonly operation: string,
    readonly userErrors: UserError[],
  ) {
    super(`${operation} was refused: ${userErrors.map((e) => (e.field?.length ? `${e.field.join(".")}: ` : "") + e.message).join("; ")}`);
  }

  hasCode(code: string): boolean {
    return this.userErrors.some((e) => e.code === code);
  }
}

/** Top-level GraphQL errors (invalid document, access denied, internal error). */
export class AdminGraphqlError extends AdminApiError {
  override name = "AdminGraphqlError";
  constructor(
    readonly operation: string,
    readonly errors: Array<{ message: string; extensions?: { code?: string } }>,
  ) {
    super(`${operation} failed: ${errors.map((e) => e.message).join("; ")}`);
  }
}

export class AdminHttpError extends AdminApiError {
  override name = "AdminHttpError";
  constructor(
    readonly operation: string,
    readonly status: number,
  ) {
    super(`${operation} failed with HTTP ${status}`);
  }
}

/** Still throttled or failing after every retry. */
export class AdminRetriesExhausted extends AdminApiError {
  override name = "AdminRetriesExhausted";
  constructor(
    readonly operation: string,
    readonly attempts: number,
    readonly lastError: string,
  ) {
    super(`${operation} gave up after ${attempts} attempts: ${lastError}`);
  }
}
