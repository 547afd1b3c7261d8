export interface ConnectPolicyInput {
  readonly replicationGroupArn: string;
  readonly userArn: string;
}

/**
 * The IAM policy that lets a principal open connections to one replication group as one
 * IAM-enabled ElastiCache user. elasticache:Connect is checked against both resources.
 */
export function connectPolicyJson({ replicationGroupArn, userArn }: ConnectPolicyInput): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ConnectAsTheApplicationUser',
        Effect: 'Allow',
        Action: 'elasticache:Connect',
        Resource: [replicationGroupArn, userArn],
      },
    ],
  });
}
