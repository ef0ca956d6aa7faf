import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

/** A CloudFormation template as parsed JSON. */
interface TemplateJson {
  readonly Resources: Record<
    string,
    { readonly Type: string; readonly Properties?: Record<string, unknown> }
  >;
  readonly Outputs?: Record<
    string,
    { readonly Value: unknown; readonly Export?: { readonly Name: string } }
  >;
}

/** One Lambda function of a synthesized assembly, ready to run locally. */
export interface SynthesizedFunction {
  /** Folder of the bundle (`index.mjs`) synthesis produced. */
  readonly bundleDir: string;
  /** The function's environment, intrinsic values resolved to names. */
  readonly environment: Record<string, string>;
}

/**
 * Finds the function named `functionName` in the assembly, the asset folder
 * of its code, and its environment variables as the template gives them.
 * References are resolved the way CloudFormation would name things here:
 * a table `Ref` to its `TableName`, a bucket `Ref` to its `BucketName` (or,
 * when CloudFormation would generate one, a stand-in made from the logical
 * id), `Fn::ImportValue` through the exporting stack's outputs.
 */
export function readSynthesizedFunction(
  assembly: CloudAssembly,
  functionName: string,
): SynthesizedFunction {
  const templates = assembly.stacks.map(
    (stack) => stack.template as TemplateJson,
  );
  for (const [index, template] of templates.entries()) {
    for (const resource of Object.values(template.Resources)) {
      const properties = resource.Properties ?? {};
      if (
        resource.Type !== 'AWS::Lambda::Function' ||
        properties.FunctionName !== functionName
      ) {
        continue;
      }
      const stack = assembly.stacks[index];
      if (stack === undefined) break;
      const variables = (
        properties.Environment as { Variables: Record<string, unknown> }
      ).Variables;
      return {
        bundleDir: join(
          assembly.directory,
          assetPath(
            join(assembly.directory, `${stack.stackName}.assets.json`),
            properties.Code,
          ),
        ),
        environment: Object.fromEntries(
          Object.entries(variables).map(([name, value]) => [
            name,
            resolveValue(value, template, templates),
          ]),
        ),
      };
    }
  }
  throw new Error(`No function ${functionName} in the assembly`);
}

/** Where the assembly keeps the code asset a function's `Code` points to. */
function assetPath(manifestFile: string, code: unknown): string {
  const key = (code as { S3Key: string }).S3Key;
  const hash = key.replace(/\.zip$/, '');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    files: Record<string, { source: { path: string } }>;
  };
  const asset = manifest.files[hash];
  if (asset === undefined) throw new Error(`No asset ${hash}`);
  return asset.source.path;
}

function resolveValue(
  value: unknown,
  template: TemplateJson,
  templates: readonly TemplateJson[],
): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as Record<string, unknown>;
  if (typeof intrinsic.Ref === 'string') {
    return resolveRef(intrinsic.Ref, template);
  }
  if (typeof intrinsic['Fn::ImportValue'] === 'string') {
    const name = intrinsic['Fn::ImportValue'];
    for (const exporter of templates) {
      for (const output of Object.values(exporter.Outputs ?? {})) {
        if (output.Export?.Name === name) {
          return resolveValue(output.Value, exporter, templates);
        }
      }
    }
    throw new Error(`No stack exports ${name}`);
  }
  throw new Error(`Cannot resolve ${JSON.stringify(value)}`);
}

function resolveRef(logicalId: string, template: TemplateJson): string {
  const resource = template.Resources[logicalId];
  const properties = resource?.Properties ?? {};
  switch (resource?.Type) {
    case 'AWS::DynamoDB::Table':
      return String(properties.TableName);
    case 'AWS::S3::Bucket':
      return String(properties.BucketName ?? logicalId.toLowerCase());
    default:
      throw new Error(`Cannot resolve a Ref to ${logicalId}`);
  }
}
