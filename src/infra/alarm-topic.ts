import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Properties of an {@link AlarmTopic}. */
export interface AlarmTopicProps {
  /** Topic name, e.g. `stripe-billing-alarms-prod`. */
  readonly topicName: string;
  /** Address subscribed to the topic (it must confirm by email). */
  readonly email: string;
}

/**
 * The SNS topic alarms notify, encrypted with its own rotating KMS key that
 * CloudWatch may use (the AWS-managed SNS key does not let CloudWatch
 * publish), accepting TLS publishers only, with one email subscription.
 */
export class AlarmTopic extends Construct {
  /** The topic to give to alarm actions. */
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);

    const key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${props.topicName} topic`,
      enableKeyRotation: true,
    });
    key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );

    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addSubscription(
      new subscriptions.EmailSubscription(props.email),
    );
  }
}
