import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the file share: documents' text (others write and share them). */
export const points = definePoints([{ path: 'documents[].content', kind: 'file' }]);
