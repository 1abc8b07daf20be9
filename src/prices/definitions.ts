/**
 * What the price table holds: one definition per price, with how to find it in AWS's Price List
 * offer files (offer code, product family, attributes, unit) and how to show it.
 *
 * Selectors follow the documented offer-file format (products{sku:{productFamily,attributes}},
 * terms.OnDemand{sku:{…priceDimensions{rateCode:{unit,pricePerUnit,beginRange,endRange}}}}).
 * An attribute value starting with "*" matches the end of the attribute (usage types carry a
 * Region prefix outside us-east-1, e.g. "EUW1-NatGateway-Hours"). A definition the offer file has
 * no product for is reported and left out: the updater never guesses.
 */
import type { PriceRow, PriceUnit } from '../knowledge/price-schema.js';

export interface OfferSelector {
  /** Offer code in the Price List index, e.g. "AmazonS3". */
  offer: string;
  /** Left out when offer files disagree on it (public IPv4 addresses). */
  productFamily?: string;
  attributes: Record<string, string>;
  /** The priceDimensions unit, e.g. "GB-Mo", "Hrs", "Requests". */
  unit: string;
  /** Which tier: the first (beginRange 0), or the first with a price above zero (after a free tier). */
  tier: 'first' | 'first-paid';
}

export interface PriceDefinition {
  id: string;
  service: string;
  label: string;
  dimension: PriceRow['dimension'];
  unit: PriceUnit;
  per: PriceRow['per'];
  /** How the offer file's price per `selector.unit` becomes the price per `per` `unit`. */
  scale: number;
  note?: string;
  selector?: OfferSelector;
}

const ec2 = (instanceType: string): OfferSelector => ({
  offer: 'AmazonEC2',
  productFamily: 'Compute Instance',
  attributes: { instanceType, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' },
  unit: 'Hrs',
  tier: 'first',
});
const rds = (instanceType: string, databaseEngine: string): OfferSelector => ({
  offer: 'AmazonRDS',
  productFamily: 'Database Instance',
  attributes: { instanceType, databaseEngine, deploymentOption: 'Single-AZ' },
  unit: 'Hrs',
  tier: 'first',
});
const usage = (offer: string, productFamily: string, usagetype: string, unit: string, tier: OfferSelector['tier'] = 'first'): OfferSelector => ({
  offer,
  productFamily,
  attributes: { usagetype: `*${usagetype}` },
  unit,
  tier,
});

/** ELB usage types, matched exactly: "TS-LoadBalancerUsage" and "Outposts-LoadBalancerUsage" end the same way and are priced differently. */
const elb = (kind: 'Application' | 'Network', usagetype: string, unit: string): OfferSelector => ({
  offer: 'AWSELB',
  productFamily: `Load Balancer-${kind}`,
  attributes: { usagetype },
  unit,
  tier: 'first',
});

export const PRICING_PAGES: Record<string, string> = {
  s3: 'https://aws.amazon.com/s3/pricing/',
  ec2: 'https://aws.amazon.com/ec2/pricing/on-demand/',
  ebs: 'https://aws.amazon.com/ebs/pricing/',
  lambda: 'https://aws.amazon.com/lambda/pricing/',
  fargate: 'https://aws.amazon.com/fargate/pricing/',
  rds: 'https://aws.amazon.com/rds/postgresql/pricing/',
  aurora: 'https://aws.amazon.com/rds/aurora/pricing/',
  dynamodb: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  sqs: 'https://aws.amazon.com/sqs/pricing/',
  sns: 'https://aws.amazon.com/sns/pricing/',
  cloudfront: 'https://aws.amazon.com/cloudfront/pricing/',
  vpc: 'https://aws.amazon.com/vpc/pricing/',
  eks: 'https://aws.amazon.com/eks/pricing/',
  route53: 'https://aws.amazon.com/route53/pricing/',
  'secrets-manager': 'https://aws.amazon.com/secrets-manager/pricing/',
  kms: 'https://aws.amazon.com/kms/pricing/',
  athena: 'https://aws.amazon.com/athena/pricing/',
  cloudwatch: 'https://aws.amazon.com/cloudwatch/pricing/',
  'api-gateway': 'https://aws.amazon.com/api-gateway/pricing/',
  elb: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
  'step-functions': 'https://aws.amazon.com/step-functions/pricing/',
  eventbridge: 'https://aws.amazon.com/eventbridge/pricing/',
  ecr: 'https://aws.amazon.com/ecr/pricing/',
  waf: 'https://aws.amazon.com/waf/pricing/',
  efs: 'https://aws.amazon.com/efs/pricing/',
  'transit-gateway': 'https://aws.amazon.com/transit-gateway/pricing/',
  'systems-manager': 'https://aws.amazon.com/systems-manager/pricing/',
};

export const PRICE_DEFINITIONS: readonly PriceDefinition[] = [
  // S3
  { id: 's3.standard.storage', service: 's3', label: 'S3 Standard storage (first 50 TB/month)', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    selector: { offer: 'AmazonS3', productFamily: 'Storage', attributes: { volumeType: 'Standard' }, unit: 'GB-Mo', tier: 'first' } },
  { id: 's3.standard-ia.storage', service: 's3', label: 'S3 Standard-Infrequent Access storage', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'plus a per-GB retrieval charge',
    selector: { offer: 'AmazonS3', productFamily: 'Storage', attributes: { volumeType: 'Standard - Infrequent Access' }, unit: 'GB-Mo', tier: 'first' } },
  { id: 's3.deep-archive.storage', service: 's3', label: 'S3 Glacier Deep Archive storage', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'retrieval takes hours and is charged',
    selector: { offer: 'AmazonS3', productFamily: 'Storage', attributes: { volumeType: 'Glacier Deep Archive' }, unit: 'GB-Mo', tier: 'first' } },
  { id: 's3.requests.put', service: 's3', label: 'S3 Standard PUT, COPY, POST, LIST requests', dimension: 'requests', unit: 'request', per: 1000, scale: 1000,
    selector: { offer: 'AmazonS3', productFamily: 'API Request', attributes: { group: 'S3-API-Tier1' }, unit: 'Requests', tier: 'first' } },
  { id: 's3.requests.get', service: 's3', label: 'S3 Standard GET, SELECT and other requests', dimension: 'requests', unit: 'request', per: 1000, scale: 1000,
    selector: { offer: 'AmazonS3', productFamily: 'API Request', attributes: { group: 'S3-API-Tier2' }, unit: 'Requests', tier: 'first' } },
  { id: 's3.transfer.out', service: 's3', label: 'Data transfer out to the internet (first 10 TB/month)', dimension: 'transfer', unit: 'GB', per: 1, scale: 1,
    note: 'the first 100 GB/month across services is free; in from the internet is free',
    selector: { offer: 'AWSDataTransfer', productFamily: 'Data Transfer', attributes: { transferType: 'AWS Outbound', toLocation: 'External' }, unit: 'GB', tier: 'first-paid' } },
  // EC2 (On-Demand, Linux, shared tenancy)
  { id: 'ec2.t3.micro', service: 'ec2', label: 't3.micro On-Demand, Linux (2 vCPU, 1 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1, selector: ec2('t3.micro') },
  { id: 'ec2.t3.small', service: 'ec2', label: 't3.small On-Demand, Linux (2 vCPU, 2 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1, selector: ec2('t3.small') },
  { id: 'ec2.t3.medium', service: 'ec2', label: 't3.medium On-Demand, Linux (2 vCPU, 4 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1, selector: ec2('t3.medium') },
  { id: 'ec2.t3.large', service: 'ec2', label: 't3.large On-Demand, Linux (2 vCPU, 8 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1, selector: ec2('t3.large') },
  { id: 'ec2.m7g.large', service: 'ec2', label: 'm7g.large On-Demand, Linux (2 vCPU, 8 GiB, Graviton)', dimension: 'compute', unit: 'hour', per: 1, scale: 1, selector: ec2('m7g.large') },
  // EBS gp3
  { id: 'ebs.gp3.storage', service: 'ebs', label: 'EBS gp3 storage', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'includes 3,000 IOPS and 125 MB/s',
    selector: { offer: 'AmazonEC2', productFamily: 'Storage', attributes: { volumeApiName: 'gp3' }, unit: 'GB-Mo', tier: 'first' } },
  { id: 'ebs.gp3.iops', service: 'ebs', label: 'EBS gp3 IOPS above 3,000', dimension: 'other', unit: 'IOPS-month', per: 1, scale: 1,
    selector: { offer: 'AmazonEC2', productFamily: 'System Operation', attributes: { volumeApiName: 'gp3' }, unit: 'IOPS-Mo', tier: 'first' } },
  // The offer file prices throughput per GiBps-month ($40.96 = $0.04 × 1,024 per MiBps-month).
  { id: 'ebs.gp3.throughput', service: 'ebs', label: 'EBS gp3 throughput above 125 MB/s', dimension: 'other', unit: 'MBps-month', per: 1, scale: 1 / 1024,
    selector: { offer: 'AmazonEC2', productFamily: 'Provisioned Throughput', attributes: { volumeApiName: 'gp3' }, unit: 'GiBps-mo', tier: 'first' } },
  // Lambda
  { id: 'lambda.requests', service: 'lambda', label: 'Lambda requests', dimension: 'requests', unit: 'request', per: 1_000_000, scale: 1_000_000,
    note: 'free tier: 1M requests and 400,000 GB-seconds a month',
    selector: { offer: 'AWSLambda', productFamily: 'Serverless', attributes: { group: 'AWS-Lambda-Requests' }, unit: 'Requests', tier: 'first' } },
  { id: 'lambda.duration.x86', service: 'lambda', label: 'Lambda duration, x86 (first 6 billion GB-seconds/month)', dimension: 'compute', unit: 'GB-second', per: 1, scale: 1,
    selector: { offer: 'AWSLambda', productFamily: 'Serverless', attributes: { group: 'AWS-Lambda-Duration' }, unit: 'Lambda-GB-Second', tier: 'first' } },
  { id: 'lambda.duration.arm', service: 'lambda', label: 'Lambda duration, Arm (first 7.5 billion GB-seconds/month)', dimension: 'compute', unit: 'GB-second', per: 1, scale: 1,
    selector: { offer: 'AWSLambda', productFamily: 'Serverless', attributes: { group: 'AWS-Lambda-Duration-ARM' }, unit: 'Lambda-GB-Second', tier: 'first' } },
  // Fargate
  { id: 'fargate.vcpu.x86', service: 'fargate', label: 'Fargate vCPU, Linux/x86', dimension: 'compute', unit: 'vCPU-hour', per: 1, scale: 1,
    selector: usage('AmazonECS', 'Compute', 'Fargate-vCPU-Hours:perCPU', 'hours') },
  { id: 'fargate.memory.x86', service: 'fargate', label: 'Fargate memory, Linux/x86', dimension: 'compute', unit: 'GB-hour', per: 1, scale: 1,
    selector: usage('AmazonECS', 'Compute', 'Fargate-GB-Hours', 'hours') },
  { id: 'fargate.vcpu.arm', service: 'fargate', label: 'Fargate vCPU, Linux/Arm', dimension: 'compute', unit: 'vCPU-hour', per: 1, scale: 1,
    selector: usage('AmazonECS', 'Compute', 'Fargate-ARM-vCPU-Hours:perCPU', 'hours') },
  { id: 'fargate.memory.arm', service: 'fargate', label: 'Fargate memory, Linux/Arm', dimension: 'compute', unit: 'GB-hour', per: 1, scale: 1,
    selector: usage('AmazonECS', 'Compute', 'Fargate-ARM-GB-Hours', 'hours') },
  // RDS for PostgreSQL
  { id: 'rds.postgres.db.t4g.micro', service: 'rds', label: 'RDS for PostgreSQL db.t4g.micro, Single-AZ (2 vCPU, 1 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1, selector: rds('db.t4g.micro', 'PostgreSQL') },
  { id: 'rds.postgres.db.t4g.small', service: 'rds', label: 'RDS for PostgreSQL db.t4g.small, Single-AZ (2 vCPU, 2 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1, selector: rds('db.t4g.small', 'PostgreSQL') },
  { id: 'rds.postgres.db.t4g.medium', service: 'rds', label: 'RDS for PostgreSQL db.t4g.medium, Single-AZ (2 vCPU, 4 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    note: 'Multi-AZ doubles it', selector: rds('db.t4g.medium', 'PostgreSQL') },
  { id: 'rds.postgres.storage.gp3', service: 'rds', label: 'RDS gp3 storage, Single-AZ', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'no per-I/O charge; 3,000 IOPS included',
    selector: { offer: 'AmazonRDS', productFamily: 'Database Storage', attributes: { volumeType: 'General Purpose-GP3', databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ' }, unit: 'GB-Mo', tier: 'first' } },
  // Aurora PostgreSQL (Aurora Standard)
  { id: 'aurora.postgres.db.t4g.medium', service: 'aurora', label: 'Aurora PostgreSQL db.t4g.medium, Aurora Standard (2 vCPU, 4 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    selector: rds('db.t4g.medium', 'Aurora PostgreSQL') },
  { id: 'aurora.postgres.db.r7g.large', service: 'aurora', label: 'Aurora PostgreSQL db.r7g.large, Aurora Standard (2 vCPU, 16 GiB)', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    selector: rds('db.r7g.large', 'Aurora PostgreSQL') },
  { id: 'aurora.storage', service: 'aurora', label: 'Aurora Standard storage', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    selector: { offer: 'AmazonRDS', productFamily: 'Database Storage', attributes: { databaseEngine: 'Aurora PostgreSQL', volumeType: 'General Purpose-Aurora' }, unit: 'GB-Mo', tier: 'first' } },
  { id: 'aurora.io', service: 'aurora', label: 'Aurora Standard I/O requests', dimension: 'requests', unit: 'I/O request', per: 1_000_000, scale: 1_000_000,
    note: 'Aurora I/O-Optimized has no I/O charge but costs more per hour and per GB',
    selector: { offer: 'AmazonRDS', productFamily: 'System Operation', attributes: { databaseEngine: 'Aurora PostgreSQL', group: 'Aurora I/O Operation' }, unit: 'IOs', tier: 'first' } },
  // DynamoDB on-demand
  { id: 'dynamodb.ondemand.write', service: 'dynamodb', label: 'DynamoDB on-demand write request units', dimension: 'requests', unit: 'request unit', per: 1_000_000, scale: 1_000_000,
    selector: { offer: 'AmazonDynamoDB', productFamily: 'Amazon DynamoDB PayPerRequest Throughput', attributes: { group: 'DDB-WriteUnits' }, unit: 'WriteRequestUnits', tier: 'first' } },
  { id: 'dynamodb.ondemand.read', service: 'dynamodb', label: 'DynamoDB on-demand read request units', dimension: 'requests', unit: 'request unit', per: 1_000_000, scale: 1_000_000,
    selector: { offer: 'AmazonDynamoDB', productFamily: 'Amazon DynamoDB PayPerRequest Throughput', attributes: { group: 'DDB-ReadUnits' }, unit: 'ReadRequestUnits', tier: 'first' } },
  { id: 'dynamodb.storage', service: 'dynamodb', label: 'DynamoDB Standard table storage (after the first 25 GB)', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'the first 25 GB a month are free',
    selector: { offer: 'AmazonDynamoDB', productFamily: 'Database Storage', attributes: { volumeType: 'Amazon DynamoDB - Indexed DataStore' }, unit: 'GB-Mo', tier: 'first-paid' } },
  // SQS, SNS
  { id: 'sqs.standard.requests', service: 'sqs', label: 'SQS Standard queue requests', dimension: 'requests', unit: 'request', per: 1_000_000, scale: 1_000_000,
    note: 'first 1M requests a month free; each 64 KB chunk is one request',
    selector: { offer: 'AWSQueueService', productFamily: 'API Request', attributes: { queueType: 'Standard' }, unit: 'Requests', tier: 'first-paid' } },
  { id: 'sqs.fifo.requests', service: 'sqs', label: 'SQS FIFO queue requests', dimension: 'requests', unit: 'request', per: 1_000_000, scale: 1_000_000,
    selector: { offer: 'AWSQueueService', productFamily: 'API Request', attributes: { queueType: 'FIFO (first-in, first-out)' }, unit: 'Requests', tier: 'first-paid' } },
  { id: 'sns.standard.publish', service: 'sns', label: 'SNS Standard topic publishes', dimension: 'requests', unit: 'request', per: 1_000_000, scale: 1_000_000,
    note: 'deliveries are charged separately by protocol (HTTP, email, SMS)',
    selector: usage('AmazonSNS', 'API Request', 'Requests-Tier1', 'Requests', 'first-paid') },
  // CloudFront (priced by edge location, not by Region: the pricing page is the source)
  { id: 'cloudfront.transfer.us', service: 'cloudfront', label: 'CloudFront data transfer out, United States/Mexico/Canada (first 10 TB/month)', dimension: 'transfer', unit: 'GB', per: 1, scale: 1,
    note: 'always-free tier: 1 TB out and 10M requests a month' },
  { id: 'cloudfront.requests.https', service: 'cloudfront', label: 'CloudFront HTTPS requests, United States', dimension: 'requests', unit: 'request', per: 10_000, scale: 10_000 },
  // VPC: NAT gateway, public IPv4
  { id: 'vpc.nat-gateway.hour', service: 'vpc', label: 'one NAT gateway', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    note: 'one per Availability Zone for resilience',
    selector: usage('AmazonEC2', 'NAT Gateway', 'NatGateway-Hours', 'Hrs') },
  { id: 'vpc.nat-gateway.data', service: 'vpc', label: 'NAT gateway data processed', dimension: 'transfer', unit: 'GB', per: 1, scale: 1,
    note: 'on top of data transfer out; S3 and DynamoDB gateway endpoints avoid it',
    selector: usage('AmazonEC2', 'NAT Gateway', 'NatGateway-Bytes', 'GB') },
  { id: 'vpc.public-ipv4.hour', service: 'vpc', label: 'one public IPv4 address (in use or idle)', dimension: 'other', unit: 'hour', per: 1, scale: 1,
    selector: { offer: 'AmazonVPC', attributes: { usagetype: '*PublicIPv4:InUseAddress' }, unit: 'Hrs', tier: 'first' } },
  // VPC interface endpoints (PrivateLink): billed per endpoint per Availability Zone, plus per GB.
  // No selector yet: other endpoint kinds share the usage-type ending, so a pattern could match them.
  { id: 'vpc.interface-endpoint.hour', service: 'vpc', label: 'one interface VPC endpoint, per Availability Zone', dimension: 'other', unit: 'hour', per: 1, scale: 1,
    note: 'S3 and DynamoDB gateway endpoints are free' },
  { id: 'vpc.interface-endpoint.data', service: 'vpc', label: 'interface VPC endpoint data processed (first 1 PB/month)', dimension: 'transfer', unit: 'GB', per: 1, scale: 1 },
  // Transit Gateway: per attachment-hour (the gateway itself is free) plus per GB sent into it.
  { id: 'transit-gateway.attachment', service: 'transit-gateway', label: 'one Transit Gateway attachment (VPC, VPN, Direct Connect gateway or peering)', dimension: 'other', unit: 'hour', per: 1, scale: 1,
    note: 'each partial hour is billed as a full hour; VPC peering has no hourly charge' },
  { id: 'transit-gateway.data', service: 'transit-gateway', label: 'Transit Gateway data processed', dimension: 'transfer', unit: 'GB', per: 1, scale: 1,
    note: 'charged on the sending attachment, on top of inter-AZ or inter-Region transfer' },
  // Systems Manager Parameter Store
  { id: 'systems-manager.advanced-parameter', service: 'systems-manager', label: 'one Parameter Store advanced parameter (prorated hourly)', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: 'standard parameters (up to 10,000, 4 KB each) have no additional charge' },
  // EKS
  { id: 'eks.cluster.standard', service: 'eks', label: 'one EKS cluster, standard support', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    note: 'worker nodes (EC2 or Fargate) are extra',
    selector: usage('AmazonEKS', 'Compute', 'AmazonEKS-Hours:perCluster', 'hours') },
  { id: 'eks.cluster.extended', service: 'eks', label: 'one EKS cluster, extended support (Kubernetes version past standard support)', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    selector: usage('AmazonEKS', 'Compute', 'AmazonEKS-Hours:extendedSupport', 'hours') },
  // Route 53 is priced globally, not per Region (the pricing page is the source, as for CloudFront).
  { id: 'route53.hosted-zone', service: 'route53', label: 'one hosted zone (first 25 zones)', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: '$0.10 a month for each zone after the first 25; queries are extra' },
  { id: 'route53.queries.standard', service: 'route53', label: 'Route 53 standard queries (first 1 billion/month)', dimension: 'requests', unit: 'query', per: 1_000_000, scale: 1_000_000,
    note: 'latency, geo and IP-based routing queries cost more; alias queries to AWS resources are free' },
  { id: 'route53.health-check.aws', service: 'route53', label: 'one basic health check of an AWS endpoint', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: 'up to 50 health checks of AWS endpoints are free; non-AWS endpoints cost more' },
  // Secrets Manager
  { id: 'secrets-manager.secret', service: 'secrets-manager', label: 'one secret (each replica counts as a secret)', dimension: 'other', unit: 'month', per: 1, scale: 1,
    selector: usage('AWSSecretsManager', 'Secret', 'AWSSecretsManager-Secrets', 'Secrets') },
  { id: 'secrets-manager.api', service: 'secrets-manager', label: 'Secrets Manager API calls', dimension: 'requests', unit: 'request', per: 10_000, scale: 10_000,
    note: 'caching GetSecretValue results in the app keeps this small' },
  // KMS
  { id: 'kms.key', service: 'kms', label: 'one customer managed KMS key (prorated hourly)', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: 'AWS managed and AWS owned keys have no monthly charge; each automatic rotation adds a key version billed the same' },
  { id: 'kms.requests.symmetric', service: 'kms', label: 'KMS requests, symmetric keys', dimension: 'requests', unit: 'request', per: 10_000, scale: 10_000,
    note: 'the first 20,000 requests a month are free' },
  // Athena
  { id: 'athena.sql.scanned', service: 'athena', label: 'Athena SQL queries, per TB of data scanned', dimension: 'other', unit: 'TB', per: 1, scale: 1,
    note: 'billed per query on bytes scanned, rounded up to the nearest MB with a 10 MB minimum per query; DDL and failed queries are free' },
  // CloudWatch
  { id: 'cloudwatch.logs.ingestion', service: 'cloudwatch', label: 'CloudWatch Logs ingestion, Standard log class', dimension: 'other', unit: 'GB', per: 1, scale: 1,
    note: 'the first 5 GB a month of ingestion, storage and Insights scans together are free; the Infrequent Access class costs less' },
  { id: 'cloudwatch.logs.storage', service: 'cloudwatch', label: 'CloudWatch Logs storage (archived)', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'log groups keep data forever unless a retention period is set' },
  { id: 'cloudwatch.logs.insights', service: 'cloudwatch', label: 'CloudWatch Logs Insights queries, data scanned', dimension: 'other', unit: 'GB', per: 1, scale: 1 },
  { id: 'cloudwatch.alarm.standard', service: 'cloudwatch', label: 'one standard-resolution metric alarm', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: 'high-resolution alarms cost more; 10 alarm metrics a month are free' },
  { id: 'cloudwatch.metric.custom', service: 'cloudwatch', label: 'one custom metric (first 10,000)', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: 'every unique combination of dimensions is a separate metric' },
  // API Gateway
  { id: 'api-gateway.http.requests', service: 'api-gateway', label: 'API Gateway HTTP API requests (first 300M/month)', dimension: 'requests', unit: 'request', per: 1_000_000, scale: 1_000_000,
    note: 'metered in 512 KB increments',
    selector: usage('AmazonApiGateway', 'API Calls', 'ApiGatewayHttpRequest', 'Requests') },
  { id: 'api-gateway.rest.requests', service: 'api-gateway', label: 'API Gateway REST API requests (first 333M/month)', dimension: 'requests', unit: 'request', per: 1_000_000, scale: 1_000_000,
    note: 'caching is billed per hour on top',
    selector: usage('AmazonApiGateway', 'API Calls', 'ApiGatewayRequest', 'Requests') },
  // Elastic Load Balancing (usage types matched exactly: see elb()).
  { id: 'elb.alb.hour', service: 'elb', label: 'one Application Load Balancer', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    note: 'plus LCU-hours for the traffic it handles',
    selector: elb('Application', 'LoadBalancerUsage', 'Hrs') },
  { id: 'elb.alb.lcu', service: 'elb', label: 'ALB load balancer capacity units', dimension: 'other', unit: 'LCU-hour', per: 1, scale: 1,
    note: 'an hour is billed on the highest of new connections, active connections, GB processed and rule evaluations',
    selector: elb('Application', 'LCUUsage', 'LCU-Hrs') },
  { id: 'elb.nlb.hour', service: 'elb', label: 'one Network Load Balancer', dimension: 'compute', unit: 'hour', per: 1, scale: 1,
    note: 'plus NLCU-hours for the traffic it handles',
    selector: elb('Network', 'LoadBalancerUsage', 'Hrs') },
  { id: 'elb.nlb.nlcu', service: 'elb', label: 'NLB load balancer capacity units', dimension: 'other', unit: 'NLCU-hour', per: 1, scale: 1,
    selector: elb('Network', 'LCUUsage', 'LCU-Hrs') },
  // Step Functions, EventBridge: no selectors until their offer files' units are confirmed.
  { id: 'step-functions.standard.transitions', service: 'step-functions', label: 'Step Functions Standard state transitions', dimension: 'requests', unit: 'state transition', per: 1000, scale: 1000,
    note: '4,000 transitions a month are free; retries count as transitions' },
  { id: 'eventbridge.custom-events', service: 'eventbridge', label: 'EventBridge custom events published', dimension: 'requests', unit: 'event', per: 1_000_000, scale: 1_000_000,
    note: 'each 64 KB chunk counts as one event; events from AWS services are free' },
  // ECR, WAF, EFS
  { id: 'ecr.storage', service: 'ecr', label: 'ECR image storage', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'a lifecycle policy expiring untagged images keeps it down' },
  { id: 'waf.web-acl', service: 'waf', label: 'one web ACL', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: 'prorated hourly; rules and requests are extra' },
  { id: 'waf.rule', service: 'waf', label: 'one rule or rule group in a web ACL', dimension: 'other', unit: 'month', per: 1, scale: 1,
    note: 'paid managed rule groups (Bot Control and others) add their own fees' },
  { id: 'waf.requests', service: 'waf', label: 'WAF web requests inspected', dimension: 'requests', unit: 'request', per: 1_000_000, scale: 1_000_000 },
  { id: 'efs.standard.storage', service: 'efs', label: 'EFS Standard storage (Regional)', dimension: 'storage', unit: 'GB-month', per: 1, scale: 1,
    note: 'Infrequent Access and Archive cost far less per GB but charge per GB read' },
];

export const DEFINITION_BY_ID: ReadonlyMap<string, PriceDefinition> = new Map(PRICE_DEFINITIONS.map((d) => [d.id, d]));
