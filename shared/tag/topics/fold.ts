/** Moved to shared/text/fold.ts; kept only for shared/tag/language until its rewrite imports that directly. */
export { foldedTokens } from '../../text/fold';
