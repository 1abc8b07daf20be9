/**
 * The first table's values, for us-east-1, each verified against a page (the network here reaches
 * only package registries, so the offer files could not be read yet). Every value names its page
 * and the words it was checked against; a value no page confirmed is not here.
 * `awsbot prices update --from-verified` writes the table from these; `awsbot prices update`
 * replaces them with values from the Price List offer files.
 */
export interface VerifiedPrice {
  id: string;
  region: 'us-east-1';
  usd: number;
  /** The date the page was read. */
  read: string;
  source: string;
  evidence: string;
}

const READ = '2026-12-05';
const v = (id: string, usd: number, source: string, evidence: string): VerifiedPrice => ({ id, region: 'us-east-1', usd, read: READ, source, evidence });

const FIRST_TABLE: readonly VerifiedPrice[] = [
  v('s3.standard.storage', 0.023, 'https://cloudburn.io/blog/amazon-s3-pricing',
    'S3 Standard costs $0.023/GB/month. … All prices are for US East (N. Virginia) as of March 2026 (also devnotes.tech: "Pricing starts at $0.023 per GB/month (US East region)")'),
  v('s3.standard-ia.storage', 0.0125, 'https://gist.github.com/regispires/d3604636ec0e8d0d3ecab41f009f3d1c',
    'US East (N. Virginia) … S3 Standard - Infrequent Access | $ 0.0125 (Cost / GB / Month)'),
  v('s3.deep-archive.storage', 0.00099, 'https://cloudburn.io/blog/amazon-s3-pricing',
    'S3 Glacier Deep Archive costs ~$0.00099/GB/month … US East (N. Virginia) (also the regispires gist: "S3 Deep Glacier | 0.00099")'),
  v('s3.requests.put', 0.005, 'https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-examples',
    'S3 charges for API requests: PUT, COPY, POST: $0.005 per 1,000 requests'),
  v('s3.requests.get', 0.0004, 'https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-examples',
    'GET: $0.0004 per 1,000 requests'),
  v('s3.transfer.out', 0.09, 'https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-examples',
    'Outbound Data Transfer … Up to 10TB/month: $0.09 per GB (also wring.co: "Transfer data from S3 directly to the internet and you pay $0.09/GB")'),
  v('ec2.t3.micro', 0.0104, 'https://cloud-bench.com/blog/aws-t3-micro-vs-t3-small',
    'On-Demand (us-east-1) | $0.0104/hr | $0.0208/hr (t3.micro | t3.small)'),
  v('ec2.t3.small', 0.0208, 'https://cloud-bench.com/blog/aws-t3-micro-vs-t3-small',
    'On-Demand (us-east-1) | $0.0104/hr | $0.0208/hr (t3.micro | t3.small)'),
  v('ec2.t3.medium', 0.0416, 'https://hacecuentas.com/en/costo-servidor-cloud-aws-ec2-mensual',
    'a t3.medium at $0.0416/hr running 24/7 costs roughly $30/month on-demand (source: AWS EC2 On-Demand Pricing)'),
  v('ec2.t3.large', 0.0832, 'https://go-cloud.io/?p=10607',
    'a simple t3.large instance in us-east-1, which costs $0.0832/hour — about $60.74 per month'),
  v('ec2.m7g.large', 0.0816, 'https://www.factualminds.com/blog/amazon-ec2-on-demand-pricing-instance-families-2026/',
    'In us-east-1 (June 2026), Linux m7g.large is $0.0816/hr'),
  v('ebs.gp3.storage', 0.08, 'https://www.saisci.com/aws/gp2-vs-gp3-cost-comparison-ebs-volumes/',
    'Based on the Amazon EBS Pricing page … gp3 Storage Pricing $0.08/GB-month … N. Virginia Region'),
  v('ebs.gp3.iops', 0.005, 'https://www.saisci.com/aws/gp2-vs-gp3-cost-comparison-ebs-volumes/',
    'gp3 IOPS Pricing 3,000 IOPS free and $0.005/provisioned IOPS-month over 3,000'),
  v('ebs.gp3.throughput', 0.04, 'https://www.saisci.com/aws/gp2-vs-gp3-cost-comparison-ebs-volumes/',
    'gp3 Throughput Pricing 125 MB/s free and $0.04/provisioned MB/s-month over 125'),
  v('lambda.requests', 0.2, 'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html',
    'Request pricing: Free Tier: 1 million requests per month. $0.20 per 1 million requests thereafter'),
  v('lambda.duration.x86', 0.0000166667, 'https://cloudchipr.com/blog/aws-lambda-pricing',
    'US East (N. Virginia) … x86 Pricing — First 6 Billion GB-seconds per month: $0.0000166667 per GB-second (AWS whitepaper rounds it to $0.00001667)'),
  v('lambda.duration.arm', 0.0000133334, 'https://cloudchipr.com/blog/aws-lambda-pricing',
    'ARM Pricing — First 7.5 Billion GB-seconds per month: $0.0000133334 per GB-second'),
  v('fargate.vcpu.x86', 0.04048, 'https://www.vantage.sh/blog/fargate-pricing',
    'us-east-1 … Linux/x86 $0.04048 (cost per vCPU per hour) $0.004445 (cost per GB per hour)'),
  v('fargate.memory.x86', 0.004445, 'https://www.vantage.sh/blog/fargate-pricing',
    'us-east-1 … Linux/x86 $0.04048 (cost per vCPU per hour) $0.004445 (cost per GB per hour)'),
  v('fargate.vcpu.arm', 0.03238, 'https://www.vantage.sh/blog/fargate-pricing',
    'us-east-1 … Linux/ARM $0.03238 (per vCPU per hour) $0.00356 (per GB per hour)'),
  v('fargate.memory.arm', 0.00356, 'https://www.vantage.sh/blog/fargate-pricing',
    'us-east-1 … Linux/ARM $0.03238 (per vCPU per hour) $0.00356 (per GB per hour)'),
  v('rds.postgres.db.t4g.micro', 0.016, 'https://infratally.com/articles/aws-rds-pricing-explained-2026.html',
    'one PostgreSQL database … current Single-AZ pricing … us-east-1: db.t4g.micro | 2 | 1 GiB | $0.016'),
  v('rds.postgres.db.t4g.small', 0.032, 'https://infratally.com/articles/aws-rds-pricing-explained-2026.html',
    'db.t4g.small | 2 | 2 GiB | $0.032 (Single-AZ / hr, us-east-1)'),
  v('rds.postgres.db.t4g.medium', 0.065, 'https://infratally.com/articles/aws-rds-pricing-explained-2026.html',
    'db.t4g.medium | 2 | 4 GiB | $0.065 | $47.45 (Single-AZ / hr, / mo, us-east-1)'),
  v('rds.postgres.storage.gp3', 0.115, 'https://www.usage.ai/blogs/aws/reserved-instances/rds/pricing-calculator/',
    'All rates: US East (N. Virginia) … Storage | GB provisioned x $0.115/month (gp3)'),
  v('aurora.postgres.db.t4g.medium', 0.073, 'https://gist.github.com/thom-vend/c710e4fb173b4bea91bc12204c25ee86',
    'Standard aurora pricing not I/O optimized … db.t4g.medium pricing: $0.073 per h (also github.com/garygerberutah/uid-kiro, a copy of AWS agent-toolkit skill files, skills/specialized-skills/database-skills/amazon-aurora-postgresql/references/serverless-advisory-formulas-and-examples.md: "Provisioned compute pricing table (on-demand, us-east-1) … db.t4g.medium | 2 | 4 | $0.073 | $53 … Aurora Standard, Single-AZ … Aurora MySQL and Aurora PostgreSQL compute rates are identical")'),
  v('aurora.postgres.db.r7g.large', 0.276, 'https://gist.github.com/thom-vend/c710e4fb173b4bea91bc12204c25ee86',
    'Standard aurora pricing not I/O optimized … db.r7g.large pricing: $0.276 per h (also the uid-kiro copy of the AWS agent-toolkit table: "db.r7g.large | 2 | 16 | $0.276 | $201")'),
  v('aurora.storage', 0.1, 'https://github.com/aws/agent-toolkit-for-aws/blob/main/skills/specialized-skills/database-skills/amazon-aurora-mysql/references/io-optimized-pricing.md',
    'Aurora Storage Pricing — Standard vs I/O-Optimized, Pricing Constants (us-east-1): Storage ($/GiB-month) | $0.10 (also jusdb.com and cloudexmachina.io: Aurora storage $0.10/GB-month)'),
  v('aurora.io', 0.2, 'https://github.com/aws/agent-toolkit-for-aws/blob/main/skills/specialized-skills/database-skills/amazon-aurora-mysql/references/io-optimized-pricing.md',
    'Pricing Constants (us-east-1): I/O requests | $0.20 per million (also jusdb.com: "plus $0.20 per million I/Os on the standard pricing tier")'),
  v('dynamodb.ondemand.write', 0.625, 'https://amnic.com/blogs/dynamodb-pricing',
    'Current US East rates are $0.625 per million WRU and $0.125 per million RRU, after AWS cut on-demand throughput prices by 50% (airbyte.com: "In November 2024, AWS slashed on-demand throughput costs by 50%")'),
  v('dynamodb.ondemand.read', 0.125, 'https://amnic.com/blogs/dynamodb-pricing',
    'Current US East rates are $0.625 per million WRU and $0.125 per million RRU'),
  v('dynamodb.storage', 0.25, 'https://aws.amazon.com/dynamodb/pricing/',
    'DynamoDB charges per GB of disk space that your table consumes. The first 25 GB consumed per month is free, and prices start from $0.25 per GB-month thereafter.'),
  v('sqs.standard.requests', 0.4, 'https://cloudburn.io/blog/amazon-sqs-pricing',
    'All prices are for US East (N. Virginia) … Standard $0.40/M (first 100B) … 1M requests/month free'),
  v('sqs.fifo.requests', 0.5, 'https://cloudburn.io/blog/amazon-sqs-pricing',
    'FIFO $0.50/M (flat rate) … 1M requests/month free'),
  v('sns.standard.publish', 0.5, 'https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/',
    'Amazon SNS looks straightforward on the pricing page: $0.50 per million publishes for Standard topics'),
  v('cloudfront.transfer.us', 0.085, 'https://aws.amazon.com/cloudfront/pricing/',
    'Regional Data Transfer Out to Internet (per GB) … United States, Mexico, and Canada … First 10TB $0.085'),
  v('cloudfront.requests.https', 0.01, 'https://wring.co/blog/aws-cloudfront-pricing-guide',
    'HTTP/HTTPS Request Pricing | North America / Europe | $0.0100 | $0.0100 (per 10,000)'),
  v('vpc.nat-gateway.hour', 0.045, 'https://basavytix.com/blog/aws-nat-gateway-pricing',
    '$0.045/hr Hourly charge Per NAT Gateway, per hour … These are the us-east-1 rates'),
  v('vpc.nat-gateway.data', 0.045, 'https://basavytix.com/blog/aws-nat-gateway-pricing',
    '$0.045/GB Data processing charge Per GB of data processed by the NAT Gateway … These are the us-east-1 rates'),
  v('vpc.public-ipv4.hour', 0.005, 'https://community.aws/content/2c6cKl0W4KQZIO6dWnnDHs1tHSp/aws-to-charge-public-ipv4-addresses',
    'Effective February 1, 2024, every resource with a Public IPv4 address (NAT Gateway, EC2 Instance, Load balancer, VPN etc.) will be charged $0.005 per IP per hour.'),
  v('eks.cluster.standard', 0.1, 'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
    'AWS Containers blog (read through a mirror that renders "Amazon" as "HAQM"): "Pricing for clusters running Kubernetes versions in standard support is unchanged — you will continue to pay $0.10 per cluster per hour." (also vantage.sh: "$0.10 per cluster per hour for standard support")'),
  v('eks.cluster.extended', 0.6, 'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
    'AWS Containers blog (read through a mirror that renders "Amazon" as "HAQM"): "clusters running on a Kubernetes version in the extended support window will be charged a total of $0.60 per cluster per hour, effective from the April 2024 billing cycle" (also vantage.sh: "$0.60 per cluster per hour for extended support")'),
];

const READ_ADDED = '2026-12-06';
const v2 = (id: string, usd: number, source: string, evidence: string): VerifiedPrice => ({ ...v(id, usd, source, evidence), read: READ_ADDED });
const R53 = 'https://github.com/api-evangelist/amazon-route53-resolver/blob/main/plans/amazon-route53-resolver-plans-pricing.yml';
const R53_FROM = 'A verbatim transcription of https://aws.amazon.com/route53/pricing/ read 2026-09-20 ("every price_text was found verbatim in the fetched page text")';
const AGENTLAB = 'https://github.com/danielpuri1901/agentlab/blob/main/docs/research/aws-infra-pricing.md';
const AGENTLAB_FROM = 'Research date 2026-08-16, read from the AWS Price List offer files, us-east-1 column';
const ELB_PAGE = 'https://github.com/api-evangelist/amazon-elastic-load-balancing/blob/main/plans/amazon-elastic-load-balancing-plans-pricing.yml';
const APIGW = 'https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html';
const WAF = 'https://awsnegotiations.com/waf-pricing-strategy.html';

/** Prices added for the questions asked most after the first table (Route 53 to EFS), read a day later. */
const ADDED: readonly VerifiedPrice[] = [
  v2('route53.hosted-zone', 0.5, R53,
    `${R53_FROM}: "Hosted Zones (first 25) … $0.50 per hosted zone per month for the first 25 hosted zones" (also ns1.com: "$0.50 per hosted DNS zone / month for the first 25 hosted zones, $0.10 for additional zones")`),
  v2('route53.queries.standard', 0.4, R53,
    `${R53_FROM}: "Standard Queries (AWS Regions) … $0.40 per million queries (first 1 billion queries per month)" (also cloudburn.io: "Route 53 charges $0.40 per million queries for standard records")`),
  v2('route53.health-check.aws', 0.5, R53,
    `${R53_FROM}: "Basic health checks (AWS endpoints) … $0.50 per health check per month … up to 50 health checks for AWS endpoints free"`),
  v2('secrets-manager.secret', 0.4, 'https://hivebook.wiki/wiki/aws-secrets-manager-rotated-secrets-dynamic-db-credentials-kms',
    'Pricing is $0.40 per secret per month + $0.05 per 10k API calls (also a project cost note "Current official references checked on 2026-05-21: AWS Secrets Manager: USD 0.40 per secret per month and USD 0.05 per 10,000 API calls in the pricing example. Source: https://aws.amazon.com/secrets-manager/pricing/"; neither names a Region)'),
  v2('secrets-manager.api', 0.05, 'https://hivebook.wiki/wiki/aws-secrets-manager-rotated-secrets-dynamic-db-credentials-kms',
    'Pricing is $0.40 per secret per month + $0.05 per 10k API calls (also the 2026-05-21 cost note: "USD 0.05 per 10,000 API calls in the pricing example")'),
  v2('kms.key', 1, 'https://aws.amazon.com/kms/pricing/',
    'Each AWS KMS key that you create in AWS KMS costs $1/month (prorated hourly). The $1/month charge is the same for symmetric keys, asymmetric keys, HMAC keys, multi-Region keys … (also factualminds.com, "KMS pricing breakdown — us-east-1, June 2026": "$1/month per customer-managed key")'),
  v2('kms.requests.symmetric', 0.03, 'https://www.factualminds.com/blog/aws-kms-pricing-keys-requests-multi-region/',
    'KMS pricing breakdown — us-east-1, June 2026 … "$1/month per customer-managed key, $0.03 per 10K requests, free tier of 20,000 requests" (also wring.co, March 2026: "Symmetric key requests | 20,000/month | $0.03" per 10,000 requests)'),
  v2('athena.sql.scanned', 5, 'https://aws.amazon.com/athena/pricing/',
    'Read through a public transcription of the page dated 2026-10-03: "Price per TB, US East (N. Virginia): 5.00 USD per TB of data scanned … You are charged for the number of bytes scanned per query, rounded up to the nearest megabyte, with a 10 MB minimum per query." (also rcpedia.stanford.edu: "$5 per TB of data scanned, rounded up to the nearest megabyte, 10MB minimum per query")'),
  v2('cloudwatch.logs.ingestion', 0.5, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonCloudWatch, publicationDate 2026-08-06): "Logs ingestion, Standard class | $0.50 per GB" (also cloudburn.io, US East, February 2026)`),
  v2('cloudwatch.logs.storage', 0.03, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonCloudWatch, publicationDate 2026-08-06): "Logs storage | $0.03 per GB-month"`),
  v2('cloudwatch.logs.insights', 0.005, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonCloudWatch, publicationDate 2026-08-06): "Logs Insights data scanned | $0.005 per GB" (also cloudcostcutter.cloud, 2026: "Logs Insights bills $0.005 per GB scanned")`),
  v2('cloudwatch.alarm.standard', 0.1, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonCloudWatch, publicationDate 2026-08-06): "Standard resolution alarm | $0.10 per alarm-month"`),
  v2('cloudwatch.metric.custom', 0.3, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonCloudWatch, publicationDate 2026-08-06): "Custom metrics, first 10,000 | $0.30 per metric-month" (also signoz.io, February 2026: "$0.30/month for the first 10,000")`),
  v2('api-gateway.http.requests', 1, APIGW,
    'HTTP … API calls (us-east-1); First 300 million requests (per month): $1.00 (per million) (also go-cloud.io, 2026: "HTTP API costs $1.00 per million requests. REST API costs $3.50 per million.")'),
  v2('api-gateway.rest.requests', 3.5, APIGW,
    'REST … API calls: First 333 million requests (per month): $3.50 (per million) (also go-cloud.io, 2026: "REST API costs $3.50 per million"; awsforengineers.com: "REST APIs $3.50/million (first 333M)" under "Base Pricing (US East)")'),
  v2('elb.alb.hour', 0.0225, AGENTLAB,
    `${AGENTLAB_FROM} (offer AWSELB, publicationDate 2026-07-20): "Application Load Balancer per hour | $0.0225" (also the transcription of the ELB pricing page's US-East-1 examples, 2026-09-20: "$0.0225 hourly charge")`),
  v2('elb.alb.lcu', 0.008, AGENTLAB,
    `${AGENTLAB_FROM} (offer AWSELB, publicationDate 2026-07-20): "ALB capacity unit (LCU) per hour | $0.008" (also ${ELB_PAGE}: "$0.008 per LCU")`),
  v2('elb.nlb.hour', 0.0225, AGENTLAB,
    `${AGENTLAB_FROM} (offer AWSELB, publicationDate 2026-07-20): "Network Load Balancer per hour | $0.0225" (also awsnegotiations.com, May 2026: "Network LB (NLB) | $0.0225 / hour")`),
  v2('elb.nlb.nlcu', 0.006, ELB_PAGE,
    'A transcription of https://aws.amazon.com/elasticloadbalancing/pricing/ read 2026-09-20, prices "stated in the page\'s pricing examples for US-East-1": "Network Load Balancer - NLCU … $0.006 per NLCU" (also awsnegotiations.com, May 2026: "$0.006 per NLCU-hour")'),
  v2('step-functions.standard.transitions', 0.025, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonStates, publicationDate 2025-08-28): "Standard, per state transition | $0.000025" and "Standard free tier | 4,000 transitions per month" ($0.025 per 1,000)`),
  v2('eventbridge.custom-events', 1, AGENTLAB,
    `${AGENTLAB_FROM} (offer AWSEvents, publicationDate 2026-05-29): "Custom events published | $1.00 per million"`),
  v2('ecr.storage', 0.1, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonECR, publicationDate 2025-11-21): "ECR storage is $0.10 per GB-month in all three regions"`),
  v2('vpc.interface-endpoint.hour', 0.01, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonVPC, publicationDate 2026-07-24): "Interface endpoint per hour | $0.010" … "interface endpoints bill per hour per availability zone"`),
  v2('vpc.interface-endpoint.data', 0.01, AGENTLAB,
    `${AGENTLAB_FROM} (offer AmazonVPC, publicationDate 2026-07-24): "Interface endpoint data processing, up to 1 PB | $0.010 per GB"`),
  v2('waf.web-acl', 5, WAF,
    'WAF (v2 / WAFv2) in 2026 prices on three dimensions: Web ACL. $5/month per ACL. (the AWS Networking blog: "The pricing for AWS WAF is consistent across all AWS Regions."; also c3x.dev: "$5/month per Web ACL")'),
  v2('waf.rule', 1, WAF,
    'Rules. $1/month per rule within an ACL. (also c3x.dev: "$1/month per rule or managed rule group attached to the ACL")'),
  v2('waf.requests', 0.6, WAF,
    'Requests. $0.60 per million requests inspected. (also c3x.dev: "$0.60 per million web requests inspected by the ACL")'),
  v2('efs.standard.storage', 0.3, 'https://www.factualminds.com/blog/amazon-efs-pricing-throughput-modes-storage-classes/',
    'EFS pricing breakdown — us-east-1, June 2026 … Standard storage Multi-AZ; the most expensive tier | $0.30 / GB-month (also cloudburn.io, March 2026, US East (N. Virginia): "EFS Standard costs $0.30/GB-month")'),
  v2('transit-gateway.attachment', 0.05, 'https://c3x.dev/blog/aws-transit-gateway-cost-explained/',
    'Transit Gateway costs $0.05/hour per attachment (~$36.50/month each) + $0.02/GB processed. (also awsnegotiations.com: "VPC attachment (hourly) | $0.05 / hour"; usage.ai, "All rates are for US East (N. Virginia), May 2026")'),
  v2('transit-gateway.data', 0.02, 'https://c3x.dev/blog/aws-transit-gateway-cost-explained/',
    'Data processing: $0.02 per GB flowing through the gateway, on top of any inter-AZ/inter-region transfer fees. (also awsnegotiations.com: "Data processing fee | $0.02 / GB")'),
  v2('systems-manager.advanced-parameter', 0.05, 'https://think-with-tech.blogspot.com/2025/10/aws-systems-manager-parameter-store-ssm_94.html',
    'Pricing (Storage) | No additional charge | $0.05 per parameter per month (standard | advanced tier; the Systems Manager user guide: standard "No additional charge", advanced "Charges apply")'),
];

export const VERIFIED_PRICES: readonly VerifiedPrice[] = [...FIRST_TABLE, ...ADDED];
