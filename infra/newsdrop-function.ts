import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The Lambda runtime every newsdrop function runs on (the newest Node.js LTS that aws-cdk-lib knows). */
export const NEWSDROP_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * Some CommonJS dependencies call `require()` for Node built-ins; an ESM bundle has no `require`, so the
 * banner recreates one. Same banner as bench/bundle.ts, so the bench measures what is deployed.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface NewsdropFunctionProps
  extends Omit<
    NodejsFunctionProps,
    | 'runtime'
    | 'architecture'
    | 'bundling'
    | 'logGroup'
    | 'logRetention'
    | 'logRemovalPolicy'
    | 'role'
    | 'tracing'
    | 'entry'
  > {
  /** Path of the handler module (exports `handler`). */
  readonly entry: string;
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetentionDays?: logs.RetentionDays;
  /**
   * What happens to the log group when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly logGroupRemovalPolicy?: RemovalPolicy;
  /**
   * Data files copied next to the bundled code (`name` in the asset, read by the code from its own folder),
   * e.g. the entity model's weights.
   * @default none
   */
  readonly dataFiles?: readonly { readonly source: string; readonly name: string }[];
  /**
   * Code bundled apart (same esbuild settings) into a file beside the handler's bundle and imported only
   * when needed, e.g. the second opinion on web pages (shared/assets `SECOND_OPINION_CHUNK`).
   * @default none
   */
  readonly codeChunks?: readonly { readonly entry: string; readonly name: string }[];
}

/** esbuild's target for the runtime, as CDK derives it: nodejs24.x → node24. */
export const ESBUILD_TARGET = NEWSDROP_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1');

/**
 * Syntax the runtime has that esbuild's table denies it: esbuild rewrites a `/\p{…}/u` literal into
 * `new RegExp(…)` even for node24 (evanw/esbuild#3471), which builds a new regex object on every call of
 * a function holding one. Kept as literals the bundle is smaller and the tagger a little faster.
 */
export const ESBUILD_SUPPORTED: Readonly<Record<string, boolean>> = {
  'regexp-unicode-property-escapes': true,
};
const supportedArgs = Object.entries(ESBUILD_SUPPORTED).map(
  ([feature, on]) => `--supported:${feature}=${on}`,
);

/** The shell command that bundles a chunk as the handler is bundled (esbuild from the project, as CDK runs it). */
function chunkCommand(
  inputDir: string,
  outputDir: string,
  chunk: { entry: string; name: string; format?: 'esm' | 'cjs' },
): string {
  const format = chunk.format ?? 'esm';
  return [
    `cd "${inputDir}" && npx --no-install esbuild "${chunk.entry}" --bundle --minify --sourcemap`,
    `--sources-content=false --format=${format} --platform=node --target=${ESBUILD_TARGET}`,
    `--main-fields=module,main "--external:@aws-sdk/*" --charset=utf8 ${supportedArgs.join(' ')}`,
    // A CommonJS chunk has `require` already (and no `import.meta` for the banner to use).
    ...(format === 'esm' ? [`"--banner:js=${ESM_REQUIRE_BANNER}"`] : []),
    `--log-level=warning "--outfile=${outputDir}/${chunk.name}"`,
  ].join(' ');
}

/**
 * A NodejsFunction with newsdrop's defaults: Node.js 24 on arm64, X-Ray tracing, its own log group with a
 * retention, and a minified ESM bundle with source maps that leaves the AWS SDK to the runtime.
 *
 * The execution role is created here rather than by Lambda so it can write only to this function's log
 * group (AWSLambdaBasicExecutionRole would allow every log group in the account).
 */
export class NewsdropFunction extends NodejsFunction {
  /** The function's log group (retention set, removal policy from props). */
  public readonly functionLogGroup: logs.LogGroup;
  /** The execution role; resources grant to the function, which adds statements here. */
  public readonly executionRole: iam.Role;

  constructor(scope: Construct, id: string, props: NewsdropFunctionProps) {
    const {
      logRetentionDays,
      logGroupRemovalPolicy,
      dataFiles = [],
      codeChunks = [],
      ...functionProps
    } = props;
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: logRetentionDays ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: logGroupRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${id} function`,
    });
    super(scope, id, {
      timeout: Duration.seconds(10),
      memorySize: 512,
      ...functionProps,
      runtime: NEWSDROP_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        // Stack traces point at the TypeScript sources through the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // The lexicons are Vietnamese: as UTF-8 rather than \uXXXX escapes the bundle is ~70 KB smaller.
        // Passed as an esbuild argument: this aws-cdk-lib declares `charset` but does not hand it to esbuild.
        esbuildArgs: {
          '--charset': 'utf8',
          ...Object.fromEntries(
            Object.entries(ESBUILD_SUPPORTED).map(([f, on]) => [`--supported:${f}`, String(on)]),
          ),
        },
        // The Lambda Node.js runtime ships AWS SDK v3.
        externalModules: ['@aws-sdk/*'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ...dataFiles.map((f) => `cp "${f.source}" "${outputDir}/${f.name}"`),
            ...codeChunks.map((c) => chunkCommand(inputDir, outputDir, c)),
          ],
        },
      },
    });
    this.functionLogGroup = logGroup;
    this.executionRole = role;
    logGroup.grantWrite(role);

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (X-Ray requires Resource "*").',
    });
  }
}
