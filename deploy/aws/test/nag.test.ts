// cdk-nag's AwsSolutions pack over the whole app: no unaccepted finding (error or warning), every
// accepted one carries a reason, and every accepted one is still needed.
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { createS3amApp } from '../src/app.js';
import { REQUIRED_CONTEXT, synthesize, type Synthesis } from './synth-kit.js';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Our acknowledgements (CDK itself acknowledges some of its own CloudFormation-Validate rules). */
function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  const all = root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
  return all.filter((acknowledgement) => acknowledgement.id.startsWith('AwsSolutions-'));
}

/** Findings as `rule id @ construct path` of each violating resource. */
function findingsIn(app: App): string[] {
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((r) => `${violation.ruleName} @ ${r.constructPath}`),
  );
}

let synth: Synthesis;

beforeAll(() => {
  // Synthesis itself fails on an unaccepted finding: cdk-nag runs as a validation plugin.
  synth = synthesize();
}, 120_000);
afterAll(() => synth.cleanup());

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing that is not accepted', () => {
    expect(findingsIn(synth.app)).toEqual([]);
  });

  it('has a reason for every accepted finding', () => {
    const accepted = acknowledgementsIn(synth.app);
    expect(accepted.length).toBeGreaterThan(10);
    for (const { id, reason } of accepted) {
      expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.length).toBeGreaterThan(40);
    }
  });

  it('accepts only findings that cdk-nag really reports without the acceptance', () => {
    const bare = createS3amApp({ context: REQUIRED_CONTEXT }, { acceptFindings: false });
    const findings = findingsIn(bare.app);
    for (const { path, id } of acknowledgementsIn(synth.app))
      expect([path, id, findings.some((f) => f.startsWith(`${id} @ ${path}`))]).toEqual([
        path,
        id,
        true,
      ]);
  });

  it('needs no acceptance of single-AZ data stores once Multi-AZ is chosen', () => {
    const ha = createS3amApp({
      context: { ...REQUIRED_CONTEXT, dbMultiAz: 'true', redisReplicas: '1' },
    });
    expect(findingsIn(ha.app)).toEqual([]);
    const ids = acknowledgementsIn(ha.app).map((a) => a.id);
    expect(ids).not.toContain('AwsSolutions-RDS3');
    expect(ids).not.toContain('AwsSolutions-AEC4');
  });
});
