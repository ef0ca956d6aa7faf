import type { Template } from 'aws-cdk-lib/assertions';

/** One IAM statement as it appears in a synthesized template. */
export interface TemplateStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every statement of every `AWS::IAM::Policy` in the template. */
export function policyStatements(template: Template): TemplateStatement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement,
  );
}

/** The statement with this `Sid`; throws when there is none. */
export function statementBySid(
  template: Template,
  sid: string,
): TemplateStatement {
  const statement = policyStatements(template).find((s) => s.Sid === sid);
  if (statement === undefined) throw new Error(`No statement ${sid}`);
  return statement;
}

/** The statement's actions as a list. */
export function actionsOf(statement: TemplateStatement): string[] {
  return typeof statement.Action === 'string'
    ? [statement.Action]
    : statement.Action;
}
