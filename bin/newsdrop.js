#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx newsdrop` works right after `npm ci` with no build step.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
// The composition root: the CLI reaches the local stack only through this link, loaded when needed.
process.exitCode = await main(process.argv.slice(2), { localStack: () => import('../local/link.ts') });
