/**
 * Answering the question that was asked (issue 10): the answer bank's entry leads, found by
 * retrieval, including in conversations; a how-to nothing answers says so in one line.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/bot.js';
import { renderText } from '../../../src/render/text.js';
import { firstScreen } from '../../../src/cli/channel-score.js';
import { LEAD_AT } from '../../../src/core/retrieval/retriever.js';
import { verdictFirst } from '../../../src/core/answer/direct.js';
import { newBot, realKnowledge } from '../../helpers/knowledge.js';

const bot = newBot();
const screen = (r: Reply) => firstScreen(renderText(r.answer, { width: 100, color: false }));
let conversations = 0;
async function chat(...turns: string[]): Promise<Reply[]> {
  const id = `direct-${conversations++}`;
  const replies: Reply[] = [];
  for (const t of turns) replies.push(await bot.ask(t, id));
  return replies;
}

describe('the questions issue 10 found answered beside the point', () => {
  it.each([
    ['how long does sqs hold on to messages if nobody consumes them', 'sqs-message-retention', [/4 days/, /14 days/]],
    ['how do i give my lambda permission to read one dynamodb table', 'dynamodb-lambda-access-one-table', [/execution role/i]],
    ['how do I invalidate the CloudFront cache', 'cloudfront-invalidation', [/create-invalidation/]],
    ['who deleted my EC2 instance?', 'cloudtrail-who-deleted-resource', [/CloudTrail/]],
    ['lambda in a vpc times out calling dynamodb', 'lambda-vpc-no-internet', [/gateway endpoint|NAT/i]],
  ] as const)('"%s" leads with %s', async (question, entry, patterns) => {
    const [reply] = await chat(question);
    expect(reply!.answer.entry).toBe(entry);
    const text = screen(reply!);
    for (const p of patterns) expect(text).toMatch(p);
    expect(text.split('\n').length).toBeLessThanOrEqual(20);
  });

  it('a how-to that names two services is answered, not turned into their comparison', async () => {
    const [reply] = await chat('how do i give a pod in eks access to an s3 bucket');
    expect(reply!.answer.entry).toMatch(/^eks-pod-identity/);
    expect(screen(reply!)).toMatch(/Pod Identity/);
  });

  it('a choice within one service ("rest api or http api … for our lambda backend") is that service\'s decision, not a comparison with Lambda', async () => {
    const [reply] = await chat('rest api or http api in api gateway for our lambda backend? we need jwt auth, nothing fancy');
    expect(reply!.understanding.betweenServices).toBe(false);
    expect(reply!.answer.entry).toBe('api-gateway-rest-vs-http');
    // A choice between the named services keeps needing an entry about both.
    const [cron] = await chat('cron jobs: eventbridge scheduler or keep crontab on an ec2 box?');
    expect(cron!.understanding.betweenServices).toBe(true);
    expect(cron!.answer.entry ?? '').not.toMatch(/^emr/);
    // Four services named and the closest match weighs one of them: a decision close behind that weighs them answers.
    const [backups] = await chat('central backup policies and immutable copies for rds, dynamodb and efs: their own snapshots or aws backup?');
    expect(backups!.understanding.intent).toBe('compare');
    expect(backups!.answer.entry).toMatch(/^backup-(vs-rds-automated-backups|aws-backup-vs-dlm-snapshots)$/);
    expect(screen(backups!)).toMatch(/AWS Backup/);
    // A long question naming another service first: the choice is still within Step Functions.
    const [express] = await chat('processing ~20k iot events/sec, each workflow is 3 quick lambda steps < 2s total. step functions standard or express?');
    expect(express!.answer.entry).toBe('step-functions-standard-vs-express');
  });

  it('a question asking a number about two services is no comparison ("whats the max batch size i can use for sqs lambda")', async () => {
    const [reply] = await chat('whats the max batch size i can use for sqs lambda');
    expect(reply!.answer.entry).toBe('sqs-lambda-batch-size');
    expect(screen(reply!)).toMatch(/10,000/);
  });

  it('an answer about both services named beats one about another service that shares the symptom', async () => {
    // Secrets Manager's "GetSecretValue hangs in a private subnet" shares the words; only the Lambda
    // entry is about Lambda and S3 both.
    const [reply] = await chat('lambda in our vpc just hangs on s3.getObject until it times out. works fine outside the vpc. private subnets, no nat');
    expect(reply!.answer.entry).toBe('lambda-vpc-no-internet');
    expect(screen(reply!)).toMatch(/gateway (VPC )?endpoint/i);
  });

  it('a plain comparison stays a comparison', async () => {
    const [reply] = await chat('difference between sqs and sns');
    expect(reply!.answer.entry).toBeUndefined();
    expect(reply!.answer.title).toBe('Amazon SQS vs Amazon SNS');
  });
});

describe('a decision says its verdict outright', () => {
  it('a lead opening with the service it recommends reads "Use …"; one opening with a condition or a verb stays', async () => {
    const k = realKnowledge();
    expect(verdictFirst(k, 'ECS for a small team without Kubernetes expertise: simpler to run.')).toBe('Use ECS for a small team without Kubernetes expertise: simpler to run.');
    expect(verdictFirst(k, 'Athena: pay per TB scanned.')).toBe('Use Athena: pay per TB scanned.');
    for (const lead of ['Existing Kafka apps or portability: MSK.', 'Turn on point-in-time recovery for every production table.', 'Already on Terraform (other clouds): use it for AWS too.', 'Lambda functions time out after 15 minutes.']) expect(verdictFirst(k, lead)).toBe(lead);
    const [reply] = await chat('platform team of 6, no kubernetes experience. eks or ecs?');
    expect(reply!.answer.summary).toMatch(/^Use ECS for a small team/);
  });
});

describe('answers that outrank a general reading', () => {
  it('a sure decision that mentions cost leads, with the prices after it ("nat gateway in each az or one for cost")', async () => {
    const [reply] = await chat('nat gateway in each az or one for cost');
    expect(reply!.answer.entry).toBe('vpc-nat-per-az-or-single');
    const lines = screen(reply!).split('\n');
    expect(lines.slice(0, 5).join('\n')).toMatch(/one NAT gateway per AZ/i);
    expect(screen(reply!)).toMatch(/List prices/);
  });

  it('a product set against the AWS service that runs it, asked as the bank stores it, gets the bank\'s decision', async () => {
    const [reply] = await chat('amazon mq activemq vs rabbitmq');
    expect(reply!.answer.entry).toBe('mq-activemq-vs-rabbitmq');
    // Another cloud still gets the counterpart comparison.
    const [azure] = await chat('s3 vs azure blob');
    expect(azure!.answer.entry).toBeUndefined();
  });
});

describe('a choice between two services', () => {
  it('"X or Y?" gets the bank\'s decision between them; a bare "X vs Y" keeps the side-by-side comparison', async () => {
    const [choice] = await chat('kinesis data streams or firehose?');
    expect(choice!.answer.entry).toBe('kinesis-data-streams-vs-firehose');
    expect(screen(choice!).split('\n').slice(0, 4).join(' ')).toMatch(/Firehose if you only need to deliver/);
    const [table] = await chat('sqs vs sns');
    expect(table!.answer.entry).toBeUndefined();
    // Of several decisions weighing both, the one closest to the question's words.
    const [small] = await chat('ECS or Fargate for a small team?');
    expect(small!.answer.entry).toBe('ecs-fargate-vs-ec2-capacity');
  });
});

describe('in a conversation', () => {
  it('"which one keeps ordering?" after "sqs vs kinesis" picks between those two, never lists services or strays', async () => {
    const [, which] = await chat('sqs vs kinesis', 'which one keeps ordering?');
    expect(which!.understanding.intent).toBe('compare');
    expect(which!.understanding.services).toEqual(['sqs', 'kinesis']);
    expect(screen(which!)).toMatch(/FIFO|order/i);
    expect(screen(which!)).not.toMatch(/Aurora/);
    // The verdict weighing both leads: order per shard (Kinesis) or per message group (SQS FIFO).
    const lead = screen(which!).split('\n').slice(0, 6).join(' ');
    expect(lead).toMatch(/per\s+shard/);
    expect(lead).toMatch(/MessageGroupId|message group/);
  });


  it('a short follow-up continues the question asked, even when the first answer was a near miss ("and if we batch?")', async () => {
    const [, batch] = await chat('whats the throughput limit on an sqs fifo queue', 'and if we batch?');
    expect(batch!.understanding.followUp).toBe(true);
    expect(screen(batch!).split('\n').slice(0, 8).join('\n')).toMatch(/3,000/);
  });

  it('"and if …" naming a service the last answer involved is a follow-up, not a new question about that service', async () => {
    const [first, kms] = await chat('how do i give another aws account access to my s3 bucket', 'and if the bucket uses sse-kms?');
    expect(first!.answer.entry).toBe('s3-cross-account-access');
    expect(kms!.understanding.followUp).toBe(true);
    expect(screen(kms!)).toMatch(/key policy/i);
  });

  it('a terse turn in a thread ("cross region?") continues the conversation instead of starting a recommendation', async () => {
    const [, terse] = await chat('how do i enable point in time recovery on a dynamodb table', 'cross region?');
    expect(terse!.understanding.followUp).toBe(true);
    expect(terse!.understanding.intent).not.toBe('recommend');
    expect(terse!.answer.entry).toMatch(/^dynamodb-/);
  });

  it('a question in a thread that asks for no service in general goes on with the last answer ("which endpoints exactly?")', async () => {
    const [first, which] = await chat('ecs fargate task fails with CannotPullContainerError i/o timeout, tasks run in private subnets', 'no nat here, which endpoints exactly?');
    expect(first!.answer.entry).toBe('ecr-cannot-pull-from-ecs');
    expect(which!.understanding.intent).not.toBe('recommend');
    expect(screen(which!).split('\n').slice(0, 20).join('\n')).toMatch(/ecr\.dkr/);
  });

  it('after a question about one service answered by another\'s entry, "it" can be that other service ("does it log s3 object reads too?")', async () => {
    const [first, reads] = await chat('how do i find who deleted one of our ec2 instances yesterday', 'does it log s3 object reads too?');
    expect(first!.answer.entry).toBe('cloudtrail-who-deleted-resource');
    expect(reads!.answer.entry).toBe('cloudtrail-data-events');
  });

  it('"can i scp files through it?" after Session Manager is the copy command, not a service control policy', async () => {
    const [, scp] = await chat('how do i ssh into a private ec2 without a bastion', 'can i scp files through it?');
    expect(scp!.understanding.services).not.toContain('organizations');
    // The SSH-over-Session-Manager how-to, or the verdict the first question got, which says scp works through EC2 Instance Connect Endpoint.
    expect(scp!.answer.entry).toMatch(/^(systems-manager-ssh-over-session-manager|ec2-instance-connect-endpoint-vs-session-manager)$/);
    expect(screen(scp!)).toMatch(/\bscp\b/);
  });

  it('"it" then means what the last answer was about', async () => {
    const [, which, longest] = await chat('whats the difference between sqs and sns', 'which one keeps messages if the consumer is down', 'and whats the longest it can hold them');
    expect(which!.answer.entry).toBe('sqs-message-retention');
    expect(longest!.answer.entry).toBe('sqs-message-retention');
    expect(screen(longest!)).toMatch(/14 days/);
  });

  it('a follow-up with "it" continues the last answer\'s topic, even when it reads like a request for help', async () => {
    const [first, off] = await chat('how do i enable versioning on an s3 bucket', 'can i turn it off later?');
    expect(first!.answer.entry).toBe('s3-enable-versioning');
    expect(off!.understanding.followUp).toBe(true);
    expect(screen(off!)).toMatch(/suspend/i);
  });

  it('a follow-up asking a limit with hardly a word of its own re-reads the last answer ("how high can it go?")', async () => {
    const [first, high] = await chat("what's the default visibility timeout on a new sqs queue", 'how high can it go');
    expect(first!.answer.entry).toBe('sqs-visibility-timeout');
    expect(high!.answer.entry).toBe('sqs-visibility-timeout');
    expect(screen(high!)).toMatch(/12 hours/);
  });

  it("the last answer's words raise related answers but never outvote the question's own words", async () => {
    // After Google sign-in, "tokens" still means token lifetimes, not another identity-pool how-to.
    const [, google, tokens] = await chat("what's cognito", 'does it support login with google?', 'how long do the tokens last');
    expect(google!.answer.entry).toBe('cognito-google-sign-in');
    expect(tokens!.answer.entry).toBe('cognito-token-expiration');
  });

  it('a sure answer about one of two compared services narrows "it"; a closest guess does not', async () => {
    const [, guess, next] = await chat('dynamodb vs elasticache for caching', 'which scales better?', 'what about latency');
    expect(guess!.understanding.services).toEqual(['dynamodb', 'elasticache']);
    expect(next!.understanding).toMatchObject({ intent: 'compare', services: ['dynamodb', 'elasticache'], aspect: 'performance' });
  });
});

describe('a conversation is about what the last answer said', () => {
  it('"which one costs money?" after gateway vs interface endpoints prices the interface endpoint', async () => {
    const [first, next] = await chat('whats the actual difference between a gateway endpoint and an interface endpoint', 'which one costs money?');
    expect(first!.answer.entry).toBe('vpc-gateway-vs-interface-endpoint');
    expect(next!.understanding.services).toEqual(['vpc']);
    expect(next!.answer.priced).toBe('vpc.interface-endpoint.hour');
    expect(screen(next!)).toMatch(/\$0\.01 per hour — one interface VPC endpoint/);
  });

  it('a follow-up after a bank answer read as help stays with that answer, not a stray guess', async () => {
    const [first, next] = await chat('is there a way to see which permissions a role actually uses so we can trim it', 'how far back does it look?');
    expect(first!.answer.entry).toBe('iam-find-unused-permissions');
    expect(next!.understanding.services).toContain('iam');
    expect(next!.answer.entry).toBe('iam-find-unused-permissions');
  });

  it('"what if compliance wants them kept for a year" keeps the backup topic rather than an RDS security overview', async () => {
    const [, next] = await chat('how long do rds automated backups stick around', 'what if compliance wants them kept for a year');
    expect(next!.answer.entry).toMatch(/^(rds-backup-retention|backup-rds-long-term-retention)$/);
    expect(screen(next!)).toMatch(/manual snapshots?|AWS Backup/);
  });

  it('"and kinesis?" after "how long does sqs keep messages" asks the same question about Kinesis', async () => {
    const [, next] = await chat('how long does sqs keep messages', 'and kinesis?');
    expect(next!.understanding.services).toEqual(['kinesis']);
    expect(next!.answer.entry).toBe('kinesis-retention-period');
    // "and from lambda?" uses Lambda with EFS: both are the context, and the last answer itself is not the answer.
    const [, fromLambda] = await chat('efs mount hangs from ec2: mount.nfs4: Connection timed out', 'and from lambda?');
    expect(fromLambda!.answer.entry).not.toBe('efs-mount-timeout');
    expect(fromLambda!.answer.title).toMatch(/EFS/);
    expect(screen(next!)).toMatch(/24 hours[\s\S]*365\s+days/);
  });

  it('a follow-up that turns to another service asks about that one ("ok and secrets manager? is there a gateway one for that too")', async () => {
    const [, next] = await chat('s3 access denied after adding vpc gateway endpoint', 'ok and secrets manager? is there a gateway one for that too');
    expect(next!.understanding.services).toEqual(['secrets-manager']);
    expect(next!.answer.entry).toBe('secrets-manager-vpc-endpoint');
    expect(screen(next!)).toMatch(/interface VPC endpoint/i);
  });

  it('a new question naming another service prefers answers that also concern the conversation\'s service', async () => {
    const [, next] = await chat('how do i use session manager on ec2 instances in private subnets with no nat', 'how do i log every session to s3 for audit');
    expect(next!.answer.entry).toBe('systems-manager-session-logging');
    // Without the conversation the same words are a less sure reading.
    const [alone] = await chat('how do i log every session to s3 for audit');
    expect(alone!.understanding.match!.confidence).toBeLessThan(next!.understanding.match!.confidence);
  });

  it('"config items" names AWS Config ("lambda ENIs are generating tons of config items")', async () => {
    const [reply] = await chat('lambda ENIs are generating tons of config items, can we make it cheaper');
    expect(reply!.understanding.services).toContain('config');
    // The general cost entry, or the one on excluding noisy resource types such as ENIs.
    expect(reply!.answer.entry).toMatch(/^config-(cost-high|recorder-exclude-and-daily)$/);
  });

  it('"alias record" names Route 53, and an alias record\'s TTL is the target\'s', async () => {
    const [reply] = await chat('what ttl should i put on the alias record to our alb?');
    expect(reply!.understanding.services).toEqual(expect.arrayContaining(['route53', 'elb']));
    expect(screen(reply!)).toMatch(/no TTL of their own[\s\S]*60 seconds/);
  });

  it('"same for fifo queues?" asks the last question again, for FIFO queues', async () => {
    const [, , same] = await chat('whats the max visibility timeout on an sqs queue', 'and the default?', 'same for fifo queues?');
    expect(same!.understanding.followUp).toBe(true);
    expect(same!.answer.entry).toBe('sqs-visibility-timeout');
    // "same for aurora?" followed by a clause of its own still asks the last question, about Aurora.
    const [, aurora] = await chat('max automated backup retention on rds postgres?', 'same for aurora? can i set it to 0 on dev to save money');
    expect(screen(aurora!)).toMatch(/Aurora backups .{0,80}1-35 days/);
  });

  it('"how much would that run us?" after a fix that adds a NAT gateway prices the NAT gateway, not the function', async () => {
    const [, price] = await chat('payments lambda in private subnets times out calling api.stripe.com, works fine when we take it out of the vpc', 'how much would that run us per month? us-east-1');
    expect(price!.answer.priced).toBe('vpc.nat-gateway.hour');
    expect(screen(price!)).toMatch(/\$0\.045 per hour/);
  });

  it('"what does nat charge per gb?" in a conversation about S3 and RDS prices the NAT gateway the words name', async () => {
    const [, , price] = await chat('our NAT gateway bill is bigger than our RDS bill lol. most of the traffic is app servers pulling files from s3. options?', 'cli to add it?', 'what does nat charge per gb anyway, roughly?');
    expect(price!.answer.priced).toBe('vpc.nat-gateway.data');
    expect(screen(price!)).toMatch(/\$0\.045 per GB/);
  });

  it('a bank answer to a question that mentions money lists first the prices of the item the question names', async () => {
    const [reply] = await chat('are logs insights queries billed? we run a lot over a week of logs');
    expect(reply!.answer.entry).toBe('cloudwatch-logs-insights-cost');
    const prices = reply!.answer.sections.find((sec) => sec.prices);
    expect(prices!.bullets![0]).toMatch(/Logs Insights/);
  });

  it('"and alarms?" after an answer with CloudWatch prices prices the alarms; a how-to that says "put" prices nothing', async () => {
    const [first, alarms] = await chat('are logs insights queries billed? we run a lot over a week of logs', 'and alarms? we want ~40 standard-resolution ones');
    expect(first!.answer.priced).toBe('cloudwatch.logs.insights');
    expect(alarms!.answer.priced).toBe('cloudwatch.alarm.standard');
    expect(screen(alarms!)).toMatch(/\$0\.10 per month/);
    const [, domain] = await chat('cheapest way to host a static react app on aws', 'ok how do i put my own domain on it');
    expect(domain!.answer.priced).toBeUndefined();
  });

  it('"is that per region?" answers where the last answer applies, yes or no first: per Region, or account-wide for a global service', async () => {
    const [, lambda] = await chat('lambdas failing with TooManyRequestsException: Rate Exceeded during a big backfill', 'is that per region?');
    expect(lambda!.understanding.detail).toBe('scope');
    expect(lambda!.answer.summary).toMatch(/^Yes: per account and per Region/);
    expect(screen(lambda!)).toMatch(/1,000/);
    expect(lambda!.answer.sources.map((l) => l.url)).toContain('https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html');
    const [, iam] = await chat('how many iam roles can i have', 'is that per region?');
    expect(iam!.answer.summary).toMatch(/^No: account-wide\. IAM is a global service/);
    // An answer marked account-wide although its service is Regional: S3's bucket quota.
    const [, buckets] = await chat('planning one s3 bucket per customer, ~3k customers. will we hit a bucket limit?', 'is that per region?');
    expect(buckets!.answer.summary).toMatch(/^No: account-wide\. This one applies to the whole account/);
    // Whether something works across Regions is another question, not where a quota applies.
    const [, across] = await chat('40 vpcs in 8 accounts all need to talk. peering or transit gateway?', 'does it work across regions too?');
    expect(across!.understanding.detail).toBeUndefined();
  });

  it('"cost?" prices the service the last answer brought in, not the one the conversation started with', async () => {
    const [, , cost] = await chat('how do i rotate the rds postgres master password automatically, its hardcoded in an env var rn', 'will our app break mid-rotation', 'cost?');
    expect(cost!.understanding.services).toEqual(['rds']);
    expect(cost!.answer.priced).toBe('secrets-manager.secret');
    expect(screen(cost!)).toMatch(/^Secrets Manager: price/);
    // A question that names the conversation's service asks about that one.
    const [, rds] = await chat('how do i rotate the rds postgres master password automatically, its hardcoded in an env var rn', 'how much is the rds instance itself per month?');
    expect(rds!.answer.priced).toMatch(/^rds\./);
  });

  it('a bill that jumped is a cost problem to fix, not a request for the price list', async () => {
    const [spike] = await chat('cloudtrail costs 5x since security enabled s3 data events on all buckets. our product-image bucket alone gets billions of GetObject calls');
    expect(spike!.answer.entry).toMatch(/^cloudtrail-data-events/);
    expect(screen(spike!)).not.toMatch(/^.*price in/);
    const [price] = await chat('how much does s3 standard storage cost per gb');
    expect(price!.answer.priced).toBe('s3.standard.storage');
  });

  it('"which is cheaper for those 2 then" after peering or a transit gateway is no NAT gateway price', async () => {
    const [, , cheaper] = await chat('tgw or vpc peering to connect just 2 vpcs?', 'does peering do transitive routing?', 'which is cheaper for those 2 then');
    // The verdict on the two leads; beside it only the price of the item it names (the attachment), never VPC's NAT gateway.
    expect(cheaper!.answer.entry).toBe('vpc-peering-vs-transit-gateway');
    expect(cheaper!.answer.priced).not.toMatch(/^vpc\./);
    expect(cheaper!.answer.summary).not.toMatch(/^\$/);
  });

  it('"any free tier?" right after a price answers with that item\'s free tier', async () => {
    const [first, free] = await chat('how much does a cloudwatch alarm cost', 'any free tier?');
    expect(free!.answer.priced).toBe(first!.answer.priced);
    expect(screen(free!).replace(/\s+/g, ' ')).toMatch(/10 alarm metrics a month are free/);
  });

  it('a price answered for a bank entry keeps that entry as the conversation\'s topic', async () => {
    const [first, next] = await chat('do route 53 alias queries cost anything', 'how is it billed then');
    expect(first!.answer.priced).toBeDefined();
    expect(next!.understanding.followUp).toBe(true);
    expect(next!.understanding.topic).toBe(first!.understanding.match!.id);
  });

  it('"does that work for rds passwords?" after a rotation answer stays on rotation, for RDS', async () => {
    const [, next] = await chat('how do i rotate a secret in secrets manager', 'does that work for rds passwords?');
    expect(next!.answer.entry).toBe('secrets-manager-rotation');
    expect(next!.answer.title).toMatch(/RDS/);
  });

  it('a follow-up comparison is not read as the last how-to asked again ("how does it compare to EBS?")', async () => {
    const [, , third, fourth] = await chat("what's EFS?", 'is data encrypted in transit too?', 'how does it compare to EBS?', 'ok which one is cheaper');
    expect(third!.understanding.match?.practical ?? false).toBe(false);
    expect(fourth!.understanding).toMatchObject({ intent: 'compare', services: ['efs', 'ebs'], aspect: 'pricing' });
  });

  it('"whats the max with an iam user?" after the presigned-URL answer stays on that answer, which involves IAM', async () => {
    const [first, next] = await chat('presigned s3 url stops working after ~1 hour with ExpiredToken, but i set expires to 7 days', 'whats the max with an iam user?');
    expect(first!.answer.entry).toBe('s3-presigned-url-expires-early');
    // That answer, or the presigned-URL how-to, which states the same maximum: still about presigned URLs.
    expect(next!.answer.entry).toMatch(/^s3-presigned-url/);
    expect(screen(next!)).toMatch(/7 days/);
  });

  it('"what about in the console?" in a thread stays on the last answer; "what can you do?" is still a request for help', async () => {
    const [first, console, help] = await chat('cfn stack stuck in UPDATE_ROLLBACK_FAILED after someone deleted the rds instance by hand', 'what about in the console?', 'what can you do?');
    expect(console!.understanding.followUp).toBe(true);
    expect(console!.answer.entry).toBe(first!.answer.entry);
    expect(help!.understanding.intent).toBe('help');
  });

  it('"aws version of heroku redis" asks for what Redis is on AWS: the provider is only where it runs today', async () => {
    const [redis] = await chat('whats the aws version of heroku redis? we use it for sidekiq + rails cache');
    expect(redis!.understanding.intent).not.toBe('out_of_scope');
    expect(redis!.understanding.services).toContain('elasticache');
    expect(screen(redis!)).toMatch(/ElastiCache/);
    // Azure and Google Cloud products map through the directory, as before.
    const [pubsub] = await chat("coming from gcp, what's the aws equivalent of pub/sub");
    expect(screen(pubsub!)).toMatch(/SNS|SQS/);
  });

  it('"and entra id?" after "aws equivalent of azure key vault" asks the same of Entra ID', async () => {
    const [, next] = await chat('whats the aws equivalent of azure key vault', 'and entra id?');
    expect(next!.understanding.intent).toBe('recommend');
    expect(next!.answer.summary).toMatch(/counterpart of Microsoft Entra ID is IAM/);
  });

  it('a follow-up with words of its own ("and cross-account?") gets the closest entry, never the overview of a service already discussed', async () => {
    const [, , next] = await chat('sns or eventbridge for routing order events to 4 consumers based on content', 'can eventbridge replay events?', 'and cross-account?');
    expect(next!.understanding.followUp).toBe(true);
    expect(next!.answer.entry).toBe('eventbridge-cross-account-targets');
  });

  it('"what permissions does it need?" after the private-EC2 access answer gets the closest entry about those services, not the EC2 security overview', async () => {
    const [, next] = await chat('how do i ssh into a private ec2 without a bastion', 'what permissions does it need?');
    expect(next!.answer.entry).toBe('ec2-private-access-permissions');
  });

  it('"how do i do that from the cli?" after a how-to shows that answer with its command first', async () => {
    const [first, next] = await chat('how do i turn on versioning for an s3 bucket', 'how do i do that from the cli?');
    expect(next!.answer.entry).toBe(first!.answer.entry);
    expect(next!.answer.sections[0]!.heading).toBe('Command');
    expect(next!.answer.sections[0]!.code).toMatch(/^aws s3api put-bucket-versioning/);
    // Without a previous answer, the same words are an ordinary question.
    const [alone] = await chat('how do i do that from the cli?');
    expect(alone!.understanding.detail).toBeUndefined();
    // "whats the exact cli" asks the same.
    const [, exact] = await chat('cfn stack stuck in UPDATE_ROLLBACK_FAILED, someone deleted a security group by hand', 'whats the exact cli');
    expect(exact!.answer.sections[0]!.heading).toBe('Command');
    expect(exact!.answer.sections[0]!.code).toMatch(/^aws cloudformation continue-update-rollback/);
    // So do the chat shorthands "cli command pls" and "cli?", never the help text.
    for (const ask of ['cli command pls', 'cli?', 'cli for the first part?']) {
      const [, short] = await chat('our csv export endpoint gets a 504 from the alb after exactly one minute', ask);
      expect(short!.answer.sections[0]!.heading).toBe('Command');
      expect(short!.answer.sections[0]!.code).toMatch(/modify-load-balancer-attributes/);
    }
    // Alone, "cli?" is no request for a command of nothing.
    const [bare] = await chat('cli?');
    expect(bare!.understanding.detail).toBeUndefined();
  });

  it('"cli?" after a fact about the task at hand gives the task\'s command, not the fact\'s', async () => {
    const [restore, window, cli] = await chat('someone ran a script against our prod dynamodb table 2h ago and overwrote items. pitr is enabled. how do we get the old values back', 'how far back can it go', 'cli?');
    expect(restore!.answer.entry).toBe('dynamodb-pitr-restore');
    expect(window!.answer.entry).toBe('dynamodb-pitr-retention');
    expect(cli!.answer.entry).toBe('dynamodb-pitr-restore');
    expect(cli!.answer.sections[0]!.code).toMatch(/^aws dynamodb restore-table-to-point-in-time/);
    // A fact asked on its own is no task: "cli?" after it shows the fact's own command.
    const [, own] = await chat('how far back can dynamodb pitr restore', 'cli?');
    expect(own!.answer.entry).toBe('dynamodb-pitr-retention');
  });

  it('"how\'s it different from cloudfront" after a describe compares, never answers an unrelated CloudFront error', async () => {
    const [, next] = await chat('what is aws global accelerator', "how's it different from cloudfront");
    expect(next!.understanding).toMatchObject({ intent: 'compare', services: ['global-accelerator', 'cloudfront'] });
    expect(next!.answer.entry).toBeUndefined();
  });

  it('"whats the gcp equivalent" names the counterpart of the service being discussed', async () => {
    const [, next] = await chat('how is athena priced', 'whats the gcp equivalent');
    expect(next!.understanding).toMatchObject({ intent: 'compare', services: ['athena'], followUp: true });
    expect(next!.answer.summary).toMatch(/^On Google Cloud, the counterpart of Amazon Athena is BigQuery\./);
    const [alone] = await chat('lambda vs azure');
    expect(alone!.answer.summary).toMatch(/^On Microsoft Azure, the counterpart of AWS Lambda is Azure Functions\./);
  });

  it('"and in eu-west-1?" after a price asks for the same item there, and says when that Region is not in the table', async () => {
    const [first, next] = await chat('how much does a nat gateway cost in us-east-1', 'and in eu-west-1?');
    expect(first!.answer.priced).toBe('vpc.nat-gateway.hour');
    expect(screen(next!)).toMatch(/no verified Amazon VPC prices for eu-west-1/);
    expect(screen(next!)).toMatch(/NAT gateway/);
  });

  it('"how do i make it cheaper" after a price is a how-to, not another price', async () => {
    const [, next] = await chat('how is athena priced', 'how do i make it cheaper, our queries scan like 2tb each');
    expect(next!.answer.title).not.toMatch(/price|cost estimate/i);
    expect(screen(next!)).toMatch(/Parquet/);
  });

  it('"athena pricing?" gives the dated list price beside the billing model', async () => {
    const [reply] = await chat('athena pricing?');
    expect(screen(reply!)).toMatch(/List prices, us-east-1, read \d{4}-\d\d-\d\d\n.*\$5\.00 per TB — Athena SQL queries/);
  });
});

describe('a migration is a how-to, not a comparison with where the data comes from', () => {
  it('"moving our postgres from heroku to rds" is answered from the bank', async () => {
    const [reply] = await chat('moving our 300gb postgres from heroku to rds, want less than 10 min downtime. how');
    expect(reply!.understanding.match?.practical).toBe(true);
    expect(reply!.answer.title).not.toMatch(/vs Heroku/);
  });
});

describe('a specific question the reading is unsure of', () => {
  it('gets the closest bank answer, marked so, rather than "rephrase" or small talk', async () => {
    const [reply] = await chat('security wants IMDSv2 enforced on every instance including future ones');
    expect(reply!.answer.entry).toBe('ec2-enforce-imdsv2');
    expect(screen(reply!)).toMatch(/http-tokens required/);
    const [vague] = await chat('hmm');
    expect(vague!.answer.entry).toBeUndefined();
  });

  it('a long question full of AWS words is answered from the bank though the reading calls it off topic; chatter is not', async () => {
    const [iot] = await chat("we're going to flash ~20k thermostats at the factory and don't want to generate a unique cert per unit on the line. how do devices get their own cert on first boot, and can we reject serials that aren't ours?");
    expect(iot!.answer.entry).toBe('iot-core-fleet-provisioning-by-claim');
    expect(screen(iot!)).toMatch(/claim/i);
    const [versions] = await chat('versioning is on for our master bucket (accidental delete protection) but now we have like 9 old versions of every re-exported file. how to keep only the last 2');
    expect(versions!.answer.entry).toBe('s3-lifecycle-noncurrent-versions');
    expect(screen(versions!)).toMatch(/NewerNoncurrentVersions|noncurrent/i);
    const [code] = await chat('can you write me a python function that sorts a list of dictionaries by the value of a key and prints the top ten entries nicely');
    expect(code!.understanding.intent).toBe('out_of_scope');
    expect(code!.answer.entry).toBeUndefined();
    // A short how-to in a few rare words is still off topic, not a guess from the bank.
    const [css] = await chat('how do i center a div in css');
    expect(css!.answer.entry).toBeUndefined();
  });

  it('"instead of" between two settings is no comparison of the services named when the bank holds a sure answer', async () => {
    const [alb] = await chat('ecs service autoscaling on requests per task from the alb instead of cpu?');
    expect(alb!.answer.entry).toBe('ecs-service-auto-scaling');
    expect(screen(alb!)).toMatch(/ALBRequestCountPerTarget/);
    // Between two services it still weighs them.
    const [pick] = await chat('should i use ecs or eks');
    expect(pick!.understanding).toMatchObject({ intent: 'compare', services: ['ecs', 'eks'] });
  });

  it('options or tiers of the service named, weighed with "vs", are no comparison with something unknown', async () => {
    const [ivs] = await chat('ivs channel type: most of our viewers are on phones w/ crappy connections and the content is mostly talking heads. standard vs advanced_sd vs advanced_hd? trying to keep cost down');
    expect(ivs!.understanding).toMatchObject({ intent: 'describe', services: ['ivs'] });
    expect(ivs!.answer.entry).toBe('ivs-channel-types');
    const [tiers] = await chat('cognito lite vs essentials: we need access token customization (tenant claims) and passwordless email otp. which tier');
    expect(tiers!.understanding.services).toEqual(['cognito']);
    // A service set against an unknown product right next to "vs" still is one.
    const [other] = await chat('sqs vs zorblatt');
    expect(other!.understanding.intent).toBe('out_of_scope');
  });

  it('"biggest … i can configure" asks a limit: the fact answer leads, not a fix', async () => {
    const [reply] = await chat('biggest lambda i can configure? memory + timeout');
    expect(reply!.answer.entry).toMatch(/^lambda-(memory-cpu|timeout-max)$/);
    expect(reply!.understanding.match!.kind).toBe('fact');
    expect(screen(reply!)).toMatch(/10,?240 MB/);
  });
});

describe('another cloud\'s product on AWS', () => {
  it('a sure bank answer about a mapping the directory lacks leads ("aws version of azure managed identities")', async () => {
    const [reply] = await chat('whats the aws version of azure managed identities');
    expect(reply!.answer.entry).toBe('iam-azure-managed-identity-equivalent');
    expect(screen(reply!)).toMatch(/IAM roles/);
    // One the directory maps is answered from it: every counterpart, best first.
    const [vault] = await chat('aws equivalent of azure key vault?');
    expect(vault!.understanding.services.slice(0, 2)).toEqual(['kms', 'secrets-manager']);
    expect(screen(vault!)).toMatch(/KMS[\s\S]*Secrets Manager/);
    const [compare] = await chat('s3 vs azure blob');
    expect(compare!.answer.entry).toBeUndefined();
    expect(compare!.answer.summary).toMatch(/^Amazon S3 is AWS's counterpart of Azure Blob Storage/);
  });

  it('"what replaces X" and "moving from azure" ask for the named product\'s counterpart, not the whole map', async () => {
    for (const q of ['what replaces key vault on aws', "we're moving from azure, what replaces key vault on aws"]) {
      const [reply] = await chat(q);
      expect(reply!.answer.title, q).toBe('Azure Key Vault on AWS');
      expect(screen(reply!)).toMatch(/KMS[\s\S]*Secrets Manager/);
    }
    const [, hsm] = await chat('what replaces key vault on aws', 'what about key vault managed hsm');
    expect(screen(hsm!)).toMatch(/counterpart of Azure Key Vault Managed HSM is CloudHSM/);
  });

  it('a counterpart closed to new customers comes after the successor AWS recommends, with its status', async () => {
    const [reply] = await chat("we're on azure devops now, what's the aws version of that");
    // Microsoft maps Azure DevOps to the Code* services; CodeCatalyst, closed, is named after them with its status.
    expect(reply!.understanding.services).toEqual(expect.arrayContaining(['codepipeline', 'codecatalyst']));
    expect(reply!.understanding.services.at(-1)).toBe('codecatalyst');
    expect(screen(reply!)).toMatch(/CodeCatalyst: .*\n.*Closed to new customers since 2025-11-07; AWS recommends\s+CodePipeline/);
  });

  it('"aws equivalent of <product>" with AWS words after it names the counterpart, the other AWS services apart', async () => {
    const [dx] = await chat('whats the aws equivalent of azure expressroute? we have a 1g expressroute circuit out of our equinix cage and want the same kind of private link into aws');
    expect(dx!.understanding.intent).toBe('recommend');
    expect(dx!.answer.summary).toMatch(/counterpart of Azure ExpressRoute is Direct Connect/);
    expect(dx!.answer.summary).not.toMatch(/VPC/);
    const [fd] = await chat('azure front door equivalent? we need global l7 entry + waf + caching');
    expect(fd!.answer.summary).toMatch(/counterpart of Azure Front Door is Amazon CloudFront/);
    expect(fd!.answer.sections.map((s) => s.heading)).toEqual(['AWS counterparts', 'Also in your question']);
    expect(screen(fd!)).toMatch(/AWS WAF/);
    // Set against each other, both sides stay a comparison.
    const [vs] = await chat('s3 vs azure blob');
    expect(vs!.understanding.intent).toBe('compare');
  });

  it('a product typed with its words run together or apart, or in the plural, finds its counterpart once', async () => {
    for (const [q, summary] of [
      ['big query to aws?', /counterpart of BigQuery is Amazon Redshift/],
      ['aws equivalent of cosmosdb', /counterpart of Azure Cosmos DB is Amazon DynamoDB/],
      ['google pubsub equivalent', /counterpart of Pub\/Sub is/],
      ['aws equivalent of azure vms', /counterpart of Azure Virtual Machines \(VMs\) is Amazon EC2/],
    ] as const) {
      const [reply] = await chat(q);
      expect(reply!.answer.summary, q).toMatch(summary);
      expect(reply!.answer.summary, q).not.toMatch(/BigQuery or Big Query|VMs\) \/ Azure VM/);
    }
  });

  it('"pricing?" after a comparison of services with no full profile puts each one\'s billing answer first', async () => {
    const [, pricing] = await chat('transit gateway vs network firewall', 'pricing?');
    expect(pricing!.understanding).toMatchObject({ intent: 'compare', aspect: 'pricing' });
    const first = pricing!.answer.sections[0]!;
    expect(first.heading).toMatch(/pric/i);
    expect(first.columns!.map((c) => c.bullets[0])).toEqual([expect.stringMatching(/per attachment per hour/), expect.stringMatching(/firewall endpoint/)]);
    const [plain] = await chat('transit gateway vs network firewall');
    expect(plain!.answer.sections[0]!.heading).toBe('Purpose');
  });

  it('a guess led by another service\'s exact phrasing yields to a much surer answer about the service named', async () => {
    // S3's "is it encrypted by default" scores higher on its words alone; Direct Connect's entry is the one about what was asked.
    const [reply] = await chat('is direct connect encrypted by default?');
    expect(reply!.answer.entry).toBe('direct-connect-encryption');
    expect(screen(reply!)).toMatch(/MACsec/);
  });

  it('a long question read as off topic, not surely, takes a bank answer that stands far ahead; a dinner question stays refused', async () => {
    const [archive] = await chat('~200 TB of raw sequencing reads we must keep 10 yrs per the grant but will almost never read. cheapest place to put it?');
    // The compliance-archive decision or the storage-class chooser: both lead to Deep Archive.
    expect(archive!.answer.entry).toMatch(/^(s3-compliance-archive-cheapest-undeletable|glacier-choose-class)$/);
    expect(screen(archive!)).toMatch(/Deep Archive/);
    const [pizza] = await chat("what's the best pizza place in new york near times square for a team dinner with twelve people?");
    expect(pizza!.answer.entry).toBeUndefined();
    expect(pizza!.answer.title).toMatch(/can't help/);
  });

  it('an aspect of a service with no full profile is answered by its bank entry, not the directory overview', async () => {
    const [limits] = await chat('what are the limits of network firewall');
    expect(limits!.answer.entry).toBe('network-firewall-quotas');
    const [what] = await chat('what is network firewall');
    expect(what!.answer.entry).toBeUndefined();
  });

  it('a counterpart closed to new customers is named with its status wherever it appears (Cloud Run → App Runner)', async () => {
    const [equivalent] = await chat('aws equivalent of cloud run');
    expect(equivalent!.understanding.services).toContain('app-runner');
    expect(screen(equivalent!)).toMatch(/App Runner: [\s\S]*Closed to new customers\s+since 2026-04-30/);
    // Asked with words of its own, the bank's answer on that very change leads, saying it plainly.
    const [asked] = await chat('whats the aws equivalent of google cloud run? i heard app runner is being shut down');
    expect(screen(asked!)).toMatch(/ECS\s+Express\s+Mode[\s\S]*App Runner is no longer open to new customers/);
  });

  it('another vendor\'s product "style" on AWS is answered from the bank when it holds that mapping', async () => {
    const [reply] = await chat('cloudflare workers style edge logic on aws: what are the options');
    expect(screen(reply!)).toMatch(/CloudFront Functions[\s\S]*Lambda@Edge/);
  });

  it('a product named beside two AWS services is context, not a side of the comparison ("msk or kinesis? nobody here knows kafka")', async () => {
    const [reply] = await chat('msk or kinesis data streams for ~50MB/s of match events? nobody here knows kafka');
    expect(reply!.understanding.services).toEqual(['msk', 'kinesis']);
    expect(reply!.understanding.others ?? []).toEqual([]);
    expect(reply!.answer.title).not.toMatch(/Apache Kafka/);
    expect(screen(reply!)).toMatch(/Kinesis Data\s+Streams on-demand/);
  });

  it('"leaving gcp bigquery … what do we use on aws" answers for the product, not the cloud', async () => {
    // Bare, the counterparts; with a constraint of its own (~3 TB warehouse), the bank's verdict.
    const [bare] = await chat("we're leaving gcp bigquery, what do we use on aws?");
    expect(bare!.answer.title).toBe('BigQuery on AWS');
    expect(bare!.answer.summary).toMatch(/Redshift/);
    const [reply] = await chat("we're leaving gcp bigquery, ~3 TB warehouse, what do we use on aws?");
    expect(reply!.answer.title).not.toMatch(/Google Cloud to AWS/);
    expect(screen(reply!).split('\n').slice(0, 4).join(' ')).toMatch(/Redshift/);
  });

  it('a specific question about the AWS side of a cross-cloud pair gets its answer, a bare pair the comparison', async () => {
    const [signed] = await chat('gcs signed urls equivalent in s3? and whats the max expiry we can set');
    expect(signed!.answer.entry).toBe('s3-presigned-url');
    expect(screen(signed!)).toMatch(/7 days/);
    const [bare] = await chat('S3 vs Azure Blob');
    expect(bare!.answer.entry).toBeUndefined();
    expect(bare!.answer.title).toMatch(/Azure Blob Storage/);
  });

  it('another cloud\'s products the directory maps are recognised by name, and "X -> aws?" asks for the equivalent', async () => {
    for (const [q, service] of [['dataproc -> aws?', /EMR/], ['cloud armor -> aws?', /WAF/], ['azure site recovery equivalent?', /DRS|Elastic Disaster Recovery/]] as const) {
      const [reply] = await chat(q);
      expect(reply!.understanding.intent, q).toBe('recommend');
      expect(reply!.answer.summary, q).toMatch(service);
    }
    // A name that is an ordinary word on AWS counts when said with its vendor.
    for (const [q, service] of [['we have azure durable functions orchestrations. what should they become on aws', /Step Functions/], ['aws counterpart of google cloud armor?', /WAF/]] as const) {
      const [reply] = await chat(q);
      expect(reply!.understanding.intent, q).toBe('recommend');
      expect(reply!.answer.summary, q).toMatch(service);
    }
    // Names that are ordinary words on AWS too stay words.
    const [storage] = await chat('which cloud storage class is cheapest for backups on s3');
    expect(storage!.understanding.others ?? []).toEqual([]);
  });
});

describe('when the bank has no good answer', () => {
  it('a how-to it cannot answer says so in one line and links the documentation', async () => {
    const [reply] = await chat('how do i configure the quantum flux capacitor on my sqs queue');
    expect(reply!.answer.entry === undefined || reply!.answer.notes.some((n) => /closest/.test(n))).toBe(true);
  });

  it('a closest answer below the lead threshold is said to be uncertain, a sure one is not', async () => {
    const questions = [
      'how do i run sql over json logs in s3 without loading them anywhere',
      'how do i make my app faster with a cache in front of the database',
      'how do i stop people from uploading huge files to my api',
      'how do i move a big table between regions',
      'how do i make sqs messages go to step functions',
      'how long does sqs keep messages',
    ];
    let uncertain = 0;
    for (const q of questions) {
      const [reply] = await chat(q);
      const m = reply!.understanding.match;
      if (!reply!.answer.entry || !m) continue;
      const said = reply!.answer.notes.some((n) => /closest (answer|fact)/.test(n));
      expect(said, q).toBe(m.confidence < LEAD_AT);
      if (said) uncertain++;
    }
    expect(uncertain).toBeGreaterThan(0);
  });
});

describe('a close second reading is offered beside the answer', () => {
  it('an unsure match shows its runner-up (question and lead) after its own steps, within the first screen', async () => {
    const [reply] = await chat("aurora mysql 'Too many connections' when the ecs service scales out");
    const m = reply!.understanding.match!;
    expect(m.confidence).toBeLessThan(LEAD_AT);
    expect(m.alternatives?.length).toBeGreaterThan(0);
    expect(m.alternatives!.map((a) => a.id)).not.toContain(m.id);
    const text = screen(reply!);
    expect(text).toMatch(/Or, if you meant "/);
    // Both readings are on the first screen: the guess leads, the runner-up follows its steps.
    expect(text).toMatch(/max_connections/);
    expect(text).toMatch(/Or, if you meant "[^"]*connections[^"]*"/i);
    expect(text.indexOf('Or, if you meant')).toBeGreaterThan(text.indexOf('Steps'));
  });

  it('a guess offers at most three other readings and keeps its own first steps, so all fit the first screen', async () => {
    const [reply] = await chat('run a cleanup every night at 03:00 utc that expires stale matchmaking tickets');
    const m = reply!.understanding.match!;
    expect(m.confidence).toBeLessThan(LEAD_AT);
    expect(m.alternatives!.length).toBeGreaterThanOrEqual(1);
    expect(m.alternatives!.length).toBeLessThanOrEqual(3);
    const steps = reply!.answer.sections.find((s) => /^(Steps|Fix it)/.test(s.heading ?? ''));
    if (steps) expect(steps.bullets!.length).toBeLessThanOrEqual(3);
    const text = screen(reply!);
    expect(text.match(/Or, if you meant/g)!.length).toBe(m.alternatives!.length);
  });

  it('a follow-up answered by the last answer again also shows what retrieval found about the conversation\'s services', async () => {
    const [first, next] = await chat("our lambda log groups are all 'never expire' and the cw bill keeps growing. how do i set retention on all of them", 'a logs insights query over 90 days of those keeps timing out');
    const m = next!.understanding.match!;
    expect(m.id).toBe(first!.answer.entry);
    expect(m.alternatives).toHaveLength(1);
    expect(m.alternatives![0]!.id).toMatch(/^cloudwatch-/);
    expect(screen(next!)).toMatch(/Or, if you meant "/);
  });

  it('a runner-up that only says again what the answer says is not offered beside it', async () => {
    // Three bank entries tell how to let a Lambda read one table; the answer leads with one, not all three.
    const [reply] = await chat('how do i give my lambda permission to read one dynamodb table');
    const m = reply!.understanding.match!;
    expect(m.id).toBe('dynamodb-lambda-access-one-table');
    expect((m.alternatives ?? []).map((a) => a.id)).not.toContain('lambda-dynamodb-one-table');
    expect(screen(reply!)).not.toMatch(/Or, if you meant/);
  });

  it('a runner-up sharing a number with a sure answer is still offered when it states a number of its own', async () => {
    // The dead-letter queue's retention ("max 14 days") may lead; the queue's own default (4 days) is worth its lines beside it.
    const [reply] = await chat('how long do sqs messages stay in the queue?');
    const text = screen(reply!);
    expect(text).toMatch(/\b4 days\b/);
    expect(text).toMatch(/14 days/);
  });

  it('a runner-up whose question does not name its service says which service it is about', async () => {
    const [reply] = await chat('how do we get a slack ping when daily aws spend spikes unexpectedly');
    expect(screen(reply!)).toMatch(/Or, if you meant "[^"]+" \(Cost Anomaly Detection\)/);
  });

  it('a sure match with no runner-up close behind shows no second reading', async () => {
    const [reply] = await chat('how many ips does aws reserve per subnet');
    expect(reply!.understanding.match!.confidence).toBeGreaterThanOrEqual(LEAD_AT);
    expect(reply!.understanding.match!.alternatives).toBeUndefined();
    expect(screen(reply!)).not.toMatch(/Or, if you meant/);
  });
});

describe('money words that do not ask a price', () => {
  it.each([
    ['athena queries on our events bucket scan like 2tb each time and cost a fortune', /Parquet/],
    ['our nat gateway bill is way too high, what is eating it', /NAT/],
    ['how much warning do you get before a spot instance is reclaimed', /2[- ]minute|two[- ]minute/i],
    ['move s3 objects to cheaper storage after 30 days automatically?', /lifecycle/i],
    ['private subnet instances need s3 but i dont want nat costs', /gateway endpoint|VPC endpoint/i],
  ])('"%s" is answered, not priced', async (question, pattern) => {
    const [reply] = await chat(question);
    expect(reply!.answer.title).not.toMatch(/price|cost estimate/i);
    expect(screen(reply!)).toMatch(pattern);
  });
});

describe('specific questions without a how-to cue are answered by the bank, general ones stay general', () => {
  it.each([
    // A symptom with no error word: a general Aurora profile would not answer it.
    ['aurora failover took our app down for minutes', 'aurora-failover'],
    // Read as a request for help ("how do i …"), but the bank holds the answer.
    ['how do i get the instance id from inside the box', 'ec2-instance-id-from-metadata'],
    // Three services named with a constraint: a decision weighing two of them beats a table of three.
    ['nightly 2-hour video transcode jobs: lambda, aws batch or a plain ec2', 'batch-vs-lambda-vs-fargate'],
    // The plain case beats a more specific entry that also matches ("… from GitHub Actions").
    ['how do i push a docker image to ecr', 'ecr-docker-login'],
    // "cheapest way to …" asks for a way, not for a price.
    ['cheapest way to give a dev vpc outbound internet', 'vpc-nat-gateway-vs-nat-instance'],
  ] as const)('"%s" leads with an entry starting %s', async (question, entry) => {
    const [reply] = await chat(question);
    expect(reply!.answer.entry).toMatch(new RegExp(`^${entry}`));
  });

  it('small talk and general questions keep their general answers', async () => {
    for (const [question, kind] of [['hi', 'greeting'], ['what can you do', 'help'], ['what is sqs', 'describe'], ['s3 vs ec2', 'compare']] as const) {
      const [reply] = await chat(question);
      expect(reply!.answer.entry, question).toBeUndefined();
      expect(reply!.answer.kind, question).toBe(kind);
    }
  });

  it('"s3 files" in a sentence are files in S3; "Amazon S3 Files" is the service', async () => {
    const [files] = await chat('need to process 100k s3 files in parallel with step functions');
    expect(files!.understanding.services).not.toContain('s3-files');
    const [service] = await chat('what is amazon s3 files');
    expect(service!.understanding.services).toEqual(['s3-files']);
  });
});

describe('word order', () => {
  it("the question's word pairs found in a phrasing raise that answer among near-equal ones", async () => {
    // "add an index to an existing table": the how-to whose phrasings hold those words in that order,
    // not the index limits, which the words alone rank a little higher.
    const [reply] = await chat('can i add an index to an existing dynamodb table');
    expect(reply!.answer.entry).toBe('dynamodb-add-gsi');
  });
});

describe('a general question about one service', () => {
  it('is not answered by a closest guess about another service ("how much does Redshift cost?" is no Athena answer)', async () => {
    const [reply] = await chat('how much does Redshift cost?');
    expect(reply!.answer.title).toMatch(/Redshift/);
    expect(reply!.answer.title).not.toMatch(/Athena/);
  });
});
