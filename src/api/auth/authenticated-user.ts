/** The caller of a user endpoint, as its verified token says. */
export interface AuthenticatedUser {
  /** The token's `sub`: the app's user id. */
  readonly userId: string;
  /** The token's `email` claim, when present. */
  readonly email?: string | undefined;
}
