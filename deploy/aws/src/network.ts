// Network: public subnets for the load balancer, private ones for the services (outbound through
// NAT), isolated ones for the database and Redis; S3 traffic stays on a free gateway endpoint.
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { DeployParams } from './context.js';
import { LOG_PREFIXES } from './storage.js';

export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, params: DeployParams, logBucket: s3.IBucket) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      // Named zones instead of a lookup: synth needs no AWS credentials.
      availabilityZones: params.zones,
      natGateways: params.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
      flowLogs: {
        toLogBucket: {
          destination: ec2.FlowLogDestination.toS3(logBucket, LOG_PREFIXES.vpcFlow),
          trafficType: ec2.FlowLogTrafficType.REJECT,
        },
      },
    });
  }
}
