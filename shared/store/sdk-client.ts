/**
 * The DynamoDB client as the store wants it. The SDK's logger middleware builds a redacted copy of every
 * request's input and output for its logger (walking each attribute value against the operation's
 * schema) even when the logger is the default one, which drops it: about 0.5 ms of CPU per article
 * without stories and 1 ms with them (their digest items are large), for nothing. The store logs what it
 * needs itself.
 */

/** The client, without the SDK's request logging (its logger middleware). */
export function withoutRequestLogging<T extends { middlewareStack: { remove(name: string): boolean } }>(
  client: T,
): T {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}
