/**
 * A handler the template tests bundle instead of the real entry points:
 * they check the infrastructure, not the services (test/deploy runs those).
 */
export const handler = async (): Promise<{ statusCode: number }> => ({
  statusCode: 204,
});
