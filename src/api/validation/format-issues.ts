import type { z } from '@hono/zod-openapi';

/**
 * Turns zod issues into one readable line each, `<field>: <problem>`, with
 * `body` for problems of the whole body (such as unexpected fields).
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'body';
    return `${field}: ${issue.message}`;
  });
}
