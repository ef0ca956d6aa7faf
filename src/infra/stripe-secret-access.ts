import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/** Name of the Secrets Manager secret holding a stage's Stripe keys. */
export function stripeSecretName(stage: string): string {
  return `stripe/${stage}`;
}

/**
 * A statement letting a function read the stage's Stripe secret, which is
 * created by hand before deploying (its value never enters a template).
 * The secret is referenced by name, so its ARN ends with the six random
 * characters Secrets Manager appends: the resource carries `-??????`.
 */
export function allowStripeSecretRead(
  scope: Construct,
  stage: string,
): iam.PolicyStatement {
  const secret = secretsmanager.Secret.fromSecretNameV2(
    scope,
    'StripeSecret',
    stripeSecretName(stage),
  );
  return new iam.PolicyStatement({
    sid: 'ReadStripeSecret',
    actions: ['secretsmanager:GetSecretValue'],
    resources: [`${secret.secretArn}-??????`],
  });
}
