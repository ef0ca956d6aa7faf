import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';

/** Properties of {@link allowTableActions}. */
export interface TableAccess {
  /** Statement id, e.g. `UseEventsTable`. */
  readonly sid: string;
  readonly table: dynamodb.ITable;
  /** Exact DynamoDB actions, e.g. `dynamodb:GetItem`; never a wildcard. */
  readonly actions: readonly string[];
  /** Indexes the statement also covers (needed to query them). */
  readonly indexNames?: readonly string[];
}

/**
 * One statement allowing exactly the given actions on one table and the
 * named indexes, written out instead of `table.grant*()` so that the role
 * holds no action the code does not call.
 */
export function allowTableActions(access: TableAccess): iam.PolicyStatement {
  const indexArns = (access.indexNames ?? []).map(
    (name) => `${access.table.tableArn}/index/${name}`,
  );
  return new iam.PolicyStatement({
    sid: access.sid,
    actions: [...access.actions],
    resources: [access.table.tableArn, ...indexArns],
  });
}
